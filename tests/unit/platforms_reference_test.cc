// SPDX-License-Identifier: MIT
// Every value of the platform reference's tables (shared/reference/platforms.md beside the
// repository, read at test time as the seed pages are in mappings_test.cc) maps, for the
// platforms whohungup reads; the values of platforms it does not read yet are listed.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "exports/asterisk/cdr_decide.h"
#include "exports/asterisk/cel_decide.h"
#include "exports/asterisk/queue_log_decide.h"
#include "exports/cisco/cucm_decide.h"
#include "exports/cisco/ucce_decide.h"
#include "exports/columns/column_product.h"
#include "exports/columns/column_reader.h"
#include "exports/freeswitch/freeswitch_decide.h"
#include "exports/kamailio/acc_decide.h"
#include "exports/kamailio/acc_reader.h"
#include "exports/twilio/twilio_decide.h"
#include "support/collecting_sinks.h"

namespace whohungup {
namespace {

std::string reference_path() {
    if (const char* dir = std::getenv("WHOHUNGUP_SHARED_DIR")) return std::string(dir) + "/reference/platforms.md";
    return std::string(WHOHUNGUP_SOURCE_DIR) + "/../shared/reference/platforms.md";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// The text from the heading line that starts with `heading` to the next heading of any level.
std::string section(const std::string& page, std::string_view heading) {
    const std::size_t start = page.find(std::string(heading));
    if (start == std::string::npos) return {};
    const std::size_t end = page.find("\n#", start + heading.size());
    return page.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

/// `A`, `B, C`: every backticked token, comma lists split.
std::vector<std::string> backticked(std::string_view text) {
    std::vector<std::string> out;
    static const RE2 kTick("`([^`]+)`");
    re2::StringPiece rest(text.data(), text.size());
    std::string token;
    while (RE2::FindAndConsume(&rest, kTick, &token)) {
        std::stringstream parts(token);
        for (std::string part; std::getline(parts, part, ',');) {
            while (!part.empty() && (part.front() == ' ' || part.front() == '\n')) part.erase(0, 1);
            while (!part.empty() && (part.back() == ' ' || part.back() == '\n')) part.pop_back();
            if (!part.empty()) out.push_back(part);
        }
    }
    return out;
}

class PlatformReference : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(reference_path())) {
            GTEST_SKIP() << "platform reference not found at " << reference_path();
        }
        page_ = read_file(reference_path());
    }
    std::string page_;
};

TEST_F(PlatformReference, EveryQueueLogEventIsKnown) {
    const std::string events = section(page_, "### 1.1 queue_log");
    ASSERT_FALSE(events.empty());
    int checked = 0;
    static const RE2 kName("^[A-Z][A-Z_]+$");
    const std::vector<std::string> lines = lines_of(events);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        std::vector<std::string> names;
        if (line.starts_with("| `")) {
            names = backticked(line.substr(0, line.find(" | ", 2)));
        } else if (line.find("Wazo writes") != std::string::npos && i + 1 < lines.size()) {
            names = backticked(line + " " + lines[i + 1]);  // the list runs onto the next line
        }
        for (std::string name : names) {
            if (name == "AGENTCALLBACKLOGIN/LOGOFF") {
                names.emplace_back("AGENTCALLBACKLOGOFF");
                name = "AGENTCALLBACKLOGIN";
            }
            if (!RE2::FullMatch(name, kName)) continue;
            EXPECT_NE(exports::asterisk::kind_of(name), exports::asterisk::QueueLogEventKind::kUnknown) << name;
            ++checked;
        }
    }
    EXPECT_GE(checked, 35);
}

