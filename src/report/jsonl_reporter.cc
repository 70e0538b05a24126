// SPDX-License-Identifier: MIT
// JSON Lines: one object per line with a "type" (verdict, input_end, summary). The wire format
// is documented in docs/output-format.md; consumers must ignore types and fields they don't know.
#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstring>
#include <iterator>
#include <optional>

#include "core/time_format.h"
#include "report/escape.h"
#include "report/reporters.h"

namespace whohungup::detail {

namespace {

/// A key this file names: a short plain identifier, checked when the code compiles, so it is
/// written as it is, without an escaping pass (keys taken from data go through count()).
struct Key {
    static constexpr std::size_t kMaxSize = 28;
    // NOLINTNEXTLINE(google-explicit-constructor): string literals are the keys
    consteval Key(const char* literal) : text(literal) {
        if (text.size() > kMaxSize) {
            throw "JSON key longer than Key::kMaxSize";  // not a constant expression: a compile error
        }
        for (const char c : text) {
            if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) {
                throw "JSON key that would need escaping";
            }
        }
    }
    std::string_view text;
};

class JsonObject {
public:
    explicit JsonObject(std::string& out) : out_(out) { out_.push_back('{'); }
    JsonObject& string(Key key, std::string_view value) {
        start(key);
        append_json_string(out_, value);
        return *this;
    }
    JsonObject& optional_string(Key key, std::string_view value) {
        start(key);
        if (value.empty()) {
            out_ += "null";
        } else {
            append_json_string(out_, value);
        }
        return *this;
    }
    JsonObject& time(Key key, std::int64_t ms) {
        start(key);
        if (ms == kNoTime) {
            out_ += "null";
        } else {
            out_.push_back('"');
            append_iso8601_ms(out_, ms);  // digits and separators: nothing to escape
            out_.push_back('"');
        }
        return *this;
    }
    JsonObject& number(Key key, std::uint64_t value) {
        start(key);
        append_number(value);
        return *this;
    }
    /// A count under a key taken from the data (an agent, a reason), escaped like any value.
    JsonObject& count(std::string_view data_key, std::uint64_t value) {
        separate();
        append_json_string(out_, data_key);
        out_.push_back(':');
        append_number(value);
        return *this;
    }
    /// A JSON value (already written) under a key taken from the data.
    JsonObject& raw_under(std::string_view data_key, std::string_view json) {
        separate();
        append_json_string(out_, data_key);
        out_.push_back(':');
        out_ += json;
        return *this;
    }
    /// Opens an array under `key`; the caller writes its elements and closes it with ']'.
    std::string& array(Key key) {
        start(key);
        out_.push_back('[');
        return out_;
    }
    JsonObject& boolean(Key key, bool value) {
        start(key);
        out_ += value ? "true" : "false";
        return *this;
    }
    /// Seconds with three decimals, from whole milliseconds (no floating point on the way).
    JsonObject& milliseconds_as_seconds(Key key, std::int64_t ms) {
        start(key);
        append_seconds(out_, ms);
        return *this;
    }
    JsonObject& raw(Key key, std::string_view json) {
        start(key);
        out_ += json;
        return *this;
    }
    void close() { out_.push_back('}'); }

private:
    void start(Key key) {
        // `,"key":` assembled on the stack and appended once: a verdict line has two dozen keys.
        std::array<char, Key::kMaxSize + 4> piece{',', '"'};
        std::memcpy(piece.data() + 2, key.text.data(), key.text.size());
        piece.at(key.text.size() + 2) = '"';
        piece.at(key.text.size() + 3) = ':';
        const std::size_t skip = first_ ? 1 : 0;
        out_.append(piece.data() + skip, key.text.size() + 4 - skip);
        first_ = false;
    }
    void separate() {
        if (!first_) {
            out_.push_back(',');
        }
        first_ = false;
    }
    void append_number(std::uint64_t value) {
        char digits[24];
        const auto result = std::to_chars(digits, digits + sizeof digits, value);
        out_.append(digits, result.ptr);
    }
    std::string& out_;
    bool first_ = true;
};

std::string counts_object(const std::map<std::string, std::uint64_t>& counts) {
    std::string out;
    JsonObject object(out);
    for (const auto& [key, count] : counts) {
        object.count(key, count);
    }
    object.close();
    return out;
}

/// A share in [0, 1] with four decimals, or null when there is nothing to divide by.
std::string rate_json(std::optional<double> rate) {
    return rate ? fmt::format("{:.4f}", *rate) : std::string("null");
}

/// {"agent":N,...}: every enumerator, zeros included, so consumers need no defaults.
template <typename Enum, std::size_t N>
std::string enum_counts(const std::array<std::uint64_t, N>& counts) {
    std::string out;
    JsonObject object(out);
    for (std::size_t i = 0; i < N; ++i) {
        object.count(to_string(static_cast<Enum>(i)), counts.at(i));
    }
    object.close();
    return out;
}

std::string agents_object(const std::map<std::string, AgentSummary>& agents) {
    std::string out;
    JsonObject object(out);
    for (const auto& [key, agent] : agents) {
        std::string inner;
        JsonObject item(inner);
        item.optional_string("agent_name", agent.agent_name)
            .number("calls", agent.calls)
            .number("connected", agent.connected)
            .raw("ended_by", enum_counts<Party>(agent.ended_by))
            .raw("category", enum_counts<Category>(agent.category))
            .raw("agent_hangup_rate", rate_json(agent.rate(agent.agent_hangups)))
            .raw("customer_hangup_rate", rate_json(agent.rate(agent.customer_hangups)))
            .raw("dropped_rate", rate_json(agent.rate(agent.dropped)));
        item.close();
        object.raw_under(key, inner);
    }
    object.close();
    return out;
}

/// {"agent":{"calls":N,"median":S,"p90":S},...} for the parties with timed calls.
std::string durations_object(const std::array<DurationHistogram, kPartyCount>& durations) {
    std::string out;
    JsonObject object(out);
    for (std::size_t i = 0; i < durations.size(); ++i) {
        const DurationHistogram& histogram = durations.at(i);
        if (histogram.count() == 0) {
            continue;
        }
        std::string inner;
        JsonObject item(inner);
        item.number("calls", histogram.count())
            .raw("median", fmt::format("{}", histogram.quantile_s(0.5).value_or(0)))
            .raw("p90", fmt::format("{}", histogram.quantile_s(0.9).value_or(0)));
        item.close();
        object.raw_under(to_string(static_cast<Party>(i)), inner);
    }
    object.close();
    return out;
}

void write_summary(const Summary& summary, std::string& line) {
    JsonObject object(line);
    object.string("type", "summary")
        .number("calls", summary.total())
        .raw("by_ended_by", counts_object(summary.by_ended_by()))
        .raw("by_category", counts_object(summary.by_category()))
        .raw("by_reason", counts_object(summary.by_reason()))
        .raw("by_confidence", counts_object(summary.by_confidence()))
        .raw("by_agent", agents_object(summary.by_agent()))
        .raw("dropped_mid_call", counts_object(summary.dropped()))
        .raw("never_connected", counts_object(summary.never_connected()))
        .raw("duration_s", durations_object(summary.durations()))
        .string("hour_zone", summary.hour_zone())
        .raw("by_hour", counts_object(summary.by_hour()))
        .raw("by_day", counts_object(summary.by_day()))
        .raw("by_channel", counts_object(summary.by_channel()))
        .raw("by_format", counts_object(summary.by_format()))
        .number("conflicts", summary.conflicts())
        .number("inputs_skipped", summary.inputs_skipped());
    object.close();
}

class JsonlReporter final : public Reporter {
public:
    JsonlReporter(const ReportStyle& style, std::ostream& out) : count_only_(style.count_only), out_(out) {}

