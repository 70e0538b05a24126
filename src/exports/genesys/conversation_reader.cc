// SPDX-License-Identifier: MIT
#include "exports/genesys/conversation_reader.h"

#include <utility>
#include <vector>

#include "exports/common/json_record_reader.h"
#include "exports/genesys/conversation_decide.h"
#include "exports/genesys/conversation_decoder.h"
#include "json/dom_access.h"
#include "mappings/reason_table.h"

namespace whohungup::exports {

namespace {

class GenesysConversationsReader final : public JsonRecordReader {
public:
    /// The analytics query and async job results list "conversations", the Conversations API "entities".
    explicit GenesysConversationsReader(const Limits& limits)
        : JsonRecordReader(limits, detail::EnvelopeKeys{{"conversations", "entities"}}) {}

protected:
    void on_value(simdjson::dom::element value, const RecordPos& pos, VerdictSink& out) override {
        const std::optional<detail::object> object = detail::as_object(value);
        if (!object) {
            count_record();
            skip_record(pos, "not a JSON object");
            return;
        }
        count_record();
        genesys::GenesysConversation conversation;
        const genesys::ReadTime time = [this, &pos](std::string_view text) { return read_time(text, pos); };
        if (!genesys::decode_conversation(*object, time, conversation)) {
            skip_record(pos, "no participants");
            return;
        }
        if (conversation.id.empty()) {
            skip_record(pos, "no conversationId");
            return;
        }
        std::vector<genesys::UnknownCode> unknown;
        Verdict v = genesys::decide(conversation, unknown);
        for (const genesys::UnknownCode& code : unknown) {
            diag().report(mappings::unknown_code_warning(*code.table, code.code, input_name(), pos.line, pos.byte));
        }
        v.source_format = "genesys-cloud";
        v.input = input_name();
        for (Evidence& item : v.evidence) {
            item = evidence(pos, item.time_ms, std::move(item.text));
        }
        out.on_verdict(std::move(v));
    }
};

}  // namespace

bool sniff_genesys_conversations(std::string_view head) {
    const bool participants = head.find("\"participants\"") != std::string_view::npos;
    const bool purpose = head.find("\"purpose\"") != std::string_view::npos;
    return (head.find("\"conversationId\"") != std::string_view::npos && participants) ||
           (participants && purpose && head.find("\"disconnectType\"") != std::string_view::npos) ||
           (head.find("\"conversations\"") != std::string_view::npos &&
            head.find("\"conversationId\"") != std::string_view::npos);
}

std::unique_ptr<Reader> make_genesys_conversations_reader(const Limits& limits) {
    return std::make_unique<GenesysConversationsReader>(limits);
}

}  // namespace whohungup::exports