TEST_F(PlatformReference, EverySipHangupDispositionMapsOnEachLeg) {
    const std::string freeswitch = section(page_, "## 2. FreeSWITCH");
    int checked = 0;
    for (const std::string& line : lines_of(freeswitch)) {
        if (!line.starts_with("| `")) continue;
        std::vector<std::string> cells;
        std::stringstream parts(line);
        for (std::string cell; std::getline(parts, cell, '|');) cells.push_back(cell);
        ASSERT_GE(cells.size(), 5U) << line;
        const std::string value = backticked(cells[1]).front();
        for (const auto& [leg, cell] : {std::pair{"a", cells[3]}, std::pair{"b", cells[4]}}) {
            const mappings::ReasonRow* row =
                mappings::lookup(mappings::freeswitch_sip_hangup_disposition(), std::string(leg) + "/" + value);
            ASSERT_NE(row, nullptr) << leg << "/" << value;
            const bool not_applicable = cell.find("n/a") != std::string::npos;
            EXPECT_EQ(row->reason == Reason::disposition_not_expected_on_leg, not_applicable) << leg << "/" << value;
            ++checked;
        }
    }
    EXPECT_EQ(checked, 12);
    // The FreeSWITCH causes the page names, and mod_callcenter's cancel reasons.
    const std::size_t from = freeswitch.find("plus FreeSWITCH ones");
    const std::size_t to = freeswitch.find("`hangup_cause_q850`", from);
    ASSERT_NE(from, std::string::npos);
    for (const std::string& cause : backticked(std::string_view(freeswitch).substr(from, to - from))) {
        EXPECT_NE(mappings::lookup(mappings::freeswitch_hangup_cause(), cause), nullptr) << cause;
        ++checked;
    }
    const std::size_t cc = freeswitch.find("`cc_cancel_reason` (");
    ASSERT_NE(cc, std::string::npos);
    const std::string cc_text = freeswitch.substr(cc + 20, freeswitch.find(';', cc) - cc - 20);
    for (const std::string& reason : backticked(cc_text)) {
        EXPECT_NE(mappings::lookup(mappings::freeswitch_cc_cancel_reason(), reason), nullptr) << reason;
        ++checked;
    }
    EXPECT_GE(checked, 12 + 13 + 5);
}

TEST_F(PlatformReference, EveryTwilioValueMaps) {
    const std::string twilio = section(page_, "## 3. Twilio");
    int checked = 0;
    static const RE2 kStatus(R"(`status` = `([^`]+)`)");
    static const RE2 kState(R"(call_state \(([^)]+)\))");
    static const RE2 kDirection(R"(\| `properties.direction` \| `([^`]+)`)");
    std::string statuses, states, directions;
    ASSERT_TRUE(RE2::PartialMatch(twilio, kStatus, &statuses));
    ASSERT_TRUE(RE2::PartialMatch(twilio, kState, &states));
    ASSERT_TRUE(RE2::PartialMatch(twilio, kDirection, &directions));
    for (const std::string& status : backticked("`" + statuses + "`")) {
        EXPECT_NE(mappings::lookup(mappings::twilio_call_status(), status), nullptr) << status;
        ++checked;
    }
    for (const std::string& state : backticked("`" + states + "`")) {
        EXPECT_NE(mappings::lookup(mappings::twilio_call_state(), state), nullptr) << state;
        ++checked;
    }
    for (const std::string& direction : backticked("`" + directions + "`")) {
        for (const char* side : {"caller", "callee"}) {
            const mappings::ReasonRow* row =
                mappings::lookup(mappings::twilio_disconnected_by(), direction + "/" + side);
            ASSERT_NE(row, nullptr) << direction << "/" << side;
            EXPECT_NE(row->party, Party::kUnknown) << direction << "/" << side;
            ++checked;
        }
    }
    EXPECT_EQ(checked, 8 + 8 + 10);
}

