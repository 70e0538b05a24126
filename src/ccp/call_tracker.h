// SPDX-License-Identifier: MIT
// Holds the calls of one agent's log while they are open, ties channel lines logged under a
// stale id to the contact they belong to, and hands each call to the judge once it has ended
// and the log has moved on by a grace period (entries relayed between windows arrive late).
// Memory is bounded by the calls open at once, not by the size of the log.
// Tested by tests/unit/call_tracker_test.cc and the golden cases.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ccp/call_record.h"
#include "whohungup/diagnostic.h"
#include "whohungup/options.h"
#include "whohungup/reader.h"

namespace whohungup::ccp {

/// Log time (ms) a call waits after its last line before it is judged.
inline constexpr std::int64_t kGraceMs = std::int64_t{5} * 60 * 1000;

struct TrackerStats {
    std::uint64_t calls = 0;
    std::uint64_t duplicate_lines = 0;     ///< exact repeats (loggerId, time, text) dropped
    std::uint64_t late_lines = 0;          ///< lines about calls already reported
    std::uint64_t unattributed_lines = 0;  ///< stale-id channel lines no contact ended with
    std::uint64_t forced = 0;              ///< calls judged early (open-call limit)
    std::uint64_t forced_by_bytes = 0;     ///< calls judged early (per-call or held-bytes budget)
    std::uint64_t non_voice_contacts = 0;  ///< chats, tasks, email contacts seen in snapshots
    std::uint64_t ambiguous_lines = 0;     ///< id-less lines kept out: not exactly one contact live
};

class CallTracker {
public:
    CallTracker(const Limits& limits, const std::vector<std::string>& input_names);

    void add(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag);
    /// The level of one entry of input `input` that was read (skipped entries are not noted).
    void note_level(std::uint32_t input, EntryLevel level);
    /// Judges every call still held.
    void finish(VerdictSink& out);

    [[nodiscard]] const TrackerStats& stats() const { return stats_; }
    /// Ids of judged calls still remembered (to count late lines); expires behind the log.
    [[nodiscard]] std::size_t judged_ids_held() const { return judged_.size(); }
    /// held_bytes() of every line held (calls, context, early and stale lines).
    [[nodiscard]] std::size_t bytes_held() const { return held_bytes_; }

private:
    void add_event(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag);
    void add_to_call(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag);
    /// Every line a call keeps goes through here: counts its bytes, and notes a call over its budget.
    bool add_line(CallRecord& call, CcpEvent&& event);
    void enforce_byte_budgets(const EntryPos& pos, VerdictSink& out, DiagnosticSink& diag);
    void judge_oldest(ForcedBy why, VerdictSink& out);
    void add_channel_transition(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag);
    void on_session_end(const std::string& id, std::int64_t time_ms);
    void maybe_flush(VerdictSink& out);
    void note_if_closed(const CallRecord& call);
    void prune(std::int64_t before_ms);
    void judge_and_emit(const std::vector<std::string>& ids, VerdictSink& out);
    void add_contact_state(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag);
    void hold_for_contact(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag);
    void hold_context(std::multimap<std::int64_t, CcpEvent>& lines, CcpEvent&& event);
    /// Context lines of `lines` in [from, to] that belong to `call` alone: no other contact
    /// (voice only when `voice_only`) is live within kNearbyMs of the line.
    std::vector<const CcpEvent*> lines_of_call_alone(const std::multimap<std::int64_t, CcpEvent>& lines,
                                                     const CallRecord& call,
                                                     bool voice_only);
    /// Context lines of `lines` within kNearbyMs of `call`, whoever else is live (bounded).
    static std::vector<const CcpEvent*> lines_near_call(const std::multimap<std::int64_t, CcpEvent>& lines,
                                                        const CallRecord& call);
    [[nodiscard]] bool other_contact_live(std::int64_t at_ms, const std::string& self, bool voice_only) const;
    void expire_judged();
    void enforce_open_limit(VerdictSink& out, DiagnosticSink& diag);

    Limits limits_;
    const std::vector<std::string>& input_names_;
    std::unordered_map<std::string, CallRecord> calls_;
    std::multimap<std::int64_t, std::string> closed_by_last_time_;  ///< ended calls, to judge in time
    std::unordered_set<std::string> judged_;
    std::map<std::string, std::string> usernames_;  ///< agent id -> username
    // Id-less lines, by time, so each call looks only at its own window.
    std::multimap<std::int64_t, CcpEvent> agent_disconnected_;
    std::multimap<std::int64_t, CcpEvent> softphone_errors_;
    std::multimap<std::int64_t, CcpEvent> idless_requests_;  ///< requests relayed with `objects: []`
    std::multimap<std::int64_t, CcpEvent> api_results_;      ///< the worker's answers (no id)
    std::multimap<std::int64_t, CcpEvent> auto_accept_;      ///< "Auto-accept is disabled/enabled" (no id)
    /// Contacts already judged: last (end) time -> first time and whether voice, for liveness.
    struct JudgedSpan {
        std::int64_t first = kNoTime;
        std::string id;
        bool voice = true;
    };
    std::multimap<std::int64_t, JudgedSpan> judged_spans_;
    std::deque<std::pair<std::int64_t, std::string>> judged_order_;  ///< to expire judged_
    /// Judged ids queued again in judged_order_ (a persistent channel's opener): its latest time.
    std::unordered_map<std::string, std::int64_t> judged_refreshed_;
    std::unordered_map<std::string, std::uint64_t> last_view_;  ///< contact -> last snapshot fingerprint
    std::unordered_set<std::string> non_voice_seen_;
    std::vector<std::uint8_t> records_requests_;  ///< per input: the log records API requests
    /// Per input, so far: bit kLevelSeen, an entry with a level; bit kBelowInfoSeen, one below INFO.
    std::vector<std::uint8_t> levels_;
    [[nodiscard]] bool filtered_by_level(std::uint32_t input) const;
    std::multimap<std::int64_t, std::string> session_ends_;      ///< time -> contact
    std::multimap<std::int64_t, CcpEvent> stale_channel_lines_;  ///< waiting for an owner
    /// Lines about a contact logged before its first softphone line (an End-call request can
    /// precede the first line left in a log whose start rolled out): attached when it opens.
    std::unordered_map<std::string, std::vector<CcpEvent>> early_contact_lines_;  ///< by contact id
    std::size_t early_line_count_ = 0;
    std::unordered_set<std::uint64_t> context_seen_;
    std::unordered_set<std::uint64_t> ambiguous_counted_;  ///< id-less lines already counted as kept out
    std::int64_t now_ms_ = kNoTime;                        ///< time of the latest line read
    std::uint64_t since_flush_ = 0;
    bool warned_open_limit_ = false;
    bool warned_call_bytes_ = false;
    bool warned_held_bytes_ = false;
    std::size_t held_bytes_ = 0;                ///< see bytes_held()
    std::vector<std::string> over_call_bytes_;  ///< calls past Limits::max_call_bytes, to judge now
    TrackerStats stats_;
};

}  // namespace whohungup::ccp
