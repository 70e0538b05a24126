// SPDX-License-Identifier: MIT
// Writes a realistic CCP agent log of about the asked size, and the verdict whohungup must give
// each call. Seeded and deterministic: the same arguments always give the same bytes.
//
//   gen_ccp_log --bytes 1000000000 --seed 7 --out big.txt --expected big.expected.tsv
//
// The log uses the real line formats (docs/ccp-rules.md): SESSION and SIGNALING lines with the
// leading space, snapshots, destroyConnection requests, metrics and heartbeat lines, entries
// relayed out of order from another window, exact duplicates, and a mix of agent / customer /
// failure / reconnect / never-connected calls. The last call is still talking when the log ends.
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

const char* kAgent = "8c1e2d4f-5b6a-4c7d-9e8f-0a1b2c3d4e5f";  // --agent replaces it
constexpr const char* kLoggerCcp = "1700000000000-k3j5h2g1f0";
constexpr const char* kLoggerWorker = "1700000000456-w0r8k3r5h4";
constexpr std::int64_t kStartMs = 1795240800000;  // 2026-11-20T12:00:00Z

std::string iso(std::int64_t ms) {
    const std::int64_t days = ms / 86400000;
    std::int64_t rest = ms % 86400000;
    // Civil date from days (Hinnant).
    std::int64_t z = days + 719468;
    const std::int64_t era = z / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char out[32];
    std::snprintf(out, sizeof out,
                  "%04" PRId64 "-%02" PRId64 "-%02" PRId64 "T%02" PRId64 ":%02" PRId64 ":%02" PRId64 ".%03" PRId64 "Z",
                  y, m, d, rest / 3600000, (rest / 60000) % 60, (rest / 1000) % 60, rest % 1000);
    return out;
}

struct Entry {
    std::int64_t time;
    std::string text;
    const char* component = "softphone";
    const char* level = "INFO";
    const char* logger = kLoggerCcp;
    const char* layer = "CCP";
    std::string objects = "[]";
};

class Writer {
public:
    Writer(std::FILE* out) : out_(out) {}
    void write(const Entry& e) {
        std::string json;
        json.reserve(512 + e.objects.size());
        json += first_ ? "[\n" : ",\n";
        first_ = false;
        json += "    {\n        \"component\": \"";
        json += e.component;
        json += "\",\n        \"level\": \"";
        json += e.level;
        json += "\",\n        \"text\": \"";
        json += e.text;
        json += "\",\n        \"time\": \"";
        json += iso(e.time);
        json += "\",\n        \"tabId\": \"a1b2c3d4e5\",\n        \"exception\": null,\n        \"objects\": ";
        json += e.objects;
        json += ",\n        \"line\": ";
        json += std::to_string(++line_);
        json += ",\n        \"agentResourceId\": \"";
        json += kAgent;
        json += "\",\n        \"loggerId\": \"";
        json += e.logger;
        json += "\",\n        \"contextLayer\": \"";
        json += e.layer;
        json += "\"\n    }";
        std::fwrite(json.data(), 1, json.size(), out_);
        bytes_ += json.size();
    }
    void close() { std::fputs(first_ ? "[]\n" : "\n]\n", out_); }
    [[nodiscard]] std::uint64_t bytes() const { return bytes_; }

private:
    std::FILE* out_;
    bool first_ = true;
    std::uint64_t line_ = 0;
    std::uint64_t bytes_ = 0;
};

std::string contact_id(std::uint64_t n, std::uint64_t seed) {
    char out[48];
    std::snprintf(out, sizeof out, "%08" PRIx64 "-%04" PRIx64 "-4%03" PRIx64 "-8%03" PRIx64 "-%012" PRIx64,
                  (seed * 2654435761U) & 0xffffffffU, n >> 32 & 0xffff, n & 0xfff, (n >> 12) & 0xfff, n);
    return out;
}

