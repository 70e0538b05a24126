// SPDX-License-Identifier: MIT
// One Genesys Multicloud (GMS) callback record as plain data: a record of the callback query
// API, alone, in an array, or in the admin query's {"<service name>": [records…]} object (the
// reader walks those). decide() reads it. Field meanings: docs/vendor-exports.md#genesys-gms-callbacks.
#pragma once

#include <cstdint>
#include <string>

#include "whohungup/verdict.h"

namespace whohungup::exports::gms {

struct GmsCallback {
    std::string id;                          ///< _id
    std::string state;                       ///< _callback_state (SCHEDULED, QUEUED, COMPLETED, …)
    std::string reason;                      ///< _callback_reason (set when the callback completed)
    std::string agent_id;                    ///< _agent_id
    std::string service;                     ///< _service_name, else the admin query's key
    std::int64_t requested_at_ms = kNoTime;  ///< _request_time, else _desired_time
};

}  // namespace whohungup::exports::gms
