// SPDX-License-Identifier: MIT
// Avaya CMS call records (External Call History, exported as CSV with the database item names as
// the header): AGT_RELEASED says whether the agent released the call first, TRANSFERRED whether
// the segment ended by a transfer, DISPOSITION how the segment ended (Avaya's Dictionary of CMS
// Database Items). One row is one segment; the segments of one UCID are one call, and the
// reconcile stage keeps the latest (by SEGSTOP), so the last segment decides.
// docs/platforms.md#avaya-cms-call-records.
#include <fmt/format.h>

#include <array>

#include "exports/columns/column_product.h"

namespace whohungup::mappings {

namespace {

constexpr std::string_view kDictionary =
    "documentation.avaya.com/en-us/home/bundle/cms/AvayaCMSDBItemsCalculations_r21/DictionaryOfCMSDatabaseItems/"
    "Disposition.html (DISPOSITION, call record tables)";
constexpr std::string_view kPractice =
    "AGT_RELEASED and TRANSFERRED as practitioners read them (agents hanging up on customers: AGT_RELEASED == 1 "
    "and TRANSFERRED == 0); Avaya's own definition not read";
constexpr auto kHigh = Confidence::kHigh;
constexpr auto kMed = Confidence::kMedium;
constexpr auto kLow = Confidence::kLow;

// "<agt_released>" on a segment that was not transferred, "<agt_released>/transferred" on one that was.
constexpr std::array<ReasonRow, 4> kReleasedRows{{
    {"1", Party::kAgent, Category::kHangup, Reason::agent_hangup, kMed, kPractice, false,
     "AGT_RELEASED 1: the agent released the call first. Inferred from practitioners' use of the item (Avaya's "
     "definition was not read), so medium."},
    {"0", Party::kCustomer, Category::kHangup, Reason::customer_hangup, kLow, kPractice, false,
     "AGT_RELEASED 0: the agent did not release the call first, so the other side (the customer, or the network) "
     "did. Inferred from practitioners' use of the item, so low."},
    {"1/transferred", Party::kAgent, Category::kTransfer, Reason::transferred, kMed, kPractice, false,
     "TRANSFERRED 1: the agent released the segment by transferring the call; the next segment of the UCID says "
     "how the call ended. Inferred from practitioners' use of the items, so medium."},
    {"0/transferred", Party::kUnknown, Category::kTransfer, Reason::transferred, kMed, kPractice, false,
     "TRANSFERRED 1: the segment ended by a transfer; the next segment of the UCID says how the call ended."},
}};

// Avaya writes the number; reports and some exports write the abbreviation (disposition_key).
constexpr std::array<ReasonRow, 7> kDispositionRows{{
    {"1", Party::kUnknown, Category::kHangup, Reason::handled_end_not_recorded, kHigh, kDictionary, false,
     "DISPOSITION 1 (CONN): a non-ACD call to a measured agent was connected; without AGT_RELEASED the record "
     "does not say who ended it."},
    {"2", Party::kUnknown, Category::kHangup, Reason::handled_end_not_recorded, kHigh, kDictionary, false,
     "DISPOSITION 2 (ANS): an agent answered the ACD call; without AGT_RELEASED the record does not say who "
     "ended it."},
    {"3", Party::kCustomer, Category::kAbandoned, Reason::abandoned, kHigh, kDictionary, false,
     "DISPOSITION 3 (ABAN): the caller disconnected before an agent answered."},
    {"4", Party::kUnknown, Category::kTransfer, Reason::forwarded, kHigh, kDictionary, false,
     "DISPOSITION 4 (IFLOW): the call was interflowed to a destination off the communication server."},
    {"5", Party::kSystem, Category::kNotConnected, Reason::forced_busy, kHigh, kDictionary, false,
     "DISPOSITION 5 (FBUSY): the call got a forced busy (a busy vector step, or a full split queue)."},
    {"6", Party::kSystem, Category::kNotConnected, Reason::system_disconnect, kHigh, kDictionary, false,
     "DISPOSITION 6 (FDISC): the communication server disconnected the call (a disconnect vector step, the vector "
     "disconnect timer, or the end of vector processing without being queued)."},
    {"7", Party::kUnknown, Category::kOther, Reason::other_disconnect, kHigh, kDictionary, false,
     "DISPOSITION 7 (OTHER): none of the other dispositions; the record does not say who ended the call."},
}};

/// The abbreviations of the dictionary, in the order of their numbers (CONN is 1).
constexpr std::array<std::string_view, 7> kDispositionNames{"CONN", "ANS", "ABAN", "IFLOW", "FBUSY", "FDISC", "OTHER"};

std::string released_key(std::string_view code) {
    return exports::columns::canonical_code(kReleasedRows, code);
}
std::string disposition_key(std::string_view code) {
    const std::string name = upper_trimmed(code);
    for (std::size_t i = 0; i < kDispositionNames.size(); ++i) {
        if (name == kDispositionNames[i]) return std::string(kDispositionRows[i].code);
    }
    return exports::columns::canonical_code(kDispositionRows, code);
}

}  // namespace

const ReasonTable& avaya_cms_agt_released() {
    static const ReasonTable kTable{"Avaya CMS call record AGT_RELEASED / TRANSFERRED (inferred)", "avaya-cms-calls",
                                    kReleasedRows, &released_key};
    return kTable;
}

const ReasonTable& avaya_cms_disposition() {
    static const ReasonTable kTable{"Avaya CMS call record DISPOSITION", "avaya-cms-calls", kDispositionRows,
                                    &disposition_key};
    return kTable;
}

}  // namespace whohungup::mappings

