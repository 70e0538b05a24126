// SPDX-License-Identifier: MIT
#include "report/html/report_aggregate.h"

#include <algorithm>
#include <cstdio>

#include "core/time_format.h"

namespace whohungup::detail::html {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kDayMs = 24 * kHourMs;
/// Times outside years 1 to 9999 are not drawn: no real call has them, and bucket arithmetic
/// near the ends of int64 would overflow.
constexpr std::int64_t kFirstDrawnMs = -62135596800000;  // 0001-01-01T00:00:00Z
constexpr std::int64_t kLastDrawnMs = 253402300799999;   // 9999-12-31T23:59:59.999Z
/// More buckets than this and the chart draws only the buckets that hold calls.
constexpr std::size_t kMaxContiguousBuckets = 400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/// Months since year 0 of the UTC day holding `ms`.
std::int64_t month_index(std::int64_t ms) {
    long long year = 0;
    unsigned month = 1;
    const std::string day = format_day(ms);
    if (std::sscanf(day.c_str(), "%lld-%u", &year, &month) != 2) {  // NOLINT(cert-err34-c): format_day's own output
        return 0;
    }
    return static_cast<std::int64_t>(year) * 12 + static_cast<std::int64_t>(month) - 1;
}

std::int64_t month_start_ms(std::int64_t index) {
    const std::int64_t year = floor_div(index, 12);
    const auto month = static_cast<unsigned>(index - year * 12 + 1);
    return days_from_civil(year, month, 1) * kDayMs;
}

}  // namespace

double AgentRow::agent_hangup_rate() const {
    return connected == 0 ? 0.0 : static_cast<double>(agent_hangups) / static_cast<double>(connected);
}

void ReportAggregate::add(const Verdict& v) {
    summary_.add(v);
    const auto party = static_cast<std::size_t>(v.ended_by);
    const bool connected = is_connected(v.category);
    const bool never_connected = is_never_connected(v.category);
    (connected ? connected_ : never_connected ? never_connected_ : not_known_connected_).at(party) += 1;

    const std::int64_t at = v.ended_at_ms != kNoTime ? v.ended_at_ms : v.started_at_ms;
    if (at < kFirstDrawnMs || at > kLastDrawnMs) {  // kNoTime, INT64_MIN, is below the range
        ++without_time_;
    } else {
        first_ms_ = first_ms_ == kNoTime ? at : std::min(first_ms_, at);
        last_ms_ = last_ms_ == kNoTime ? at : std::max(last_ms_, at);
        TimeBucket& bucket = by_hour_[floor_div(at, kHourMs)];
        if (v.category == Category::kFailure) {
            ++bucket.dropped;
        } else if (never_connected) {
            ++bucket.never_connected;
        } else {
            ++bucket.other;
        }
    }

    if (v.agreement == Agreement::kConflict) {
        ++reconciled_conflict_count_;
        if (reconciled_conflicts_.size() < kMaxListedConflicts) {
            Conflict conflict{v.contact_id, {}};
            for (const SourceView& source : sources_of(v)) {
                conflict.claims.push_back(source.format + ": " + std::string(to_string(source.ended_by)) + "/" +
                                          std::string(to_string(source.reason)) + " (" +
                                          std::string(to_string(source.confidence)) + ")");
            }
            reconciled_conflicts_.push_back(std::move(conflict));
        }
    }
    if (v.contact_id.empty()) {
        return;  // nothing to match another source's verdict on
    }
    Claim claim{v.source_format, v.ended_by, v.reason};
    if (auto first = first_claim_.find(v.contact_id); first == first_claim_.end()) {
        first_claim_.emplace(v.contact_id, std::move(claim));
    } else {
        std::vector<Claim>& claims = claims_[v.contact_id];
        if (claims.empty()) {
            claims.push_back(first->second);
        }
        if (claims.size() < 8) {  // enough to show the disagreement; a contact repeated 1,000 times is not
            claims.push_back(std::move(claim));
        }
    }
}

std::uint64_t ReportAggregate::connected_total() const {
    std::uint64_t total = 0;
    for (const auto& [key, agent] : summary_.by_agent()) total += agent.connected;
    return total;
}