TEST_F(PlatformReference, EveryCucmOnBehalfOfAndCauseMaps) {
    const std::string cucm = section(page_, "### 4.1 CUCM");
    ASSERT_FALSE(cucm.empty());
    // "0 Unknown, 1 CctiLine, 2 Unicast Shared Resource Provider, …, 35 MobileCallType."
    const std::size_t from = cucm.find("0 Unknown");
    ASSERT_NE(from, std::string::npos);
    const std::string list = cucm.substr(from, cucm.find("MobileCallType", from) + 1 - from);
    static const RE2 kCode(R"((?:^|, |\n)(\d+) [A-Z])");
    re2::StringPiece rest(list);
    std::string code;
    int checked = 0;
    while (RE2::FindAndConsume(&rest, kCode, &code)) {
        EXPECT_NE(mappings::lookup(mappings::cucm_on_behalf_of(), code), nullptr) << code;
        ++checked;
    }
    EXPECT_EQ(checked, 36);
    // Cause values the page names: 16, 17, 18, 19, 21, MLPP 8/9/46/50, 128, 393216, 126.
    for (const char* cause : {"16", "17", "18", "19", "21", "8", "9", "46", "50", "128", "393216", "126"}) {
        EXPECT_NE(cucm.find(cause), std::string::npos) << cause;
        EXPECT_NE(mappings::lookup(mappings::cucm_cause_value(), cause), nullptr) << cause;
    }
}

TEST_F(PlatformReference, EveryCelHangupsourceKindAndDialstatusMaps) {
    const std::string cel = section(page_, "### 1.2 CEL");
    ASSERT_FALSE(cel.empty());
    int checked = 0;
    for (const std::string& line : lines_of(cel)) {
        if (!line.starts_with("| ")) continue;  // the hangupsource table
        const std::vector<std::string> value = backticked(line.substr(0, line.find(" | ", 2)));
        if (value.empty()) continue;
        if (value.front() == "dialplan/builtin" || value.front() == "dialplan/agi") {
            const mappings::ReasonRow* row = mappings::lookup(mappings::asterisk_cel_hangupsource(), value.front());
            ASSERT_NE(row, nullptr) << value.front();
            EXPECT_EQ(row->party, Party::kSystem);
            ++checked;
        } else if (value.front().starts_with("PJSIP/")) {
            EXPECT_TRUE(exports::asterisk::is_extension_channel(value.front())) << value.front();
            ++checked;
        }
    }
    EXPECT_NE(mappings::lookup(mappings::asterisk_cel_hangupsource(), ""), nullptr);  // the empty row
    const std::size_t from = cel.find("`dialstatus` is the Dial() result");
    ASSERT_NE(from, std::string::npos);
    const std::size_t open = cel.find('`', cel.find(':', from));
    const std::string list = cel.substr(open, cel.find("` (", open) + 1 - open);
    for (const std::string& status : backticked(list)) {
        EXPECT_NE(mappings::lookup(mappings::asterisk_cel_dialstatus(), status), nullptr) << status;
        ++checked;
    }
    EXPECT_EQ(checked, 3 + 9);
}

TEST_F(PlatformReference, EveryAsteriskCdrDispositionMaps) {
    const std::string cdr = section(page_, "### 1.3 CDR");
    const std::size_t from = cdr.find("`disposition` values");
    ASSERT_NE(from, std::string::npos);
    const std::size_t open = cdr.find("): ", from);  // after "(code: `main/cdr.c`)"
    const std::string list = cdr.substr(open, cdr.find("(the last only", open) - open);
    std::vector<std::string> unmapped;
    int checked = 0;
    for (const std::string& value : backticked(list)) {
        const mappings::ReasonRow* row = mappings::lookup(mappings::asterisk_cdr_disposition(), value);
        if (row == nullptr) {
            unmapped.push_back(value);
        } else {
            EXPECT_EQ(row->party, Party::kUnknown) << value;  // an outcome, never a party
        }
        ++checked;
    }
    EXPECT_EQ(checked, 5);
    EXPECT_TRUE(unmapped.empty()) << "unmapped Asterisk CDR dispositions: " << ::testing::PrintToString(unmapped);
}

