// SPDX-License-Identifier: MIT
// Selection and presentation rules: VerdictFilter, --since/--until bounds, --sort's order, and
// how the text table shrinks to a terminal's width.
#include <gtest/gtest.h>

#include "filter/sorting_reporter.h"
#include "filter/time_bound.h"
#include "filter/verdict_filter.h"
#include "report/table_layout.h"

namespace whohungup {
namespace {

constexpr std::int64_t kNoon = 1795176000000;  // 2026-11-20T12:00:00Z

Verdict call(std::string agent, std::string name, std::int64_t end_ms) {
    Verdict v;
    v.agent = std::move(agent);
    v.agent_name = std::move(name);
    v.started_at_ms = end_ms == kNoTime ? kNoTime : end_ms - 60000;
    v.ended_at_ms = end_ms;
    v.ended_by = Party::kAgent;
    v.category = Category::kHangup;
    v.reason = Reason::agent_hangup;
    v.channel = Channel::kVoice;
    return v;
}

TEST(TimeBound, DatesCoverTheirWholeDayAndTimesAreExact) {
    EXPECT_EQ(parse_time_bound("2026-11-20", BoundKind::kSince), kNoon - 12 * 3600000);
    EXPECT_EQ(parse_time_bound("2026-11-20", BoundKind::kUntil), kNoon + 12 * 3600000);
    EXPECT_EQ(parse_time_bound("2026-11-20T12:00:00Z", BoundKind::kUntil), kNoon);
    EXPECT_EQ(parse_time_bound("2026-11-20T14:00:00+02:00", BoundKind::kSince), kNoon);
    EXPECT_FALSE(parse_time_bound("yesterday", BoundKind::kSince).has_value());
    EXPECT_FALSE(parse_time_bound("2026-13-01", BoundKind::kSince).has_value());
}

TEST(VerdictFilter, EmptyOptionsKeepEverything) {
    const Options options;
    EXPECT_TRUE(VerdictFilter(options).keep(call("a1", "", kNoTime)));
}

TEST(VerdictFilter, TimeWindowUsesEndedAtElseStartedAt) {
    Options options;
    options.select.since_ms = kNoon;
    options.select.until_ms = kNoon + 1000;
    const VerdictFilter filter(options);
    EXPECT_TRUE(filter.keep(call("a", "", kNoon)));          // since is inclusive
    EXPECT_FALSE(filter.keep(call("a", "", kNoon + 1000)));  // until is exclusive
    EXPECT_FALSE(filter.keep(call("a", "", kNoon - 1)));
    EXPECT_FALSE(filter.keep(call("a", "", kNoTime)));  // no time: not in any window
    Verdict open = call("a", "", kNoTime);
    open.started_at_ms = kNoon + 500;  // still talking: its start decides
    EXPECT_TRUE(filter.keep(open));
}

TEST(VerdictFilter, AgentMatchesIdOrUsernameAndListsKeepAnyValue) {
    Options options;
    options.select.agents = {"jdoe", "a2"};
    options.select.reasons = {Reason::agent_hangup, Reason::customer_hangup};
    options.select.categories = {Category::kHangup};
    options.select.channels = {Channel::kVoice};
    options.who = {Party::kAgent};
    const VerdictFilter filter(options);
    EXPECT_TRUE(filter.keep(call("a1", "jdoe", kNoon)));
    EXPECT_TRUE(filter.keep(call("a2", "", kNoon)));
    EXPECT_FALSE(filter.keep(call("a3", "mary", kNoon)));
    Verdict other = call("a2", "", kNoon);
    other.channel = Channel::kChat;
    EXPECT_FALSE(filter.keep(other));
    other = call("a2", "", kNoon);
    other.reason = Reason::signaling_lost;
    EXPECT_FALSE(filter.keep(other));
    other = call("a2", "", kNoon);
    other.ended_by = Party::kCustomer;
    EXPECT_FALSE(filter.keep(other));
}

class Collecting final : public Reporter {
public:
    void on_verdict(const Verdict& verdict) override { order.push_back(verdict.agent); }
    void on_input_end(const InputReport& report) override { order.push_back("end:" + report.input); }
    void finish(const Summary* /*summary*/) override { order.emplace_back("finish"); }
    std::vector<std::string> order;
};

TEST(SortingReporter, SortsStablyMissingValuesLastThenInputsThenFinish) {
    Collecting inner;
    auto sorted = make_sorting_reporter(SortKey::kEnded, /*descending=*/true, inner);
    sorted->on_verdict(call("early", "", kNoon));
    sorted->on_verdict(call("none", "", kNoTime));
    sorted->on_verdict(call("late", "", kNoon + 5));
    sorted->on_verdict(call("late-too", "", kNoon + 5));
    sorted->on_input_end(InputReport{"in.txt"});
    EXPECT_TRUE(inner.order.empty());  // held until the end
    sorted->finish(nullptr);
    EXPECT_EQ(inner.order, (std::vector<std::string>{"late", "late-too", "early", "none", "end:in.txt", "finish"}));
}

TEST(SortingReporter, SortsByDurationAndText) {
    Collecting inner;
    auto sorted = make_sorting_reporter(SortKey::kAgent, /*descending=*/false, inner);
    sorted->on_verdict(call("b", "", kNoon));
    sorted->on_verdict(call("x", "a-name", kNoon));  // the username sorts, where known
    sorted->on_verdict(call("", "", kNoon));
    sorted->finish(nullptr);
    EXPECT_EQ(inner.order, (std::vector<std::string>{"x", "b", "", "finish"}));
}

std::size_t row_width(const detail::TableLayout& layout) {
    std::size_t width = 0;
    for (std::size_t i = 0; i + 1 < layout.columns.size(); ++i) {
        width += layout.columns[i].width + 2;
    }
    return width + layout.last_width;
}

TEST(TableLayout, PipedKeepsEveryColumnWhole) {
    const detail::TableLayout layout = detail::layout_table({}, 0);
    ASSERT_EQ(layout.columns.size(), 7U);
    EXPECT_FALSE(layout.compact_times);
    EXPECT_FALSE(layout.elide_contact);
    EXPECT_EQ(layout.last_width, 0U);
}

TEST(TableLayout, ShrinksInTheDocumentedOrder) {
    const auto fields_of = [](const detail::TableLayout& layout) {
        std::vector<std::string_view> names;
        for (const detail::TableColumn& column : layout.columns) {
            names.push_back(detail::to_string(column.field));
        }
        return names;
    };
    const detail::TableLayout wide = detail::layout_table({}, 200);
    EXPECT_FALSE(wide.compact_times);
    EXPECT_EQ(fields_of(wide).size(), 7U);
    const detail::TableLayout hundred = detail::layout_table({}, 100);
    EXPECT_TRUE(hundred.compact_times);
    EXPECT_TRUE(hundred.elide_contact);
    EXPECT_EQ(fields_of(hundred),
              (std::vector<std::string_view>{"ended_at", "duration_s", "ended_by", "reason", "contact_id", "agent"}));
    const detail::TableLayout eighty = detail::layout_table({}, 80);
    EXPECT_EQ(fields_of(eighty),
              (std::vector<std::string_view>{"ended_at", "duration_s", "ended_by", "reason", "agent"}));
    EXPECT_EQ(row_width(eighty), 80U);
    const detail::TableLayout fifty = detail::layout_table({}, 50);
    EXPECT_EQ(fields_of(fifty), (std::vector<std::string_view>{"ended_at", "ended_by", "reason", "agent"}));
    for (std::size_t width = 51; width <= 140; ++width) {
        EXPECT_LE(row_width(detail::layout_table({}, width)), width) << width;
    }
}

TEST(TableLayout, ChosenFieldsAreKeptWhole) {
    const detail::TableLayout layout = detail::layout_table({"contact_id", "reason"}, 40);
    ASSERT_EQ(layout.columns.size(), 2U);
    EXPECT_FALSE(layout.elide_contact);
    EXPECT_EQ(layout.line_width, 0U);
}

TEST(TableLayout, CutsOnCharacterBoundaries) {
    EXPECT_EQ(detail::cut_text("agent_hangup", 20), "agent_hangup");
    EXPECT_EQ(detail::cut_text("agent_hangup", 6), "agent~");
    EXPECT_EQ(detail::cut_text("J\xC3\xBCrgen M\xC3\xBCller", 4), "J\xC3\xBCr~");
    EXPECT_EQ(detail::text_width("J\xC3\xBCrgen"), 6U);
    EXPECT_EQ(detail::elide_middle("c0ffee00-0001-4001-8001-a11ce0000001"), "c0ffee00~0001");
    EXPECT_EQ(detail::elide_middle("short-id"), "short-id");
}

}  // namespace
}  // namespace whohungup