std::string snapshot(const std::string& cid, const std::string& conn, const char* state, std::int64_t t) {
    std::string s =
        "[\n            {\n                \"snapshot\": {\n                    \"state\": {\"name\": \"Busy\", "
        "\"type\": \"system\", \"startTimestamp\": \"";
    s += iso(t - 4000);
    s += "\"},\n                    \"snapshotTimestamp\": \"" + iso(t) +
         "\",\n                    \"localTimestamp\": 0,\n                    \"skew\": -12,\n                    "
         "\"contacts\": [\n                        {\n                            \"contactId\": \"" +
         cid +
         "\",\n                            \"type\": \"voice\",\n                            \"state\": {\"type\": \"" +
         state + "\", \"timestamp\": \"" + iso(t - 1000) +
         "\"},\n                            \"queue\": {\"name\": \"[redacted]\", \"queueARN\": "
         "\"arn:aws:connect:us-east-1:123456789012:instance/x/queue/q1\"},\n                            "
         "\"attributes\": \"[redacted]\",\n                            \"connections\": [\n                            "
         "    {\"connectionId\": \"" +
         conn + "\", \"type\": \"agent\", \"initial\": false, \"state\": {\"type\": \"connected\", \"timestamp\": \"" +
         iso(t) +
         "\"}, \"endpoint\": {\"type\": \"agent\", \"phoneNumber\": \"[redacted]\"}, \"softphoneMediaInfo\": "
         "{\"callType\": \"audio_only\", \"autoAccept\": false}},\n                                {\"connectionId\": "
         "\"f" +
         conn.substr(1) +
         "\", \"type\": \"inbound\", \"initial\": true, \"state\": {\"type\": \"connected\", \"timestamp\": \"" +
         iso(t) +
         "\"}, \"endpoint\": {\"type\": \"phone_number\", \"phoneNumber\": \"[redacted]\"}}\n                          "
         "  ]\n                        }\n                    ]\n                },\n                \"nextToken\": "
         "\"AAEAAf0redacted\"\n            }\n        ]";
    return s;
}