TEST_F(PlatformReference, EveryUcceCallDispositionTheReferenceNamesMaps) {
    const std::string ucce = section(page_, "### 4.2 UCCE");
    const std::size_t from = ucce.find("not a party:");
    ASSERT_NE(from, std::string::npos);
    const std::string list = ucce.substr(from, ucce.find("(cisco.com", from) - from);
    // "1 Abandoned in Network, 2 Abandoned in Local Queue, …, 30 Conferenced"
    static const RE2 kCode(R"((?:: |, |\n)(\d+) ([^,(]+))");
    re2::StringPiece rest(list);
    std::string code;
    std::string words;
    std::vector<std::string> unmapped;
    int checked = 0;
    while (RE2::FindAndConsume(&rest, kCode, &code, &words)) {
        const mappings::ReasonRow* row = mappings::lookup(mappings::ucce_call_disposition(), code);
        if (row == nullptr) {
            unmapped.push_back(code);
            continue;
        }
        // A party only where the reference's words name the caller ("caller hung up").
        if (words.find("Abandoned") == std::string::npos) {
            EXPECT_NE(row->party, Party::kCustomer) << code;
        }
        if (words.find("Disconnect/drop handled") != std::string::npos) {
            EXPECT_EQ(row->party, Party::kUnknown) << code;
        }
        ++checked;
    }
    EXPECT_EQ(checked, 12);
    EXPECT_TRUE(unmapped.empty()) << "unmapped UCCE CallDisposition values: " << ::testing::PrintToString(unmapped);
}

TEST_F(PlatformReference, EveryColumnExportValueMaps) {
    const std::string other = section(page_, "## 5. Other platforms");
    ASSERT_FALSE(other.empty());
    // 3CX: "Values seen: `TerminatedBySrc` …, `Redirected`, … and, in v20 …, `busy`".
    const std::size_t from = other.find("Values seen:");
    ASSERT_NE(from, std::string::npos);
    const std::string values = other.substr(from, other.find("— a 2026 deployment", from) - from);
    int checked = 0;
    for (const std::string& value : backticked(values)) {
        EXPECT_NE(mappings::lookup(mappings::three_cx_reason_terminated(), value), nullptr) << value;
        ++checked;
    }
    EXPECT_EQ(checked, 17);
    // Talkdesk's Yes/No and Five9's column name.
    ASSERT_NE(other.find("`agent_disconnected` Yes/No"), std::string::npos);
    for (const char* value : {"Yes", "No"}) {
        EXPECT_NE(mappings::lookup(mappings::talkdesk_agent_disconnected(), value), nullptr) << value;
    }
    ASSERT_NE(other.find("**`AGENT DISCONNECTS FIRST`**"), std::string::npos);
    EXPECT_TRUE(exports::columns::sniff_five9_call_log("CALL ID,AGENT DISCONNECTS FIRST\n"));
    EXPECT_TRUE(exports::columns::sniff_talkdesk_calls("call_id,agent_disconnected\n"));
    EXPECT_TRUE(exports::columns::sniff_three_cx_cdr("historyid,reason-terminated\n"));
}

/// The paragraph of section 5 that starts with `start`, to the blank line after it.
std::string paragraph(const std::string& other, std::string_view start) {
    const std::size_t at = other.find(std::string(start));
    if (at == std::string::npos) return {};
    return other.substr(at, other.find("\n\n", at) - at);
}

