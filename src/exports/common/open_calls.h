// SPDX-License-Identifier: MIT
// The calls a reader holds until it has read all their records: found by id, and kept in
// arrival order so the oldest (to make room under --max-open-calls) and the arrival-ordered
// drain at the end cost O(log n) per call. A scan of every held call per new one made reading
// quadratic past the limit (10 MB of CUCM CDRs took 35 s). Tested by tests/unit/open_calls_test.cc.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace whohungup::exports {

/// An ended call that no record has touched for this long, in the records' own time, is decided
/// while reading goes on (OpenCalls::settle), looked for at least every kSettleEveryRecords records
/// (and every quarter as many records as calls held, so a sweep costs at most 4 looks per record).
inline constexpr std::int64_t kCallSettleMs = std::int64_t{60} * 60 * 1000;
inline constexpr std::uint64_t kSettleEveryRecords = 4096;

/// `Call` has a `std::uint64_t order` member: add() sets it to the call's arrival number
/// (1, 2, ...), which readers use to emit calls in the order they were first seen.
template <typename Call>
class OpenCalls {
public:
    /// The held call with `id`, or nullptr.
    [[nodiscard]] Call* find(const std::string& id) {
        const auto it = calls_.find(id);
        return it == calls_.end() ? nullptr : &it->second;
    }

    /// A new call under `id`, which must not be held already.
    Call& add(const std::string& id) {
        auto& entry = *calls_.try_emplace(id).first;
        entry.second.order = ++arrivals_;
        // Elements of an unordered_map keep their address until erased (rehashing moves no node).
        by_arrival_.emplace(entry.second.order, &entry);
        return entry.second;
    }

    [[nodiscard]] std::size_t size() const { return calls_.size(); }
    [[nodiscard]] bool empty() const { return calls_.empty(); }

    /// The held call that arrived first; only when !empty().
    [[nodiscard]] Call& oldest() { return by_arrival_.begin()->second->second; }

    /// Forgets the oldest call; only when !empty().
    void erase_oldest() {
        const auto first = by_arrival_.begin();
        calls_.erase(first->second->first);
        by_arrival_.erase(first);
    }

    /// Before adding a call under a limit of `limit` held calls: when the limit is reached, decides
    /// the oldest early (`emit(call)`) and forgets it. True when it did (readers say so once).
    template <typename Emit>
    bool make_room(std::size_t limit, Emit&& emit) {
        if (calls_.size() < limit || calls_.empty()) return false;  // limit 0: nothing to decide early
        emit(oldest());
        erase_oldest();
        return true;
    }

    /// Whether a reader should settle() now, `since` counting the records since it last did:
    /// every kSettleEveryRecords records and a quarter as many as calls held (at most 4 looks per
    /// record), and sooner once `limit` calls are held, so a full table settles before it decides
    /// calls early. Resets `since` when it says yes.
    [[nodiscard]] bool settle_due(std::uint64_t& since, std::size_t limit) const {
        const std::uint64_t quarter = calls_.size() / 4;
        const std::uint64_t every =
            calls_.size() >= limit ? quarter : std::max<std::uint64_t>(kSettleEveryRecords, quarter);
        if (++since < every) return false;
        since = 0;
        return true;
    }

    /// Decides and forgets, in arrival order, every held call that `settled(call)` says is over
    /// (`emit(call)` first): readers call it now and then so memory holds the calls in progress.
    template <typename Settled, typename Emit>
    void settle(Settled&& settled, Emit&& emit) {
        std::vector<std::uint64_t> done;
        for (const auto& [order, entry] : by_arrival_) {
            if (settled(std::as_const(entry->second))) done.push_back(order);
        }
        for (const std::uint64_t order : done) {
            const auto it = by_arrival_.find(order);
            emit(std::as_const(it->second->second));
            calls_.erase(it->second->first);
            by_arrival_.erase(it);
        }
    }

    /// Forgets the call with `id`, when it is held.
    void erase(const std::string& id) {
        const auto it = calls_.find(id);
        if (it == calls_.end()) return;
        by_arrival_.erase(it->second.order);
        calls_.erase(it);
    }

    /// `visit(id, call)` for every held call, in no particular order.
    template <typename Visit>
    void for_each(Visit&& visit) {
        for (auto& [id, call] : calls_) visit(id, call);
    }

    /// `visit(call)` for every held call in arrival order, then forgets them all.
    template <typename Visit>
    void drain(Visit&& visit) {
        for (auto& [order, entry] : by_arrival_) visit(entry->second);
        by_arrival_.clear();
        calls_.clear();
    }

private:
    std::unordered_map<std::string, Call> calls_;
    std::map<std::uint64_t, std::pair<const std::string, Call>*> by_arrival_;
    std::uint64_t arrivals_ = 0;
};

}  // namespace whohungup::exports
