// SPDX-License-Identifier: MIT
#include "exports/freeswitch/freeswitch_reader.h"

#include <fmt/format.h>

#include <vector>

#include "exports/common/json_record_reader.h"
#include "exports/common/open_calls.h"
#include "exports/freeswitch/cdr_decoders.h"
#include "exports/freeswitch/freeswitch_decide.h"
#include "json/dom_access.h"

namespace whohungup::exports::freeswitch {

namespace {

constexpr std::size_t kBLegsKept = 8;  ///< ring attempts of a ring group beyond these are counted

/// Holds the legs of each call until the group ends (legs of one call come in any order and
/// from any file); over --max-open-calls the oldest call is decided early.
class LegAssembler {
public:
    LegAssembler(const Limits& limits, std::string_view format)
        : agents_(agent_pattern(limits)), max_open_(limits.max_open_calls), format_(format) {}

    void add(FreeswitchLeg&& leg, VerdictSink& out, DiagnosticSink& diag) {
        const std::string id = leg.call_id();
        FreeswitchCall* held = calls_.find(id);
        if (held == nullptr) {
            if (calls_.size() >= max_open_) make_room(out, diag, leg.input);
            held = &calls_.add(id);
            held->call_id = id;
        }
        FreeswitchCall& call = *held;
        if (leg.is_a_leg() && leg.uuid == id) {
            call.a_leg = std::move(leg);
        } else if (call.b_legs.size() < kBLegsKept) {
            call.b_legs.push_back(std::move(leg));
        } else {
            ++call.extra_b_legs;
        }
    }

    void finish(VerdictSink& out) {
        calls_.drain([&](const FreeswitchCall& call) { out.on_verdict(decide(call, agents_, format_)); });
    }

private:
    void make_room(VerdictSink& out, DiagnosticSink& diag, const std::string& input) {
        if (!warned_) {
            warned_ = true;
            diag.report(Diagnostic::warning(
                input, fmt::format("more than {} calls open at once (--max-open-calls): the oldest are "
                                   "decided before all their legs are read (said once)",
                                   max_open_)));
        }
        out.on_verdict(decide(calls_.oldest(), agents_, format_));
        calls_.erase_oldest();
    }

    AgentMatch agents_;
    std::size_t max_open_;
    std::string_view format_;
    OpenCalls<FreeswitchCall> calls_;  ///< by id, oldest first: making room costs O(log n)
    bool warned_ = false;
};

class JsonCdrReader final : public exports::JsonRecordReader {
public:
    explicit JsonCdrReader(const Limits& limits) : JsonRecordReader(limits), legs_(limits, "freeswitch-json-cdr") {}

    void finish(VerdictSink& out, DiagnosticSink& /*diag*/) override { legs_.finish(out); }

protected:
    void on_value(simdjson::dom::element value, const exports::RecordPos& pos, VerdictSink& out) override {
        count_record();
        const std::optional<detail::object> object = detail::as_object(value);
        FreeswitchLeg leg;
        if (!object || !decode_json_cdr(*object, leg)) {
            skip_record(pos, "not a mod_json_cdr document (no variables.uuid)");
            return;
        }
        leg.input = input_name();
        leg.line = pos.line;
        leg.byte = pos.byte;
        legs_.add(std::move(leg), out, diag());
    }

private:
    LegAssembler legs_;
};

class XmlCdrReader final : public Reader {
public:
    explicit XmlCdrReader(const Limits& limits) : legs_(limits, "freeswitch-xml-cdr") {}

    InputResult read(ByteSource& source,
                     const std::string& input_name,
                     VerdictSink& out,
                     DiagnosticSink& diag) override {
        InputResult result;
        std::uint64_t warnings = 0;
        const std::string error = read_xml_cdrs(
            source,
            [&](FreeswitchLeg&& leg, bool ok, std::uint64_t line) {
                ++result.records;
                if (!ok) {
                    ++result.skipped;
                    if (++warnings <= 3) {
                        diag.report(Diagnostic::warning(input_name, "record skipped: a <cdr> without variables/uuid")
                                        .at(line, 0));
                    }
                    return;
                }
                leg.input = input_name;
                leg.line = line;
                legs_.add(std::move(leg), out, diag);
            },
            result.bytes);
        if (!source.error().empty()) {
            diag.report(
                Diagnostic::error(input_name, fmt::format("read error: {}", source.error())).at(0, result.bytes));
            result.failed = true;
        } else if (!error.empty()) {
            diag.report(Diagnostic::error(input_name, fmt::format("not well-formed XML: {}", error)));
            result.failed = true;
        } else if (result.records == 0) {
            diag.report(Diagnostic::error(input_name, "not a mod_xml_cdr document: no <cdr> element"));
            result.failed = true;
        }
        if (result.skipped > 3) {
            diag.report(Diagnostic::warning(input_name,
                                            fmt::format("skipped {} of {} records", result.skipped, result.records)));
        }
        return result;
    }

    void finish(VerdictSink& out, DiagnosticSink& /*diag*/) override { legs_.finish(out); }

private:
    LegAssembler legs_;
};

}  // namespace

bool sniff_json_cdr(std::string_view head) {
    return head.find("\"channel_data\"") != std::string_view::npos &&
           head.find("\"variables\"") != std::string_view::npos &&
           (head.find("\"core-uuid\"") != std::string_view::npos ||
            head.find("\"callflow\"") != std::string_view::npos);
}

bool sniff_xml_cdr(std::string_view head) {
    const std::size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string_view::npos || head[first] != '<') return false;
    return head.find("<cdr") != std::string_view::npos && (head.find("<channel_data>") != std::string_view::npos ||
                                                           head.find("<variables>") != std::string_view::npos);
}

std::unique_ptr<Reader> make_json_cdr_reader(const Limits& limits) {
    return std::make_unique<JsonCdrReader>(limits);
}

std::unique_ptr<Reader> make_xml_cdr_reader(const Limits& limits) {
    return std::make_unique<XmlCdrReader>(limits);
}

std::string cdr_group_key(std::string_view /*head*/) {
    return "all";
}

}  // namespace whohungup::exports::freeswitch