TEST_F(PlatformReference, EveryAvayaCmsItemAndValueMaps) {
    const std::string avaya = paragraph(section(page_, "## 5. Other platforms"), "**Avaya.**");
    ASSERT_FALSE(avaya.empty());
    // The call record's item names: every one is a word the product detects its header by.
    const exports::columns::ColumnProduct& product = exports::columns::avaya_cms_calls();
    const std::size_t from = avaya.find("user code: `");
    ASSERT_NE(from, std::string::npos);
    const std::vector<std::string> items = backticked(avaya.substr(from, avaya.find('`', from + 12) + 1 - from));
    std::string header;
    for (const std::string& item : items) {
        const auto known = [&](exports::columns::Aliases words) {
            return std::find(words.begin(), words.end(), item) != words.end();
        };
        EXPECT_TRUE(known(product.header_has) || known(product.header_has_one_of)) << item;
        header += (header.empty() ? "" : ",") + item;
    }
    EXPECT_EQ(items.size(), 13U);
    EXPECT_TRUE(exports::columns::sniff_avaya_cms_calls(header + "\n"));
    // AGT_RELEASED: 1 the agent released first; 0 the other side; with TRANSFERRED a transfer.
    ASSERT_NE(avaya.find("`AGT_RELEASED == 1 & TRANSFERRED == 0`"), std::string::npos);
    const auto& released = mappings::avaya_cms_agt_released();
    int checked = 0;
    for (const auto& [code, party] : {std::pair{"1", Party::kAgent}, std::pair{"0", Party::kCustomer}}) {
        const mappings::ReasonRow* row = mappings::lookup(released, code);
        ASSERT_NE(row, nullptr) << code;
        EXPECT_EQ(row->party, party) << code;
        EXPECT_NE(row->confidence, Confidence::kHigh) << code;  // "Avaya's own definition not read verbatim"
        const mappings::ReasonRow* moved = mappings::lookup(released, std::string(code) + "/transferred");
        ASSERT_NE(moved, nullptr) << code;
        EXPECT_EQ(moved->category, Category::kTransfer) << code;
        checked += 2;
    }
    // DISPOSITION: "1 CONN … 3 ABAN (caller disconnected before answer) … 6 FDISC".
    const std::size_t disposition = avaya.find("`DISPOSITION` ");
    ASSERT_NE(disposition, std::string::npos);
    static const RE2 kValue(R"((\d) ([A-Z]{3,}))");
    re2::StringPiece rest(avaya.data() + disposition, avaya.size() - disposition);
    std::string code;
    std::string name;
    while (RE2::FindAndConsume(&rest, kValue, &code, &name)) {
        const mappings::ReasonRow* by_code = mappings::lookup(mappings::avaya_cms_disposition(), code);
        const mappings::ReasonRow* by_name = mappings::lookup(mappings::avaya_cms_disposition(), name);
        ASSERT_NE(by_code, nullptr) << code;
        ASSERT_NE(by_name, nullptr) << name;
        EXPECT_EQ(by_code->reason, by_name->reason) << code << " " << name;
        if (name == "ABAN") {
            EXPECT_EQ(by_code->party, Party::kCustomer);
        } else if (name == "FDISC") {
            EXPECT_EQ(by_code->party, Party::kSystem);
        } else if (name == "CONN") {
            EXPECT_EQ(by_code->party, Party::kUnknown);  // AGT_RELEASED decides
        }
        ++checked;
    }
    EXPECT_EQ(checked, 4 + 3);
}

