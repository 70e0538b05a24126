// SPDX-License-Identifier: MIT
#include "ccp/entry_parser.h"

#include <array>
#include <charconv>
#include <functional>
#include <utility>

#include "ccp/entry_fast_path.h"
#include "ccp/line_classifier.h"
#include "core/time_format.h"
#include "json/dom_access.h"

namespace whohungup::ccp {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

std::string_view trim_leading(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    return text;
}

std::optional<std::int64_t> fast_time(const FastFields& fields) {
    if (fields.time_is_string) {
        return detail::parse_iso8601_ms(fields.time);
    }
    std::int64_t integer = 0;
    const auto [end, error] = std::from_chars(fields.time.data(), fields.time.data() + fields.time.size(), integer);
    if (error == std::errc() && end == fields.time.data() + fields.time.size()) {
        return detail::time_in_range(integer);
    }
    return std::nullopt;  // a fraction or an exponent: the full parser reads it
}

std::uint64_t dedupe_key(std::string_view logger_id, std::string_view text, std::int64_t time) {
    const std::hash<std::string_view> hasher;
    return hasher(logger_id) * 31U + hasher(text) * 17U + static_cast<std::uint64_t>(time);
}

std::optional<std::int64_t> read_time(const object& entry) {
    element time;
    if (entry["time"].get(time) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    std::string_view iso;
    if (time.get_string().get(iso) == simdjson::SUCCESS) {
        return detail::parse_iso8601_ms(iso);
    }
    const std::optional<std::int64_t> ms = detail::integer_at(entry, "time");  // epoch milliseconds
    return ms ? detail::time_in_range(*ms) : std::nullopt;
}

std::string_view string_field(const object& entry, std::string_view key) {
    std::string_view value;
    if (entry[key].get_string().get(value) != simdjson::SUCCESS) {
        return {};
    }
    return value;
}

/// What the events of one entry may still cost (kEntryCostFloor + kEntryCostFactor x its bytes).
class EntryBudget {
public:
    explicit EntryBudget(std::size_t entry_bytes) : left_(kEntryCostFloor + kEntryCostFactor * entry_bytes) {}
    /// False (and stays false) once the entry has cost more than it may.
    bool spend(std::size_t bytes) {
        over_ = over_ || bytes > left_;
        left_ -= over_ ? left_ : bytes;
        return !over_;
    }
    [[nodiscard]] bool over() const { return over_; }

private:
    std::size_t left_;
    bool over_ = false;
};

/// objects[0] of an entry, when it is an object.
std::optional<object> first_object(const object& entry) {
    simdjson::dom::array objects;
    if (entry["objects"].get_array().get(objects) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    for (element item : objects) {
        object result;
        if (item.get_object().get(result) == simdjson::SUCCESS) {
            return result;
        }
        break;
    }
    return std::nullopt;
}

std::string_view path_string(object from, std::initializer_list<std::string_view> path) {
    object current = from;
    std::size_t remaining = path.size();
    for (std::string_view key : path) {
        if (--remaining == 0) {
            std::string_view value;
            if (current[key].get_string().get(value) != simdjson::SUCCESS) {
                return {};
            }
            return value;
        }
        if (current[key].get_object().get(current) != simdjson::SUCCESS) {
            return {};
        }
    }
    return {};
}

/// The last path element of an ARN ("arn:...:instance/<i>/agent/<id>" -> "<id>").
std::string_view arn_resource_id(std::string_view arn) {
    const std::size_t slash = arn.rfind('/');
    return slash == std::string_view::npos ? arn : arn.substr(slash + 1);
}

EndpointKind endpoint_kind(std::string_view type) {
    if (type.empty()) return EndpointKind::kNone;
    if (type == "agent") return EndpointKind::kAgent;
    if (type == "phone_number") return EndpointKind::kPhoneNumber;
    if (type == "queue") return EndpointKind::kQueue;
    return EndpointKind::kOther;
}

ContactType contact_type(std::string_view type) {
    if (type.empty()) return ContactType::kUnknown;
    if (type == "voice") return ContactType::kVoice;
    if (type == "queue_callback") return ContactType::kQueueCallback;
    if (type == "chat") return ContactType::kChat;
    if (type == "task") return ContactType::kTask;
    if (type == "email") return ContactType::kEmail;
    return ContactType::kOther;
}

/// "Sending API_REQUEST event for <method> to upstream": objects[0] = {method, params, stack}.
/// Relayed copies can arrive with `objects: []`; the request is kept with no contact then.
void read_request(const object& entry, std::string_view text, const CcpEvent& base, std::vector<CcpEvent>& events) {
    CcpEvent event = base;
    event.kind = EventKind::kApiRequest;
    std::string_view method = request_method_in(text);
    if (const std::optional<object> first = first_object(entry)) {
        event.id = std::string(path_string(*first, {"params", "contactId"}));
        event.detail = std::string(path_string(*first, {"params", "connectionId"}));
        event.endpoint = endpoint_kind(path_string(*first, {"params", "endpoint", "type"}));
        std::string_view named;
        if (method.empty() && (*first)["method"].get_string().get(named) == simdjson::SUCCESS) {
            method = named;
        }
    }
    event.method = api_method_from_name(method);
    events.push_back(std::move(event));
}

ConnectionView read_connection(element connection) {
    ConnectionView view;
    object members;
    if (connection.get_object().get(members) != simdjson::SUCCESS) {
        return view;
    }
    // One pass over the members instead of one lookup per key (each a scan of the members): a
    // snapshot is polled every few seconds, for every connection. A repeated key counts once,
    // its first time, as a lookup finds it.
    enum Seen : unsigned { kId = 1, kType = 2, kState = 4, kEndpoint = 8, kInitial = 16, kMonitor = 32 };
    unsigned seen = 0;
    const auto first = [&seen](Seen key) { return (std::exchange(seen, seen | key) & key) == 0; };
    bool monitor_barge = false;
    std::string_view value;
    for (const simdjson::dom::key_value_pair member : members) {
        const std::string_view key = member.key;
        if (key == "connectionId") {
            if (first(kId) && member.value.get_string().get(value) == simdjson::SUCCESS) view.id = std::string(value);
        } else if (key == "type") {
            if (first(kType) && member.value.get_string().get(value) == simdjson::SUCCESS) {
                view.type = std::string(value);
            }
        } else if (key == "state") {
            if (first(kState) && member.value["type"].get_string().get(value) == simdjson::SUCCESS) {
                view.state = std::string(value);
            }
        } else if (key == "endpoint") {
            if (first(kEndpoint) && member.value["type"].get_string().get(value) == simdjson::SUCCESS) {
                view.endpoint_type = std::string(value);
            }
        } else if (key == "initial") {
            bool initial = false;
            if (first(kInitial) && member.value.get_bool().get(initial) == simdjson::SUCCESS) view.initial = initial;
        } else if (key == "monitorStatus") {
            if (first(kMonitor)) {
                monitor_barge = member.value.get_string().get(value) == simdjson::SUCCESS && value == "BARGE";
            }
        }
    }
    // Streams VoiceConnection.isBarge(): monitorStatus === "BARGE"; the state can say so too.
    view.barge = monitor_barge || view.state == "barge";
    return view;
}

/// One kContactState event per contact of the snapshot, each with its own small view: the
/// entry's text is never copied per contact or connection. Stops as soon as the views cost more
/// than the entry may (the caller then drops them all).
void read_snapshot(const object& first, const CcpEvent& base, EntryBudget& budget, std::vector<CcpEvent>& events) {
    simdjson::dom::array contacts;
    if (first["snapshot"]["contacts"].get_array().get(contacts) != simdjson::SUCCESS) {
        return;
    }
    std::string_view agent_state;
    if (first["snapshot"]["state"]["name"].get_string().get(agent_state) != simdjson::SUCCESS) {
        agent_state = {};
    }
    for (element contact : contacts) {
        std::string_view contact_id;
        if (contact["contactId"].get_string().get(contact_id) != simdjson::SUCCESS || contact_id.empty()) {
            continue;
        }
        auto view = std::make_shared<ContactView>();
        std::string_view value;
        if (contact["type"].get_string().get(value) == simdjson::SUCCESS) view->type = contact_type(value);
        if (contact["state"]["type"].get_string().get(value) == simdjson::SUCCESS) view->state = std::string(value);
        if (contact["initiationMethod"].get_string().get(value) == simdjson::SUCCESS) {
            view->initiation = std::string(value);
        }
        view->agent_state = std::string(agent_state);
        std::size_t connections_cost = 0;
        simdjson::dom::array connections;
        if (contact["connections"].get_array().get(connections) == simdjson::SUCCESS) {
            for (element connection : connections) {
                view->connections.push_back(read_connection(connection));
                const std::size_t cost = held_bytes(view->connections.back());
                connections_cost += cost;
                if (!budget.spend(cost)) {
                    return;
                }
            }
        }
        CcpEvent event = base;
        event.kind = EventKind::kContactState;
        event.id = std::string(contact_id);
        event.contact = std::move(view);
        if (!budget.spend(held_bytes(event) - connections_cost)) {  // the connections are paid for
            return;
        }
        events.push_back(std::move(event));
    }
}

void read_object_line(
    ObjectLine kind, const object& entry, const CcpEvent& base, EntryBudget& budget, std::vector<CcpEvent>& events) {
    if (kind == ObjectLine::kApiRequest) {
        read_request(entry, base.text, base, events);
        return;
    }
    const std::optional<object> first = first_object(entry);
    if (!first) {
        return;
    }
    switch (kind) {
        case ObjectLine::kAgentConfiguration: {
            const std::string_view arn = path_string(*first, {"configuration", "agentARN"});
            const std::string_view username = path_string(*first, {"configuration", "username"});
            if (!arn.empty() && !username.empty()) {
                CcpEvent event = base;
                event.kind = EventKind::kAgentConfiguration;
                event.id = std::string(arn_resource_id(arn));
                event.detail = std::string(username);
                events.push_back(std::move(event));
            }
            return;
        }
        case ObjectLine::kAgentSnapshot: read_snapshot(*first, base, budget, events); return;
        case ObjectLine::kApiRequest:
        case ObjectLine::kNone: return;
    }
}

}  // namespace

EntryLevel entry_level_from_name(std::string_view name) {
    // log.js LogLevelOrder: TEST 0, TRACE 10, DEBUG 20, INFO 30, LOG 40, WARN 50, ERROR 100, CRITICAL 200.
    if (name == "TRACE" || name == "DEBUG" || name == "TEST") return EntryLevel::kBelowInfo;
    if (name == "INFO" || name == "LOG" || name == "WARN" || name == "ERROR" || name == "CRITICAL") {
        return EntryLevel::kInfoOrAbove;
    }
    return EntryLevel::kUnknown;
}

std::string_view describe(EntrySkip skip) {
    static constexpr std::array<std::string_view, kEntrySkipKinds> kNames{
        "read",
        "not a JSON object",
        "not valid JSON",
        "no `text` field",
        "no valid `time`",
        "larger than the entry size limit",
        "nested deeper than the depth limit",
        "an id longer than 256 bytes",
        "its events would cost far more than its bytes",
    };
    return kNames.at(static_cast<std::size_t>(skip));
}

namespace {
/// The ids every event carries, checked once for the entry's events whichever path read them.
bool ids_in_bounds(const std::vector<CcpEvent>& events, std::size_t first) {
    for (std::size_t i = first; i < events.size(); ++i) {
        const CcpEvent& event = events[i];
        if (event.id.size() > kMaxIdBytes || (event.agent && event.agent->size() > kMaxIdBytes) ||
            (event.kind == EventKind::kApiRequest && event.detail.size() > kMaxIdBytes)) {
            return false;
        }
    }
    return true;
}
}  // namespace

EntrySkip EntryParser::parse(const detail::ArrayElement& element, std::vector<CcpEvent>& events) {
    const std::size_t first = events.size();
    level_ = EntryLevel::kUnknown;
    EntrySkip skip = parse_entry(element, events);
    if (skip == EntrySkip::kNone && !ids_in_bounds(events, first)) {
        skip = EntrySkip::kIdTooLong;
    }
    if (skip != EntrySkip::kNone) {
        events.resize(first);  // an entry is used whole or not at all
        level_ = EntryLevel::kUnknown;
    }
    return skip;
}

std::shared_ptr<const std::string> EntryParser::intern_agent(std::string_view agent) {
    if (!agent_ || *agent_ != agent) {
        agent_ = std::make_shared<const std::string>(agent);
    }
    return agent_;
}

bool EntryParser::read_level(FastEntryReader& reader, FastFields& fields) {
    if (!reader.read_level(fields)) {
        return false;
    }
    level_ = entry_level_from_name(fields.level);
    return true;
}

bool EntryParser::parse_fast(const detail::ArrayElement& element, std::vector<CcpEvent>& events) {
    FastFields fields;
    FastEntryReader reader(element.bytes);
    if (!reader.read_text(fields)) {
        return false;
    }
    const std::string_view text = trim_leading(fields.text);
    if (fields.text_escaped) {
        // Escapes other than \\u only stand for quotes, slashes and control characters, none of
        // which is in a recognised opening or machine name; an escape before the opening may
        // decode to a space or tab that trimming would remove, so that goes to the full parser.
        if (text.find("\\u") != std::string_view::npos || text.starts_with('\\') || may_be_recognised(text)) {
            return false;
        }
        return read_level(reader, fields);
    }
    if (object_line_kind(text) != ObjectLine::kNone) {
        return false;  // its meaning is in `objects`: the full parser reads those
    }
    CcpEvent event;
    if (!classify_line(text, event)) {
        // Bears on no call: done without reading the rest (nor its time), past its level (Streams
        // writes `level` before `text`, so that is mostly read already).
        return read_level(reader, fields);
    }
    if (!reader.read_time(fields)) {
        return false;
    }
    const std::optional<std::int64_t> time = fast_time(fields);
    if (!time || !reader.read_ids(fields) || !read_level(reader, fields) ||
        !simdjson::validate_utf8(text.data(), text.size())) {
        return false;  // the full parser validates and says what is wrong
    }
    event.time_ms = *time;
    event.agent = intern_agent(fields.agent_resource_id);
    event.current_shape = fields.has_tab_id;
    event.text = std::string(text);
    event.dedupe_key = dedupe_key(fields.logger_id, text, *time);
    events.push_back(std::move(event));
    return true;
}

EntrySkip EntryParser::parse_entry(const detail::ArrayElement& element, std::vector<CcpEvent>& events) {
    if (element.over_size) {
        return EntrySkip::kTooLarge;
    }
    if (element.over_depth) {
        return EntrySkip::kTooDeep;
    }
    if (!element.is_object) {
        return EntrySkip::kNotObject;
    }
    if (parse_fast(element, events)) {
        return EntrySkip::kNone;
    }
    simdjson::dom::element doc;
    if (parser_.parse(element.bytes.data(), element.bytes.size(), /*realloc_if_needed=*/false).get(doc) !=
        simdjson::SUCCESS) {
        return EntrySkip::kInvalidJson;
    }
    object entry;
    if (doc.get_object().get(entry) != simdjson::SUCCESS) {
        return EntrySkip::kNotObject;
    }
    std::string_view raw_text;
    if (entry["text"].get_string().get(raw_text) != simdjson::SUCCESS) {
        return EntrySkip::kNoText;
    }
    const std::optional<std::int64_t> time = read_time(entry);
    if (!time) {
        return EntrySkip::kBadTime;
    }
    const std::string_view text = trim_leading(raw_text);
    level_ = entry_level_from_name(string_field(entry, "level"));

    CcpEvent event;
    event.time_ms = *time;
    const ObjectLine object_kind = object_line_kind(text);
    const bool classified = object_kind == ObjectLine::kNone && classify_line(text, event);
    if (!classified && object_kind == ObjectLine::kNone) {
        return EntrySkip::kNone;
    }
    const std::string_view logger_id = string_field(entry, "loggerId");
    event.agent = intern_agent(string_field(entry, "agentResourceId"));
    event.current_shape = entry["tabId"].error() == simdjson::SUCCESS;
    // A snapshot's meaning is in its objects, and its text may be anything after the opening:
    // quote only the opening, so no contact copies a long text.
    event.text =
        object_kind == ObjectLine::kAgentSnapshot ? std::string("GET_AGENT_SNAPSHOT succeeded.") : std::string(text);
    event.dedupe_key = dedupe_key(logger_id, text, *time);
    if (classified) {
        events.push_back(std::move(event));
        return EntrySkip::kNone;
    }
    EntryBudget budget(element.bytes.size());
    read_object_line(object_kind, entry, event, budget, events);
    return budget.over() ? EntrySkip::kTooCostly : EntrySkip::kNone;
}

}  // namespace whohungup::ccp
