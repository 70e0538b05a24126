// SPDX-License-Identifier: MIT
// The Interactions CSV's Date column in the exporting user's locale: day first or month first,
// told from the head of the file, with a warning when the head cannot tell.
#include <gtest/gtest.h>

#include <string>

#include "core/time_format.h"
#include "exports/genesys/interactions_csv_reader.h"
#include "support/collecting_sinks.h"

namespace whohungup::exports {
namespace {

using Collect = whohungup::testing::CollectingSinks;

Collect read_export(const std::string& rows) {
    Collect sink;
    auto reader = make_genesys_interactions_csv_reader(Limits{});
    auto source = ByteSource::from_memory("\"Media Type\",\"Date\",\"Conversation ID\",\"Disconnect Type\"\n" + rows);
    reader->read(*source, "export.csv", sink, sink);
    reader->finish(sink, sink);
    return sink;
}

std::string started(const Collect& sink, const std::string& id) {
    return detail::format_iso8601_ms(sink.by_id().at(id).started_at_ms);
}

TEST(GenesysDateOrder, ANumberAbove12TellsTheOrderOfTheWholeFile) {
    struct Case {
        const char* first_date;  // a date either order reads, read before the row that tells
        const char* telling_date;
        const char* first_start;
        const char* telling_start;
    };
    for (const Case& c :
         {Case{"02/01/2026 10:30", "13/01/2026 09:00", "2026-01-02T10:30:00.000Z", "2026-01-13T09:00:00.000Z"},
          Case{"2/1/26 10:30 AM", "1/13/26 9:00 PM", "2026-02-01T10:30:00.000Z", "2026-01-13T21:00:00.000Z"}}) {
        const Collect sink = read_export(std::string(R"("voice",")") + c.first_date + R"(","c-1","Agent")" + "\n" +
                                         R"("voice",")" + c.telling_date + R"(","c-2","External")" + "\n");
        ASSERT_EQ(sink.verdicts.size(), 2U);
        EXPECT_EQ(started(sink, "c-1"), c.first_start) << c.first_date;
        EXPECT_EQ(started(sink, "c-2"), c.telling_start) << c.telling_date;
        EXPECT_TRUE(sink.diagnostics.empty()) << c.telling_date;
    }
}

TEST(GenesysDateOrder, AHeadThatCannotTellIsReadMonthFirstAndSaysSo) {
    const Collect sink = read_export(
        "\"voice\",\"02/01/2026 10:30\",\"c-1\",\"Agent\"\n"
        "\"voice\",\"03/01/2026 11:00\",\"c-2\",\"Agent\"\n");
    EXPECT_EQ(started(sink, "c-1"), "2026-02-01T10:30:00.000Z");
    ASSERT_EQ(sink.diagnostics.size(), 1U);
    EXPECT_EQ(sink.diagnostics[0].severity, Severity::kWarning);
    EXPECT_NE(sink.diagnostics[0].message.find("first 2 dates read the same in either order"), std::string::npos)
        << sink.diagnostics[0].message;
}

TEST(GenesysDateOrder, BothOrdersInTheHeadAreReadMonthFirstAndSaid) {
    const Collect sink = read_export(
        "\"voice\",\"13/01/2026 09:00\",\"c-1\",\"Agent\"\n"
        "\"voice\",\"01/14/2026 09:00\",\"c-2\",\"Agent\"\n");
    EXPECT_EQ(started(sink, "c-2"), "2026-01-14T09:00:00.000Z");
    EXPECT_EQ(sink.by_id().at("c-1").started_at_ms, kNoTime);
    bool said = false;
    for (const Diagnostic& d : sink.diagnostics)
        said = said || d.message.find("\"13/01/2026 09:00\"") != std::string::npos;
    EXPECT_TRUE(said);
}

TEST(GenesysDateOrder, OnlyTheBoundedHeadIsRead) {
    // 1000 ambiguous rows, then a day above 12: the head decided month first, and said so.
    std::string rows;
    for (int i = 0; i < 1000; ++i)
        rows += R"("voice","02/01/2026 10:30","c-)" + std::to_string(i) + R"(","Agent")" + "\n";
    rows += "\"voice\",\"13/01/2026 09:00\",\"late\",\"Agent\"\n";
    const Collect sink = read_export(rows);
    EXPECT_EQ(started(sink, "c-0"), "2026-02-01T10:30:00.000Z");
    EXPECT_EQ(sink.by_id().at("late").started_at_ms, kNoTime);
    EXPECT_NE(sink.diagnostics[0].message.find("either order"), std::string::npos);
}

}  // namespace
}  // namespace whohungup::exports
