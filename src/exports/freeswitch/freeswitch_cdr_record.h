// SPDX-License-Identifier: MIT
// FreeSWITCH CDRs as plain data: one leg per mod_json_cdr / mod_xml_cdr document (the decoders'
// output), and one call, the A-leg with its B-legs (decide()'s input). Variable meanings:
// docs/platforms.md#freeswitch, from signalwire/freeswitch (mod_sofia, switch_channel.c).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "whohungup/verdict.h"

namespace whohungup::exports::freeswitch {

struct FreeswitchLeg {
    std::string uuid;
    std::string direction;                 ///< channel_data.direction: inbound (to FS) / outbound (from FS)
    std::string sip_hangup_disposition;    ///< recv_bye, send_bye, recv_cancel, send_cancel, recv_refuse, send_refuse
    std::string hangup_cause;              ///< CAUSE_CHART name: NORMAL_CLEARING, ORIGINATOR_CANCEL, …
    std::string last_bridge_hangup_cause;  ///< written onto this leg by its partner when the partner hung up
    std::string last_bridge_role;          ///< originator / originatee
    std::string originating_leg_uuid;      ///< on a B-leg: its A-leg (switch_ivr_originate.c)
    std::string last_bridge_to;            ///< the partner's uuid
    std::string call_direction;            ///< FusionPBX: inbound / outbound / local
    std::string sip_auth_username;         ///< or user_name: a directory user passed digest auth (sofia_reg.c)
    std::string sip_gateway_name;          ///< on a leg sent out through a gateway (mod_sofia)
    std::string caller_id_number;
    std::string destination_number;
    std::string cc_side;           ///< mod_callcenter: member / agent
    std::string cc_cause;          ///< answered / cancel
    std::string cc_cancel_reason;  ///< NONE, TIMEOUT, NO_AGENT_TIMEOUT, BREAK_OUT, EXIT_WITH_KEY
    std::int64_t started_at_ms = kNoTime;
    std::int64_t answered_at_ms = kNoTime;
    std::int64_t ended_at_ms = kNoTime;
    std::string input;
    std::uint64_t line = 0;
    std::uint64_t byte = 0;

    /// The A-leg is the one FreeSWITCH received (inbound), unless its bridge role says otherwise.
    [[nodiscard]] bool is_a_leg() const {
        if (last_bridge_role == "originator") return true;
        if (last_bridge_role == "originatee") return false;
        return direction != "outbound";
    }
    /// The call's id: the A-leg's uuid.
    [[nodiscard]] const std::string& call_id() const {
        if (is_a_leg()) return uuid;
        return !originating_leg_uuid.empty() ? originating_leg_uuid : (!last_bridge_to.empty() ? last_bridge_to : uuid);
    }
};

struct FreeswitchCall {
    std::string call_id;
    std::optional<FreeswitchLeg> a_leg;
    std::vector<FreeswitchLeg> b_legs;  ///< capped; extra ring attempts are counted
    std::uint32_t extra_b_legs = 0;
    std::uint64_t order = 0;
};

}  // namespace whohungup::exports::freeswitch