namespace whohungup::exports::columns {

namespace {

/// A segment the agent or caller ended (CONN, ANS) is read by AGT_RELEASED; a segment that never
/// reached an agent (ABAN, IFLOW, FBUSY, FDISC, OTHER) by its DISPOSITION alone.
Verdict decide_avaya_cms(const ColumnRow& row, const AgentMatch& /*agents*/) {
    const bool transferred = row.flag == "1";  // TRANSFERRED is a 0 / 1 item
    const std::string code = transferred && !row.value.empty() ? fmt::format("{}/transferred", row.value) : row.value;
    return start_by_kind(avaya_cms_calls(), row, mappings::avaya_cms_disposition(), code);
}

// AGT_RELEASED and two more of the call record's item names: "disposition" or "segment" alone
// are words any CSV may use.
constexpr std::array<std::string_view, 1> kHas{"agt_released"};
constexpr std::array<std::string_view, 12> kHasOne{"ucid",       "segment",     "segstart",  "segstop",
                                                   "talktime",   "transferred", "ansreason", "calling_pty",
                                                   "dialed_num", "anslogin",    "origlogin", "disposition"};
constexpr std::array<std::string_view, 2> kCallId{"ucid", "callid"};
constexpr std::array<std::string_view, 1> kValue{"agt_released"};
constexpr std::array<std::string_view, 1> kKind{"disposition"};
constexpr std::array<std::string_view, 1> kFlag{"transferred"};
constexpr std::array<std::string_view, 1> kSegment{"segment"};
constexpr std::array<std::string_view, 1> kCaller{"calling_pty"};
constexpr std::array<std::string_view, 1> kCallee{"dialed_num"};
constexpr std::array<std::string_view, 2> kAgent{"anslogin", "origlogin"};
constexpr std::array<std::string_view, 1> kStarted{"segstart"};
constexpr std::array<std::string_view, 1> kEnded{"segstop"};

}  // namespace

const ColumnProduct& avaya_cms_calls() {
    static const ColumnProduct kProduct{
        .format = "avaya-cms-calls",
        .title = "an Avaya CMS call record export",
        .header_has = kHas,
        .header_has_one_of = kHasOne,
        .header_one_of_needed = 2,
        .call_id = kCallId,
        .value = kValue,
        .kind = kKind,
        .caller = kCaller,
        .callee = kCallee,
        .agent = kAgent,
        .started = kStarted,
        .ended = kEnded,
        .flag = kFlag,
        .segment = kSegment,
        .table = &mappings::avaya_cms_agt_released,
        .decide = &decide_avaya_cms,
    };
    return kProduct;
}

}  // namespace whohungup::exports::columns
