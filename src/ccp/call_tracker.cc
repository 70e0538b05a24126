// SPDX-License-Identifier: MIT
#include "ccp/call_tracker.h"

#include <fmt/format.h>

#include <algorithm>

#include "ccp/call_judge.h"

namespace whohungup::ccp {

namespace {

/// How often (in lines kept) finished calls are looked for.
constexpr std::uint64_t kFlushEvery = 512;
/// Bound on the contact -> agent-connection table (snapshots list every contact).
constexpr std::size_t kMaxConnectionLinks = 100000;
/// Bound on lines held for contacts whose first softphone line has not come yet.
constexpr std::size_t kMaxEarlyLines = 100000;

/// Channel exits that a later contact's persistent connection logs under the first id.
bool may_be_stale(const CcpEvent& event) {
    return event.from == State::kTalking || event.from == State::kIdle || event.from == State::kPendingConnectContact;
}

}  // namespace

CallTracker::CallTracker(const Limits& limits, const std::vector<std::string>& input_names)
    : limits_(limits), input_names_(input_names) {}

void CallTracker::hold_context(std::multimap<std::int64_t, CcpEvent>& lines, CcpEvent&& event) {
    if (context_seen_.insert(event.dedupe_key).second) {
        held_bytes_ += held_bytes(event);
        const std::int64_t time = event.time_ms;
        lines.emplace(time, std::move(event));
    }
}

void CallTracker::hold_for_contact(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag) {
    // About a contact whose softphone lines have not come (yet): never opens a call.
    if (calls_.find(event.id) != calls_.end()) {
        add_to_call(std::move(event), out, diag);
        return;
    }
    if (judged_.contains(event.id)) {
        // Snapshots go on listing a contact through after-call work, and the agent clears it
        // then: normal after the verdict, so not counted as late.
        const bool after_call_work = event.kind == EventKind::kContactState ||
                                     event.method == ApiMethod::kClearContact ||
                                     event.method == ApiMethod::kCompleteContact;
        stats_.late_lines += after_call_work ? 0 : 1;
    } else if (early_line_count_ < kMaxEarlyLines) {
        ++early_line_count_;
        held_bytes_ += held_bytes(event);
        early_contact_lines_[event.id].push_back(std::move(event));
    } else {
        ++stats_.unattributed_lines;  // bounded: a flood of lines for unseen contacts
    }
}

namespace {
/// What a rule reads of a snapshot's contact; a poll that changes none of it adds nothing.
std::uint64_t fingerprint(const ContactView& view) {
    const std::hash<std::string> hasher;
    std::uint64_t key =
        hasher(view.state) * 31U + hasher(view.agent_state) * 7U + static_cast<std::uint64_t>(view.type);
    for (const ConnectionView& connection : view.connections) {
        key = key * 131U + hasher(connection.id) + hasher(connection.state) * 3U + (connection.barge ? 1U : 0U);
    }
    return key;
}
}  // namespace

void CallTracker::add_contact_state(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag) {
    if (!is_voice(event.contact->type) && non_voice_seen_.size() < kMaxConnectionLinks &&
        non_voice_seen_.insert(event.id).second) {
        ++stats_.non_voice_contacts;
    }
    const std::uint64_t key = fingerprint(*event.contact);
    auto [it, inserted] = last_view_.try_emplace(event.id, key);
    if (!inserted && it->second == key) {
        return;  // an unchanged poll
    }
    it->second = key;
    if (last_view_.size() > kMaxConnectionLinks) {
        last_view_.clear();
    }
    hold_for_contact(std::move(event), out, diag);
}

namespace {
constexpr std::uint8_t kLevelSeen = 1;
constexpr std::uint8_t kBelowInfoSeen = 2;
}  // namespace

void CallTracker::note_level(std::uint32_t input, EntryLevel level) {
    if (level == EntryLevel::kUnknown) {
        return;
    }
    if (levels_.size() <= input) {
        levels_.resize(std::size_t{input} + 1, 0);
    }
    levels_[input] |= level == EntryLevel::kBelowInfo ? kLevelSeen | kBelowInfoSeen : kLevelSeen;
}

bool CallTracker::filtered_by_level(std::uint32_t input) const {
    return input < levels_.size() && (levels_[input] & (kLevelSeen | kBelowInfoSeen)) == kLevelSeen;
}

void CallTracker::add(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag) {
    const EntryPos pos = event.pos;
    add_event(std::move(event), out, diag);
    enforce_byte_budgets(pos, out, diag);
}

void CallTracker::add_event(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag) {
    now_ms_ = event.time_ms;
    if (event.current_shape || event.kind == EventKind::kApiRequest) {
        if (records_requests_.size() <= event.pos.input) {
            records_requests_.resize(std::size_t{event.pos.input} + 1, 0);
        }
        records_requests_[event.pos.input] = 1;
    }
    switch (event.kind) {
        case EventKind::kAgentConfiguration: usernames_[event.id] = event.detail; return;
        case EventKind::kContactState: add_contact_state(std::move(event), out, diag); break;
        case EventKind::kAgentDisconnected: hold_context(agent_disconnected_, std::move(event)); return;
        case EventKind::kSoftphoneError: hold_context(softphone_errors_, std::move(event)); return;
        case EventKind::kApiResult: hold_context(api_results_, std::move(event)); return;
        case EventKind::kAutoAccept: hold_context(auto_accept_, std::move(event)); return;
        case EventKind::kApiRequest:
            if (event.id.empty()) {
                hold_context(idless_requests_, std::move(event));
                return;
            }
            hold_for_contact(std::move(event), out, diag);
            break;
        case EventKind::kContactMissed: hold_for_contact(std::move(event), out, diag); break;
        case EventKind::kContactDetected: add_to_call(std::move(event), out, diag); break;
        case EventKind::kTransition:
            if (is_channel(event.machine)) {
                add_channel_transition(std::move(event), out, diag);
            } else {
                if (!is_end_state(event.to)) {
                    add_to_call(std::move(event), out, diag);
                    break;
                }
                const std::string id = event.id;  // copied only for the one line that ends a session
                const std::int64_t time = event.time_ms;
                add_to_call(std::move(event), out, diag);
                on_session_end(id, time);
            }
            break;
        case EventKind::kRemoteBye:
        case EventKind::kFailureHint: add_to_call(std::move(event), out, diag); break;
    }
    if (++since_flush_ >= kFlushEvery) {
        since_flush_ = 0;
        maybe_flush(out);
    }
}

void CallTracker::add_to_call(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag) {
    if (judged_.contains(event.id)) {
        ++stats_.late_lines;
        return;
    }
    auto [it, inserted] = calls_.try_emplace(event.id);
    if (inserted) {
        it->second.id = event.id;
        ++stats_.calls;
        if (auto early = early_contact_lines_.find(event.id); early != early_contact_lines_.end()) {
            for (CcpEvent& line : early->second) {
                held_bytes_ -= held_bytes(line);
                add_line(it->second, std::move(line));
            }
            early_line_count_ -= early->second.size();
            early_contact_lines_.erase(early);
        }
    }
    if (!add_line(it->second, std::move(event))) {
        ++stats_.duplicate_lines;
    }
    note_if_closed(it->second);
    if (inserted) {
        enforce_open_limit(out, diag);
    }
}

void CallTracker::add_channel_transition(CcpEvent&& event, VerdictSink& out, DiagnosticSink& diag) {
    if (judged_.contains(event.id)) {
        // The contact that opened a persistent channel: its id stays on every later call's channel
        // lines (signaling.js builds the channel's logger once), so it stays known as judged for as
        // long as the channel is in use; forgetting it would open a second call under that id.
        const std::int64_t at = now_ms_ == kNoTime ? event.time_ms : std::max(now_ms_, event.time_ms);
        judged_order_.emplace_back(at, event.id);
        judged_refreshed_[event.id] = at;
    }
    const auto own = calls_.find(event.id);
    const bool id_ended_before =
        judged_.contains(event.id) ||
        (own != calls_.end() && own->second.session_end_ms != kNoTime && own->second.session_end_ms < event.time_ms);
    if (!id_ended_before) {
        add_to_call(std::move(event), out, diag);
        return;
    }
    // The id's own contact is over: on a persistent connection this line belongs to the contact
    // whose session ends in the same millisecond.
    const auto [first, last] = session_ends_.equal_range(event.time_ms);
    for (auto it = first; it != last; ++it) {
        if (it->second != event.id && calls_.contains(it->second)) {
            CallRecord& owner = calls_.at(it->second);
            event.reassigned = true;
            if (!add_line(owner, std::move(event))) {
                ++stats_.duplicate_lines;
            }
            note_if_closed(owner);
            return;
        }
    }
    if (may_be_stale(event)) {
        const std::int64_t time = event.time_ms;
        held_bytes_ += held_bytes(event);
        stale_channel_lines_.emplace(time, std::move(event));
        return;
    }
    if (own != calls_.end()) {  // the id's own trailing lines (bye acknowledged, timed out)
        if (!add_line(own->second, std::move(event))) {
            ++stats_.duplicate_lines;
        }
        note_if_closed(own->second);
        return;
    }
    ++stats_.unattributed_lines;
}

void CallTracker::on_session_end(const std::string& id, std::int64_t time_ms) {
    session_ends_.emplace(time_ms, id);
    const auto [first, last] = stale_channel_lines_.equal_range(time_ms);
    auto owner = calls_.find(id);
    if (owner == calls_.end()) {
        return;
    }
    for (auto it = first; it != last;) {
        if (it->second.id != id) {
            it->second.reassigned = true;
            held_bytes_ -= held_bytes(it->second);
            if (!add_line(owner->second, std::move(it->second))) {
                ++stats_.duplicate_lines;
            }
            note_if_closed(owner->second);
            it = stale_channel_lines_.erase(it);
        } else {
            ++it;
        }
    }
}

void CallTracker::prune(std::int64_t before_ms) {
    for (auto* lines : {&agent_disconnected_, &softphone_errors_, &idless_requests_, &api_results_, &auto_accept_}) {
        const auto end = lines->lower_bound(before_ms);
        for (auto it = lines->begin(); it != end; ++it) {
            held_bytes_ -= held_bytes(it->second);
            context_seen_.erase(it->second.dedupe_key);
            ambiguous_counted_.erase(it->second.dedupe_key);
        }
        lines->erase(lines->begin(), end);
    }
    judged_spans_.erase(judged_spans_.begin(), judged_spans_.lower_bound(before_ms));
    expire_judged();
    session_ends_.erase(session_ends_.begin(), session_ends_.lower_bound(before_ms));
    for (auto it = early_contact_lines_.begin(); it != early_contact_lines_.end();) {
        if (it->second.back().time_ms < before_ms) {
            early_line_count_ -= it->second.size();
            for (const CcpEvent& line : it->second) {
                held_bytes_ -= held_bytes(line);
            }
            it = early_contact_lines_.erase(it);
        } else {
            ++it;
        }
    }
    const auto stale_end = stale_channel_lines_.lower_bound(before_ms);
    for (auto it = stale_channel_lines_.begin(); it != stale_end; ++it) {
        held_bytes_ -= held_bytes(it->second);
    }
    stats_.unattributed_lines += static_cast<std::uint64_t>(std::distance(stale_channel_lines_.begin(), stale_end));
    stale_channel_lines_.erase(stale_channel_lines_.begin(), stale_end);
}

void CallTracker::note_if_closed(const CallRecord& call) {
    if (call.closed) {
        closed_by_last_time_.emplace(call.last_time, call.id);
    }
}

void CallTracker::maybe_flush(VerdictSink& out) {
    if (now_ms_ == kNoTime) {
        return;
    }
    // Ended calls whose last line is a grace period behind the log. The queue may hold older
    // entries of a call that has had lines since: only an entry matching its last line counts.
    std::vector<std::string> ready;
    std::unordered_set<std::string_view> taken;  // a call can be queued more than once
    const auto ripe = closed_by_last_time_.lower_bound(now_ms_ - kGraceMs);
    for (auto it = closed_by_last_time_.begin(); it != ripe; ++it) {
        const auto call = calls_.find(it->second);
        if (call != calls_.end() && call->second.closed && call->second.last_time == it->first &&
            taken.insert(it->second).second) {
            ready.push_back(it->second);
        }
    }
    closed_by_last_time_.erase(closed_by_last_time_.begin(), ripe);
    if (!ready.empty()) {
        judge_and_emit(ready, out);
    }
    // Context lines are read near a call's end, which is never more than the grace period behind
    // by the time it is judged: older ones can go.
    prune(now_ms_ - 2 * kGraceMs);
}

bool CallTracker::other_contact_live(std::int64_t at_ms, const std::string& self, bool voice_only) const {
    for (const auto& [id, call] : calls_) {
        if (id != self && call.first_time - kNearbyMs <= at_ms && at_ms <= call.last_time + kNearbyMs &&
            (!voice_only || is_voice(contact_type_of(call)))) {
            return true;
        }
    }
    for (auto it = judged_spans_.lower_bound(at_ms - kNearbyMs); it != judged_spans_.end(); ++it) {
        if (it->second.id != self && it->second.first - kNearbyMs <= at_ms && (!voice_only || it->second.voice)) {
            return true;
        }
    }
    return false;
}

std::vector<const CcpEvent*> CallTracker::lines_of_call_alone(const std::multimap<std::int64_t, CcpEvent>& lines,
                                                              const CallRecord& call,
                                                              bool voice_only) {
    // Bounded per call: a window holding more id-less lines than this is not one contact's.
    constexpr std::size_t kMaxPerCall = 32;
    std::vector<const CcpEvent*> alone;
    const auto last = lines.upper_bound(call.last_time + kNearbyMs);
    std::size_t looked = 0;
    for (auto it = lines.lower_bound(call.first_time - kNearbyMs); it != last && looked < kMaxPerCall; ++it, ++looked) {
        if (other_contact_live(it->first, call.id, voice_only)) {
            if (ambiguous_counted_.insert(it->second.dedupe_key).second) {
                ++stats_.ambiguous_lines;  // once per line, though each live contact looks at it
            }
        } else {
            alone.push_back(&it->second);
        }
    }
    return alone;
}

std::vector<const CcpEvent*> CallTracker::lines_near_call(const std::multimap<std::int64_t, CcpEvent>& lines,
                                                          const CallRecord& call) {
    // Answers name no contact: the judge pairs each with a request of the call by method and time.
    constexpr std::size_t kMaxPerCall = 32;
    std::vector<const CcpEvent*> near;
    const auto last = lines.upper_bound(call.last_time + kNearbyMs);
    for (auto it = lines.lower_bound(call.first_time - kNearbyMs); it != last && near.size() < kMaxPerCall; ++it) {
        near.push_back(&it->second);
    }
    return near;
}

void CallTracker::expire_judged() {
    // A judged id is remembered (to count late lines) as long as context lines are.
    const std::int64_t before = now_ms_ == kNoTime ? kNoTime : now_ms_ - 2 * kGraceMs;
    while (!judged_order_.empty() && judged_order_.front().first < before) {
        const auto& [time, id] = judged_order_.front();
        const auto refreshed = judged_refreshed_.find(id);
        if (refreshed == judged_refreshed_.end()) {
            judged_.erase(id);
        } else if (refreshed->second <= time) {  // no later entry of this id is queued
            judged_.erase(id);
            judged_refreshed_.erase(refreshed);
        }
        judged_order_.pop_front();
    }
}

void CallTracker::judge_and_emit(const std::vector<std::string>& ids, VerdictSink& out) {
    std::vector<Verdict> verdicts;
    verdicts.reserve(ids.size());
    std::vector<CallRecord> judged_calls;
    judged_calls.reserve(ids.size());
    for (const std::string& id : ids) {
        judged_calls.push_back(std::move(calls_.extract(id).mapped()));
        held_bytes_ -= judged_calls.back().bytes;
    }
    // Every call of the batch is still live for its neighbours while each is judged.
    for (const CallRecord& call : judged_calls) {
        judged_spans_.emplace(call.last_time, JudgedSpan{call.first_time, call.id, is_voice(contact_type_of(call))});
    }
    for (CallRecord& call : judged_calls) {
        const ContactType type = contact_type_of(call);
        JudgeContext context;
        context.agent_disconnected = lines_of_call_alone(agent_disconnected_, call, /*voice_only=*/true);
        context.softphone_errors = lines_of_call_alone(softphone_errors_, call, /*voice_only=*/true);
        context.idless_requests = lines_of_call_alone(idless_requests_, call, /*voice_only=*/false);
        context.api_results = lines_near_call(api_results_, call);
        context.auto_accept = lines_near_call(auto_accept_, call);
        for (const CcpEvent& event : call.events) {
            if (event.pos.input < records_requests_.size() && records_requests_[event.pos.input] != 0) {
                context.records_requests = true;
                break;
            }
        }
        // Every input the call's lines come from was saved filtered (a Global Resiliency pair may
        // hold one filtered download and one whole one).
        context.filtered_by_level =
            !call.events.empty() && std::all_of(call.events.begin(), call.events.end(),
                                                [this](const CcpEvent& e) { return filtered_by_level(e.pos.input); });
        context.usernames = &usernames_;
        context.input_names = &input_names_;
        last_view_.erase(call.id);
        judged_.insert(call.id);
        judged_order_.emplace_back(now_ms_ == kNoTime ? call.last_time : std::max(now_ms_, call.last_time), call.id);
        Verdict verdict = judge_call(call, context);
        if (is_voice(type) || limits_.include_non_voice) {
            verdicts.push_back(std::move(verdict));
        }
    }
    // Deterministic order whatever the hash map did: by end (or start) time, then id.
    auto key = [](const Verdict& v) { return v.ended_at_ms != kNoTime ? v.ended_at_ms : v.started_at_ms; };
    std::sort(verdicts.begin(), verdicts.end(), [&](const Verdict& a, const Verdict& b) {
        return key(a) != key(b) ? key(a) < key(b) : a.contact_id < b.contact_id;
    });
    for (Verdict& verdict : verdicts) {
        out.on_verdict(std::move(verdict));
    }
}

void CallTracker::enforce_open_limit(VerdictSink& out, DiagnosticSink& diag) {
    if (calls_.size() <= limits_.max_open_calls) {
        return;
    }
    if (!warned_open_limit_) {
        warned_open_limit_ = true;
        diag.report(Diagnostic::warning(input_names_.empty() ? std::string() : input_names_.back(),
                                        fmt::format("more than {} calls open at once: judging the oldest early "
                                                    "(raise --max-open-calls)",
                                                    limits_.max_open_calls)));
    }
    judge_oldest(ForcedBy::kOpenCalls, out);
}

void CallTracker::judge_oldest(ForcedBy why, VerdictSink& out) {
    // Judge the oldest tenth at once: one sort per many calls, never a scan per new call.
    std::vector<std::pair<std::int64_t, std::string>> by_age;
    by_age.reserve(calls_.size());
    for (const auto& [id, call] : calls_) {
        by_age.emplace_back(call.last_time, id);
    }
    const std::size_t batch = std::max<std::size_t>(1, calls_.size() / 10);
    std::partial_sort(by_age.begin(), by_age.begin() + static_cast<std::ptrdiff_t>(batch), by_age.end());
    std::vector<std::string> oldest;
    oldest.reserve(batch);
    for (std::size_t i = 0; i < batch; ++i) {
        calls_.at(by_age[i].second).forced = why;
        oldest.push_back(std::move(by_age[i].second));
    }
    (why == ForcedBy::kOpenCalls ? stats_.forced : stats_.forced_by_bytes) += batch;
    judge_and_emit(oldest, out);
}

bool CallTracker::add_line(CallRecord& call, CcpEvent&& event) {
    const std::size_t before = call.bytes;
    if (!call.add(std::move(event))) {
        return false;
    }
    held_bytes_ += call.bytes - before;
    if (call.bytes > limits_.max_call_bytes && call.forced == ForcedBy::kNone) {
        call.forced = ForcedBy::kCallBytes;
        over_call_bytes_.push_back(call.id);  // judged once the line being added is done
    }
    return true;
}

void CallTracker::enforce_byte_budgets(const EntryPos& pos, VerdictSink& out, DiagnosticSink& diag) {
    const std::string& input = pos.input < input_names_.size() ? input_names_[pos.input] : std::string();
    if (!over_call_bytes_.empty()) {
        std::vector<std::string> ids;
        for (std::string& id : over_call_bytes_) {
            const auto call = calls_.find(id);
            if (call != calls_.end() && call->second.forced == ForcedBy::kCallBytes) {
                ids.push_back(std::move(id));
            }
        }
        over_call_bytes_.clear();
        if (!ids.empty() && !warned_call_bytes_) {
            warned_call_bytes_ = true;
            diag.report(Diagnostic::warning(
                            input, fmt::format("the lines of contact {} take more than {} bytes: judged now with the "
                                               "lines held, later ones not used (raise --max-call-bytes)",
                                               ids.front(), limits_.max_call_bytes))
                            .at(pos.line, pos.byte));
        }
        stats_.forced_by_bytes += ids.size();
        judge_and_emit(ids, out);
    }
    if (held_bytes_ <= limits_.max_held_bytes) {
        return;
    }
    if (!warned_held_bytes_) {
        warned_held_bytes_ = true;
        diag.report(Diagnostic::warning(
                        input, fmt::format("the lines held for this log take more than {} bytes: judging the oldest "
                                           "calls early (raise --max-held-bytes)",
                                           limits_.max_held_bytes))
                        .at(pos.line, pos.byte));
    }
    while (held_bytes_ > limits_.max_held_bytes && !calls_.empty()) {
        judge_oldest(ForcedBy::kHeldBytes, out);
    }
    if (held_bytes_ > limits_.max_held_bytes) {
        prune(INT64_MAX);  // only lines no call has claimed are left: they go (counted as unattributed)
    }
}

void CallTracker::finish(VerdictSink& out) {
    std::vector<std::string> ids;
    ids.reserve(calls_.size());
    for (const auto& [id, call] : calls_) {
        ids.push_back(id);
    }
    judge_and_emit(ids, out);
    now_ms_ = INT64_MAX;  // everything held can go
    prune(INT64_MAX);
}

}  // namespace whohungup::ccp