enum class Kind {
    kAgentConfirmed,
    kAgentUnconfirmed,
    kCustomer,
    kSignalingLost,
    kReconnectThenCustomer,
    kBusy,
    kNotFound,
    kIceTimeout
};

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t target = 100'000'000;
    std::uint64_t seed = 1;
    const char* out_path = nullptr;
    const char* expected_path = nullptr;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--bytes") == 0)
            target = std::strtoull(argv[i + 1], nullptr, 10);
        else if (std::strcmp(argv[i], "--seed") == 0)
            seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (std::strcmp(argv[i], "--out") == 0)
            out_path = argv[i + 1];
        else if (std::strcmp(argv[i], "--expected") == 0)
            expected_path = argv[i + 1];
        else if (std::strcmp(argv[i], "--agent") == 0)
            kAgent = argv[i + 1];
    }
    std::FILE* out = out_path != nullptr ? std::fopen(out_path, "wb") : stdout;
    std::FILE* expected = expected_path != nullptr ? std::fopen(expected_path, "wb") : nullptr;
    if (out == nullptr || (expected_path != nullptr && expected == nullptr)) {
        std::perror("gen_ccp_log");
        return 2;
    }
    std::mt19937_64 rng(seed);
    Writer writer(out);
    std::int64_t t = kStartMs;
    writer.write(Entry{t, "Log roll interval occurred.", "ccp"});
    std::vector<Entry> relayed;  // entries another window relays: written a few entries late
    std::uint64_t n = 0;
    const auto flush_relayed = [&] {
        for (const Entry& e : relayed) writer.write(e);
        relayed.clear();
    };
    while (writer.bytes() < target) {
        ++n;
        const std::string cid = contact_id(n, seed);
        const std::string conn = contact_id(n + 0x100000000ULL, seed + 1);
        const bool last = writer.bytes() + 20000 >= target;
        const auto pick = rng() % 100;
        const Kind kind = pick < 30   ? Kind::kAgentConfirmed
                          : pick < 40 ? Kind::kAgentUnconfirmed
                          : pick < 80 ? Kind::kCustomer
                          : pick < 84 ? Kind::kSignalingLost
                          : pick < 90 ? Kind::kReconnectThenCustomer
                          : pick < 94 ? Kind::kBusy
                          : pick < 97 ? Kind::kNotFound
                                      : Kind::kIceTimeout;
        auto line = [&](std::int64_t at, const std::string& machine, const char* from, const char* to) {
            writer.write(Entry{at, " " + cid + " " + machine + " " + from + " => " + to});
        };
        auto noise = [&](std::int64_t at) {
            writer.write(Entry{at, "Sending heartbeat", "ccp", "TRACE", kLoggerWorker, "SharedWorker"});
            writer.write(Entry{at + 40, "Heartbeat response received", "ccp", "TRACE", kLoggerWorker, "SharedWorker"});
            writer.write(Entry{
                at + 60,
                " sendSoftphoneMetrics "
                "success[{\\\"softphoneStreamType\\\":\\\"audio_input\\\",\\\"packetsLost\\\":0,\\\"packetsCount\\\":"
                "50,\\\"audioLevel\\\":0.2,\\\"jitterBufferMillis\\\":20,\\\"roundTripTimeMillis\\\":38},{"
                "\\\"softphoneStreamType\\\":\\\"audio_output\\\",\\\"packetsLost\\\":1,\\\"packetsCount\\\":50,"
                "\\\"audioLevel\\\":0.3,\\\"jitterBufferMillis\\\":25,\\\"roundTripTimeMillis\\\":0}]"});
        };
        t += 5000 + static_cast<std::int64_t>(rng() % 20000);
        Entry snap{t, "GET_AGENT_SNAPSHOT succeeded.", "ccp", "TRACE", kLoggerWorker, "SharedWorker"};
        snap.objects = snapshot(cid, conn, "connecting", t);
        writer.write(snap);
        writer.write(Entry{t + 100, " Contact detected: contactId " + cid + " agent connectionId " + conn});
        t += 200;
        line(t, "SESSION", "null", "GrabLocalMediaState");
        line(t + 20, "SESSION", "GrabLocalMediaState", "CreateOfferState");
        line(t + 40, "SESSION", "CreateOfferState", "SetLocalSessionDescriptionState");
        line(t + 60, "SESSION", "SetLocalSessionDescriptionState", "ConnectSignalingAndIceCollectionState");
        line(t + 61, "SIGNALING", "null", "PendingConnectState");
        line(t + 200, "SIGNALING", "PendingConnectState", "PendingInviteState");
        if (kind == Kind::kIceTimeout) {
            writer.write(Entry{t + 8060, " " + cid + " SESSION ICE collection timed out", "softphone", "WARN"});
            line(t + 8061, "SESSION", "ConnectSignalingAndIceCollectionState", "FailedState");
            if (expected) std::fprintf(expected, "%s\tsystem\tice_collection_timeout\n", cid.c_str());
            t += 9000;
            continue;
        }
        line(t + 300, "SESSION", "ConnectSignalingAndIceCollectionState", "InviteAnswerState");
        line(t + 301, "SIGNALING", "PendingInviteState", "PendingAnswerState");
        if (kind == Kind::kBusy || kind == Kind::kNotFound) {
            line(t + 800, "SIGNALING", "PendingAnswerState", "FailedState");
            writer.write(Entry{
                t + 801,
                " " + cid +
                    (kind == Kind::kBusy ? " SESSION User Busy, possibly multiple CCP windows open BusyException: Busy"
                                         : " SESSION Call not found. One of the participant probably hungup. "
                                           "CallNotFoundException: gone"),
                "softphone", "ERROR"});
            line(t + 801, "SESSION", "InviteAnswerState", "FailedState");
            if (expected)
                std::fprintf(expected, "%s\t%s\t%s\n", cid.c_str(), kind == Kind::kBusy ? "system" : "customer",
                             kind == Kind::kBusy ? "user_busy" : "call_not_found");
            t += 1000;
            continue;
        }
        line(t + 650, "SESSION", "InviteAnswerState", "AcceptState");
        line(t + 650, "SIGNALING", "PendingAnswerState", "PendingAcceptState");
        line(t + 651, "SIGNALING", "PendingAcceptState", "TalkingState");
        line(t + 652, "SESSION", "AcceptState", "TalkingState");
        const std::string ice = " " + cid + " SESSION ICE Connection State:  connected";
        writer.write(Entry{t + 700, ice});
        writer.write(Entry{t + 700, ice});  // the library logs it twice in one millisecond
        const std::int64_t talk = 30000 + static_cast<std::int64_t>(rng() % 240000);
        for (std::int64_t at = t + 5000; at < t + talk; at += 40000) noise(at);
        Entry mid{t + talk / 2, "GET_AGENT_SNAPSHOT succeeded.", "ccp", "TRACE", kLoggerWorker, "SharedWorker"};
        mid.objects = snapshot(cid, conn, "connected", t + talk / 2);
        writer.write(mid);
        if (last) {
            if (expected) std::fprintf(expected, "%s\tunknown\tlog_ends_mid_call\n", cid.c_str());
            break;
        }
        const std::int64_t end = t + talk;
        if (kind == Kind::kReconnectThenCustomer) {
            line(t + talk / 3, "SIGNALING", "TalkingState", "PendingReconnectState");
            line(t + talk / 3 + 1500, "SIGNALING", "PendingReconnectState", "TalkingState");
        }
        switch (kind) {
            case Kind::kAgentConfirmed: {
                Entry request{end - 600,
                              "Sending API_REQUEST event for destroyConnection to upstream",
                              "ccp",
                              "TRACE",
                              "1700000000123-p9o8i7u6y5",
                              "CRM"};
                request.objects = "[{\"method\": \"destroyConnection\", \"params\": {\"contactId\": \"" + cid +
                                  "\", \"connectionId\": \"" + conn + "\"}, \"stack\": \"Error\"}]";
                relayed.push_back(request);  // relayed from the CRM window: lands after the hang-up lines
                [[fallthrough]];
            }
            case Kind::kAgentUnconfirmed:
                line(end, "SIGNALING", "TalkingState", "PendingRemoteHangupState");
                line(end, "SESSION", "TalkingState", "DisconnectedState");
                line(end + 120, "SIGNALING", "PendingRemoteHangupState", "DisconnectedState");
                // The log records every request (current entry shape): a CCP-side end with no
                // End-call request of the agent's is not attributed (docs/ccp-rules.md).
                if (expected)
                    std::fprintf(expected, "%s\t%s\n", cid.c_str(),
                                 kind == Kind::kAgentConfirmed ? "agent\tagent_hangup"
                                                               : "unknown\tccp_side_end_without_agent_request");
                break;
            case Kind::kCustomer:
            case Kind::kReconnectThenCustomer: {
                Entry hangup{end, " " + cid + " SIGNALING TalkingState => PendingLocalHangupState"};
                writer.write(hangup);
                line(end, "SIGNALING", "PendingLocalHangupState", "DisconnectedState");
                line(end, "SESSION", "TalkingState", "DisconnectedState");
                hangup.component = "ccp";  // the same entry relayed back: an exact duplicate
                hangup.layer = "CRM";
                relayed.push_back(hangup);
                if (expected) std::fprintf(expected, "%s\tcustomer\tcustomer_hangup\n", cid.c_str());
                break;
            }
            case Kind::kSignalingLost:
                writer.write(
                    Entry{end, " " + cid + " SIGNALING WebSocket onclose code=1006, reason=", "softphone", "LOG"});
                line(end + 1, "SIGNALING", "TalkingState", "PendingReconnectState");
                line(end + 10001, "SIGNALING", "PendingReconnectState", "FailedState");
                line(end + 10002, "SESSION", "TalkingState", "FailedState");
                if (expected) std::fprintf(expected, "%s\tsystem\tsignaling_lost\n", cid.c_str());
                break;
            default: break;
        }
        noise(end + 500);
        flush_relayed();
        t = end + 12000;
    }
    flush_relayed();
    writer.close();
    if (out != stdout) std::fclose(out);
    if (expected != nullptr) std::fclose(expected);
    std::fprintf(stderr, "gen_ccp_log: %" PRIu64 " calls, %" PRIu64 " bytes\n", n, writer.bytes());
    return 0;
}
