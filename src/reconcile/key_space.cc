// SPDX-License-Identifier: MIT
#include "reconcile/key_space.h"

#include <array>

namespace whohungup::reconcile {

namespace {

// The precedence inside each space, and why, is the table of docs/reconcile.md.
constexpr std::array kRoles{
    // The agent's own view, with the requests the agent made; one verdict per call per agent.
    FormatRole{"ccp-log", "amazon-connect", 2, true},
    // The service's view; DisconnectReason is documented unreliable under connectivity problems.
    FormatRole{"connect-ctr", "amazon-connect", 1, true},
    // Every participant's segments and disconnectType.
    FormatRole{"genesys-cloud", "genesys-cloud", 2, false},
    // A UI view computed from the same conversation, reduced to agent/external/system.
    FormatRole{"genesys-interactions-csv", "genesys-cloud", 1, false},
    // The API's call object: status, reason and exact times.
    // Webhook events repeat a call (started, ended, analyzed): the space is always held.
    FormatRole{"voice-agent-calls", "voice-agent", 2, false},
    // The dashboard's export of the same calls, columns chosen by the user.
    FormatRole{"voice-agent-calls-csv", "voice-agent", 1, false},
    FormatRole{"gms-callbacks", "gms-callbacks", 1, false},
    // The reader keeps one record per call (a complete summary over a partial one over a Call
    // resource), so one group streams.
    FormatRole{"twilio-call-summaries", "twilio", 1, true},
};

}  // namespace

FormatRole role_of(std::string_view format) {
    for (const FormatRole& role : kRoles) {
        if (role.format == format) {
            return role;
        }
    }
    return FormatRole{format, format, 1, false};
}

bool carries_any_key_space(std::string_view format) {
    return format == "whohungup-jsonl";
}

}  // namespace whohungup::reconcile