std::vector<AgentRow> ReportAggregate::agents_by_rate() const {
    std::vector<AgentRow> rows;
    rows.reserve(summary_.by_agent().size());
    // Rows keyed by id merge with rows keyed by the same agent's name (inputs without the id).
    std::map<std::string, AgentRow> by_label;
    for (const auto& [key, counts] : summary_.by_agent()) {
        const std::string& label = counts.agent_name.empty() ? key : counts.agent_name;
        AgentRow& row = by_label[label];
        row.label = label;
        row.calls += counts.calls;
        row.connected += counts.connected;
        row.agent_hangups += counts.agent_hangups;
        row.customer_hangups += counts.customer_hangups;
        row.dropped += counts.dropped;
    }
    for (auto& [label, row] : by_label) {
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const AgentRow& a, const AgentRow& b) {
        // Cross-multiplied, so equal rates compare equal exactly.
        const std::uint64_t left = a.agent_hangups * b.connected;
        const std::uint64_t right = b.agent_hangups * a.connected;
        if (left != right) {
            return left > right;
        }
        return a.connected > b.connected;
    });
    return rows;
}

TimeSeries ReportAggregate::time_series() const {
    TimeSeries series;
    series.without_time = without_time_;
    if (by_hour_.empty()) {
        return series;
    }
    const std::int64_t span_hours = by_hour_.rbegin()->first - by_hour_.begin()->first;
    std::map<std::int64_t, TimeBucket> rolled;  // bucket index -> counts
    if (span_hours < 72) {
        series.unit = BucketUnit::kHour;
        rolled = by_hour_;
        for (auto& [index, bucket] : rolled) {
            bucket.start_ms = index * kHourMs;
        }
    } else {
        series.unit = span_hours < std::int64_t{400} * 24 ? BucketUnit::kDay : BucketUnit::kMonth;
        for (const auto& [hour, counts] : by_hour_) {
            const std::int64_t ms = hour * kHourMs;
            const std::int64_t index = series.unit == BucketUnit::kDay ? floor_div(ms, kDayMs) : month_index(ms);
            TimeBucket& bucket = rolled[index];
            bucket.start_ms = series.unit == BucketUnit::kDay ? index * kDayMs : month_start_ms(index);
            bucket.dropped += counts.dropped;
            bucket.never_connected += counts.never_connected;
            bucket.other += counts.other;
        }
    }
    const std::int64_t first = rolled.begin()->first;
    const std::int64_t last = rolled.rbegin()->first;
    const bool contiguous = last - first < static_cast<std::int64_t>(kMaxContiguousBuckets);
    if (!contiguous) {
        for (const auto& [index, bucket] : rolled) {
            series.buckets.push_back(bucket);
        }
        return series;
    }
    for (std::int64_t index = first; index <= last; ++index) {
        if (const auto found = rolled.find(index); found != rolled.end()) {
            series.buckets.push_back(found->second);
            continue;
        }
        TimeBucket empty;
        empty.start_ms = series.unit == BucketUnit::kHour  ? index * kHourMs
                         : series.unit == BucketUnit::kDay ? index * kDayMs
                                                           : month_start_ms(index);
        series.buckets.push_back(empty);
    }
    return series;
}

std::vector<std::pair<std::string, std::uint64_t>> ReportAggregate::top_reasons(std::size_t limit) const {
    const auto& by_reason = summary_.by_reason();
    std::vector<std::pair<std::string, std::uint64_t>> reasons(by_reason.begin(), by_reason.end());
    std::stable_sort(reasons.begin(), reasons.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (reasons.size() > limit) {
        reasons.resize(limit);
    }
    return reasons;
}

namespace {

bool claims_differ(const std::vector<ReportAggregate::Claim>& claims) {
    for (const auto& a : claims) {
        for (const auto& b : claims) {
            if (a.ended_by != b.ended_by && a.ended_by != Party::kUnknown && b.ended_by != Party::kUnknown) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

std::size_t ReportAggregate::conflict_count() const {
    std::size_t count = reconciled_conflict_count_;
    for (const auto& [contact, claims] : claims_) {
        count += claims_differ(claims) ? 1U : 0U;
    }
    return count;
}

std::vector<Conflict> ReportAggregate::conflicts() const {
    std::vector<Conflict> conflicts = reconciled_conflicts_;
    for (const auto& [contact, claims] : claims_) {
        if (conflicts.size() >= kMaxListedConflicts) {
            break;
        }
        bool differ = false;
        for (const Claim& a : claims) {
            for (const Claim& b : claims) {
                differ = differ ||
                         (a.ended_by != b.ended_by && a.ended_by != Party::kUnknown && b.ended_by != Party::kUnknown);
            }
        }
        if (!differ) {
            continue;
        }
        Conflict conflict{contact, {}};
        for (const Claim& claim : claims) {
            conflict.claims.push_back(claim.source + ": " + std::string(to_string(claim.ended_by)) + "/" +
                                      std::string(to_string(claim.reason)));
        }
        conflicts.push_back(std::move(conflict));
    }
    return conflicts;
}

}  // namespace whohungup::detail::html