    void on_verdict(const Verdict& v) override {
        line_.clear();
        JsonObject object(line_);
        object.string("type", "verdict")
            .string("source_format", v.source_format)
            .string("input", v.input)
            .string("contact_id", v.contact_id)
            .optional_string("agent", v.agent)
            .optional_string("agent_name", v.agent_name)
            .time("started_at", v.started_at_ms)
            .time("ended_at", v.ended_at_ms);
        if (auto duration = v.duration_ms()) {
            object.milliseconds_as_seconds("duration_s", *duration);
        } else {
            object.raw("duration_s", "null");
        }
        object.string("ended_by", to_string(v.ended_by))
            .string("category", to_string(v.category))
            .string("reason", to_string(v.reason))
            .optional_string("raw_reason", v.raw_reason)
            .string("confidence", to_string(v.confidence))
            .string("detail", v.detail)
            .optional_string("outcome", v.outcome)
            .optional_string("channel", v.channel == Channel::kUnknown ? std::string_view() : to_string(v.channel))
            .optional_string("ended_by_side",
                             v.ended_by_side == Side::kNone ? std::string_view() : to_string(v.ended_by_side))
            .string("agreement", to_string(v.agreement));
        std::string& sources = object.array("sources");
        bool first_source = true;
        for (const SourceView& s : sources_of(v)) {
            if (!first_source) {
                sources.push_back(',');
            }
            first_source = false;
            JsonObject item(sources);
            item.string("format", s.format)
                .string("input", s.input)
                .string("ended_by", to_string(s.ended_by))
                .string("category", to_string(s.category))
                .string("reason", to_string(s.reason))
                .string("confidence", to_string(s.confidence));
            item.close();
        }
        sources.push_back(']');
        std::string& evidence = object.array("evidence");
        bool first = true;
        for (const Evidence& e : v.evidence) {
            if (!first) {
                evidence.push_back(',');
            }
            first = false;
            JsonObject item(evidence);
            item.time("time", e.time_ms).string("input", e.input);
            if (e.line > 0) {
                item.number("line", e.line);
            } else {
                item.raw("line", "null");
            }
            item.number("byte", e.byte).string("text", e.text);
            item.close();
        }
        evidence.push_back(']');
        object.close();
        line_.push_back('\n');
        out_ << line_;
    }

    void on_input_end(const InputReport& report) override {
        if (count_only_) {
            return;  // --count: the summary record only
        }
        line_.clear();
        JsonObject object(line_);
        object.string("type", "input_end")
            .string("input", report.input)
            .optional_string("format", report.format)
            .number("records", report.result.records)
            .number("skipped", report.result.skipped)
            .number("bytes", report.result.bytes)
            .number("verdicts", report.verdicts)
            .number("non_voice_contacts", report.result.non_voice_contacts)
            .boolean("error", report.error);  // format null, error false: skipped in a walk
        object.close();
        line_.push_back('\n');
        out_ << line_;
    }

    void finish(const Summary* summary) override {
        if (summary != nullptr) {
            line_.clear();
            write_summary(*summary, line_);
            line_.push_back('\n');
            out_ << line_;
        }
        out_.flush();
    }

private:
    bool count_only_;
    std::ostream& out_;
    std::string line_;
};

}  // namespace

std::unique_ptr<Reporter> make_jsonl_reporter(const ReportStyle& style, std::ostream& out) {
    return std::make_unique<JsonlReporter>(style, out);
}

}  // namespace whohungup::detail
