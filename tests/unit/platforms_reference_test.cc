// SPDX-License-Identifier: MIT
// Every value of the platform reference's tables (shared/reference/platforms.md beside the
// repository, read at test time as the seed pages are in mappings_test.cc) maps, for the
// platforms whohungup reads; the values of platforms it does not read yet are listed.
#include <gtest/gtest.h>
#include <re2/re2.h>

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
#include "exports/twilio/twilio_decide.h"

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

/// What the reference names that no reader reads, so the gap is visible in the log: 3CX's v18
/// database act_id names (a database column, not an export) and the platforms without a reader.
TEST_F(PlatformReference, ValuesOfPlatformsNotReadYetAreListed) {
    const std::string other = section(page_, "## 5. Other platforms");
    const std::size_t act = other.find("`cl_segments.act_id`");
    ASSERT_NE(act, std::string::npos);
    std::cout << "not read: 3CX v18 cl_segments.act_id names (a database column, not the CDR export): "
              << other.substr(act + 21, other.find('(', act + 21) - act - 21) << "\n";
    std::vector<std::string> unmapped;
    for (const auto& [start, what] :
         {std::pair{"**Avaya.**", "Avaya CMS"}, std::pair{"**Kamailio", "Kamailio/OpenSIPS acc"},
          std::pair{"**NICE CXone.**", "NICE CXone"},
          std::pair{"**Vonage Contact Center.**", "Vonage Contact Center"}}) {
        const std::size_t at = other.find(start);
        ASSERT_NE(at, std::string::npos) << start;
        const std::size_t end = other.find("\n\n", at);
        unmapped.push_back(std::string(what) + ": " +
                           std::to_string(backticked(std::string_view(other).substr(at, end - at)).size()) + " values");
    }
    for (const std::string& line : unmapped) std::cout << "not read yet: " << line << "\n";
    EXPECT_EQ(unmapped.size(), 4U);
}

}  // namespace
}  // namespace whohungup
