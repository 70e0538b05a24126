// SPDX-License-Identifier: MIT
// The rules: how the states a call went through decide who ended it. Each rule and the
// transitions behind it are written out in docs/ccp-rules.md.
// Tested by tests/unit/call_judge_test.cc and the golden cases in testdata/golden/.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ccp/call_record.h"
#include "whohungup/verdict.h"

namespace whohungup::ccp {

/// What the judge needs beyond the call's own lines.
struct JudgeContext {
    std::string agent_connection;                     ///< this agent's connection on the contact
    std::vector<const CcpEvent*> agent_disconnected;  ///< 2019 "Agent disconnected" lines nearby
    std::vector<const CcpEvent*> softphone_errors;    ///< id-less softphone errors nearby
    std::vector<const CcpEvent*> idless_requests;     ///< requests naming no contact, this call alone live
    std::vector<const CcpEvent*> api_results;         ///< the worker's answers to requests, nearby
    std::vector<const CcpEvent*> auto_accept;         ///< "Auto-accept is disabled/enabled" lines nearby
    bool records_requests = false;                    ///< the log records API requests (Streams >= 2.5)
    /// The log was saved filtered by level (log.js Logger.download with filterByLogLevel): it has
    /// levels and none below INFO, so no snapshot, request or answer of the worker's (all TRACE).
    bool filtered_by_level = false;
    const std::map<std::string, std::string>* usernames = nullptr;  ///< agent id -> username
    const std::vector<std::string>* input_names = nullptr;          ///< pos.input -> name
};

/// How far (ms) an id-less line may be from a call's end and still be about it.
inline constexpr std::int64_t kNearbyMs = 5000;

/// How long before the end of the agent's leg a request of the agent's still explains it: the
/// request, the service, the next snapshot and Streams' hang-up take a second or two.
inline constexpr std::int64_t kRequestLeadMs = 10000;

/// The contact's type as its snapshots say (kUnknown when none does).
[[nodiscard]] ContactType contact_type_of(const CallRecord& call);

/// Judges one call. Sorts `call.events` by time (stable).
[[nodiscard]] Verdict judge_call(CallRecord& call, const JudgeContext& context);

}  // namespace whohungup::ccp