TEST_F(PlatformReference, EveryKamailioAccColumnIsReadAndTheByeRuleHolds) {
    const std::string acc = paragraph(section(page_, "## 5. Other platforms"), "**Kamailio / OpenSIPS `acc`.**");
    ASSERT_FALSE(acc.empty());
    const std::size_t from = acc.find("(`method");
    ASSERT_NE(from, std::string::npos);
    const std::vector<std::string> columns = backticked(acc.substr(from, acc.find('`', from + 2) + 1 - from));
    EXPECT_EQ(columns.size(), 7U);
    std::string header;
    for (const std::string& column : columns) header += (header.empty() ? "" : ",") + column;
    ASSERT_TRUE(exports::kamailio::sniff_acc(header + "\n"));
    // Read with exactly those columns: every one is bound (no missing-column error).
    auto reader = exports::kamailio::make_acc_reader(Limits{});
    testing::CollectingSinks sink;
    auto source = ByteSource::from_memory(header +
                                          "\nINVITE,a,b,c1,200,OK,2026-11-27 14:00:00\n"
                                          "BYE,b,a,c1,200,OK,2026-11-27 14:01:00\n");
    reader->read(*source, "acc.csv", sink, sink);
    reader->finish(sink, sink);
    EXPECT_TRUE(sink.diagnostics.empty());
    ASSERT_EQ(sink.verdicts.size(), 1U);
    // "the BYE's `from_tag` equals the INVITE's `from_tag` when the caller hung up and the INVITE's
    // `to_tag` when the callee did" — an inference (no sample), so never high.
    ASSERT_NE(acc.find("**caller**"), std::string::npos);
    ASSERT_NE(acc.find("**callee**"), std::string::npos);
    ASSERT_NE(acc.find("Inferred"), std::string::npos);
    EXPECT_EQ(sink.verdicts[0].ended_by_side, Side::kCallee);
    exports::kamailio::AccRow invite;
    invite.from_tag = "a";
    invite.to_tag = "b";
    exports::kamailio::AccRow bye = invite;
    EXPECT_EQ(exports::kamailio::bye_side(invite, bye), "caller");
    bye.from_tag = "b";
    EXPECT_EQ(exports::kamailio::bye_side(invite, bye), "callee");
    for (const char* side : {"caller", "callee"}) {
        const mappings::ReasonRow* row = mappings::lookup(mappings::kamailio_acc_bye_side(), side);
        ASSERT_NE(row, nullptr) << side;
        EXPECT_EQ(row->confidence, Confidence::kMedium) << side;
    }
}

/// What the reference names that no reader reads, and why: 3CX's v18 database act_id names (a
/// database column, not an export), and the platforms whose records do not say who ended a call.
TEST_F(PlatformReference, ValuesOfPlatformsNotReadYetAreListed) {
    const std::string other = section(page_, "## 5. Other platforms");
    const std::size_t act = other.find("`cl_segments.act_id`");
    ASSERT_NE(act, std::string::npos);
    std::cout << "not read: 3CX v18 cl_segments.act_id names (a database column, not the CDR export): "
              << other.substr(act + 21, other.find('(', act + 21) - act - 21) << "\n";
    // Each reason quotes the reference words it rests on; the test fails when the reference
    // changes them, so a new finding gets read rather than ignored (docs/platforms.md says the same).
    struct NotRead {
        const char* start;
        const char* what;
        const char* evidence;  ///< the reference's own words
        const char* why;
    };
    const std::vector<NotRead> not_read{
        {"**NICE CXone.**", "NICE CXone", "no hang-up party in the sources read",
         "Contact History and Data Download expose abandon flags and a cause code on refused calls, no field for "
         "who ended a call; the one such field found is a third party's (Operata), not CXone's"},
        {"**Vonage Contact Center.**", "Vonage Contact Center", "outcome only",
         "the 8 call outcomes are mapped from SIP codes (an outcome, not a party), and no export with a documented "
         "header carries them (reports are built in Historical Analytics, columns chosen by the user)"},
    };
    for (const NotRead& platform : not_read) {
        const std::string text = paragraph(other, platform.start);
        ASSERT_FALSE(text.empty()) << platform.start;
        EXPECT_NE(text.find(platform.evidence), std::string::npos) << platform.what << ": " << platform.evidence;
        std::cout << "not read: " << platform.what << " (" << backticked(text).size() << " values): " << platform.why
                  << "\n";
    }
    // The Vonage outcomes the reference lists, so a reader added later has them to map.
    const std::string vonage = paragraph(other, "**Vonage Contact Center.**");
    const std::size_t outcomes = vonage.find("outcomes `");
    ASSERT_NE(outcomes, std::string::npos);
    EXPECT_EQ(backticked(vonage.substr(outcomes, vonage.find('`', outcomes + 10) + 1 - outcomes)).size(), 8U);
    // Avaya CMS and Kamailio/OpenSIPS acc are read (the tests above); Zoom's paragraph names no field.
    for (const char* read : {"**Avaya.**", "**Kamailio"}) EXPECT_NE(other.find(read), std::string::npos) << read;
}

}  // namespace
}  // namespace whohungup
