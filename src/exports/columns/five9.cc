// SPDX-License-Identifier: MIT
// Five9 call log report: AGENT DISCONNECTS FIRST per call. Its encoding (1/0, Yes/No) is not
// confirmed by Five9's documentation, so every row is read at most medium.
// docs/platforms.md#five9-call-log.
#include <array>

#include "exports/columns/column_product.h"

namespace whohungup::mappings {

namespace {

constexpr std::string_view kSeen =
    "Five9 call log report column AGENT DISCONNECTS FIRST as seen in user pipelines; encoding not confirmed";
constexpr auto kMed = Confidence::kMedium;
constexpr auto kLow = Confidence::kLow;

constexpr std::array<ReasonRow, 6> kRows{{
    {"1", Party::kAgent, Category::kHangup, Reason::agent_hangup, kMed, kSeen, false,
     "AGENT DISCONNECTS FIRST 1: the agent ended the call (the column's encoding is not confirmed, so medium)."},
    {"Yes", Party::kAgent, Category::kHangup, Reason::agent_hangup, kMed, kSeen, false,
     "AGENT DISCONNECTS FIRST Yes: the agent ended the call (the column's encoding is not confirmed, so medium)."},
    {"true", Party::kAgent, Category::kHangup, Reason::agent_hangup, kMed, kSeen, false,
     "AGENT DISCONNECTS FIRST true: the agent ended the call (the column's encoding is not confirmed, so medium)."},
    {"0", Party::kCustomer, Category::kHangup, Reason::customer_hangup, kLow, kSeen, false,
     "AGENT DISCONNECTS FIRST 0: the agent did not end the call first, so the customer (or the network) did; "
     "inferred, and the encoding is not confirmed: low."},
    {"No", Party::kCustomer, Category::kHangup, Reason::customer_hangup, kLow, kSeen, false,
     "AGENT DISCONNECTS FIRST No: the agent did not end the call first, so the customer (or the network) did; "
     "inferred, and the encoding is not confirmed: low."},
    {"false", Party::kCustomer, Category::kHangup, Reason::customer_hangup, kLow, kSeen, false,
     "AGENT DISCONNECTS FIRST false: the agent did not end the call first, so the customer (or the network) did; "
     "inferred, and the encoding is not confirmed: low."},
}};

std::string five9_key(std::string_view code) {
    return exports::columns::canonical_code(kRows, code);
}

}  // namespace

const ReasonTable& five9_agent_disconnects_first() {
    static const ReasonTable kTable{"Five9 call log AGENT DISCONNECTS FIRST (encoding unconfirmed)", "five9-call-log",
                                    kRows, &five9_key};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::columns {

namespace {

Verdict decide_five9(const ColumnRow& row, const AgentMatch& /*agents*/) {
    return start_verdict(five9_call_log(), row, mappings::five9_agent_disconnects_first(), row.value);
}

constexpr std::array<std::string_view, 1> kHasOne{"agent disconnects first"};
constexpr std::array<std::string_view, 2> kCallId{"call id", "session id"};
constexpr std::array<std::string_view, 1> kValue{"agent disconnects first"};
constexpr std::array<std::string_view, 1> kCaller{"ani"};
constexpr std::array<std::string_view, 1> kCallee{"dnis"};
constexpr std::array<std::string_view, 3> kAgent{"agent", "agent email", "agent name"};
constexpr std::array<std::string_view, 2> kStarted{"timestamp", "date"};

}  // namespace

const ColumnProduct& five9_call_log() {
    static const ColumnProduct kProduct{
        .format = "five9-call-log",
        .title = "a Five9 call log report",
        .header_has_one_of = kHasOne,
        .call_id = kCallId,
        .value = kValue,
        .caller = kCaller,
        .callee = kCallee,
        .agent = kAgent,
        .started = kStarted,
        .table = &mappings::five9_agent_disconnects_first,
        .decide = &decide_five9,
    };
    return kProduct;
}

}  // namespace whohungup::exports::columns
