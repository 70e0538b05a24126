// SPDX-License-Identifier: MIT
#include "cli/selection_flags.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>

#include "core/reason_codes.h"
#include "filter/time_bound.h"
#include "report/fields.h"

namespace whohungup::cli {

namespace {

std::string joined(std::span<const std::string_view> names) {
    std::string out;
    for (const std::string_view name : names) {
        out += out.empty() ? "" : ", ";
        out += name;
    }
    return out;
}

/// Enum values by their wire names (the N enumerators of docs/verdicts.md).
template <typename Enum, std::size_t N>
std::vector<Enum> parse_names(const std::vector<std::string>& values,
                              const std::string& flag,
                              std::optional<Enum> (*from_string)(std::string_view)) {
    std::vector<Enum> out;
    for (const std::string& value : values) {
        const std::optional<Enum> parsed = from_string(value);
        if (!parsed) {
            std::vector<std::string_view> names;
            for (std::size_t i = 0; i < N; ++i) {
                names.push_back(to_string(static_cast<Enum>(i)));
            }
            throw CLI::ValidationError(flag, "unknown value '" + value + "' (use " + joined(names) + ")");
        }
        out.push_back(*parsed);
    }
    return out;
}

std::int64_t parse_bound(const std::string& text, const std::string& flag, BoundKind kind) {
    const std::optional<std::int64_t> ms = parse_time_bound(text, kind);
    if (!ms) {
        throw CLI::ValidationError(flag, "'" + text +
                                             "' is not an ISO-8601 time or date (e.g. 2026-11-20 or "
                                             "2026-11-20T14:00:00Z)");
    }
    return *ms;
}

/// A zone name the C library will read: an IANA name with a file under TZDIR
/// (/usr/share/zoneinfo). glibc takes an unknown name as UTC without a word, so it is checked.
bool known_zone(const std::string& zone) {
    if (zone.empty() || zone.find("..") != std::string::npos || zone.front() == '/') {
        return false;
    }
    const char* dir = std::getenv("TZDIR");
    const std::filesystem::path base = dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo";
    std::error_code ec;
    return std::filesystem::is_regular_file(base / zone, ec);
}

}  // namespace

void add_selection_flags(CLI::App& app, SelectionFlags& flags) {
    app.add_option("--since", flags.since,
                   "Keep calls that ended at or after TIME (ISO-8601; a date means its first moment, UTC)")
        ->type_name("TIME");
    app.add_option("--until", flags.until,
                   "Keep calls that ended before TIME (ISO-8601; a date means up to its end, UTC)")
        ->type_name("TIME");
    app.add_option("--agent", flags.agents, "Keep calls of this agent (id or username); repeatable")
        ->type_name("AGENT")
        ->allow_extra_args(false);
    app.add_option("--reason", flags.reasons, "Keep calls with these reason codes (see docs/verdicts.md)")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("LIST");
    app.add_option("--category", flags.categories,
                   "Keep calls of these categories: hangup,not_connected,failure,transfer,abandoned,in_progress,other")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("LIST");
    app.add_option("--channel", flags.channels,
                   "Keep contacts of these channels: voice,chat,task,email,callback,message,unknown, or all "
                   "(CCP logs report chats, tasks and email only when asked)")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("LIST");
    app.add_option("--sort", flags.sort,
                   "Print calls in this order (held until the end): ended, started, duration, agent, ended_by, "
                   "reason; -KEY reverses")
        ->type_name("KEY");
    app.add_option("--fields", flags.fields, "Table and CSV columns, by CSV column name (e.g. ended_at,agent,reason)")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->type_name("LIST");
    app.add_flag("--count", flags.count,
                 "Print only the number of calls per ended_by (text, CSV) or the summary record (jsonl)");
    app.add_option("--tz", flags.tz, "Count the summary's hours in this time zone (IANA name, e.g. Europe/Paris)")
        ->type_name("ZONE");
}

void apply_selection_flags(const SelectionFlags& flags, Options& options) {
    Selection& select = options.select;
    if (!flags.since.empty()) {
        select.since_ms = parse_bound(flags.since, "--since", BoundKind::kSince);
    }
    if (!flags.until.empty()) {
        select.until_ms = parse_bound(flags.until, "--until", BoundKind::kUntil);
    }
    select.agents = flags.agents;
    select.reasons.clear();
    for (const std::string& name : flags.reasons) {
        const std::optional<Reason> reason = reason_from_string(name);
        if (!reason) {
            throw CLI::ValidationError("--reason", "unknown reason code '" + name + "' (see docs/verdicts.md)");
        }
        select.reasons.push_back(*reason);
    }
    select.categories = parse_names<Category, 7>(flags.categories, "--category", &category_from_string);
    // "all" keeps every channel; asking for any channel but voice also makes the CCP reader report
    // the chats, tasks and email contacts it otherwise only counts.
    std::vector<std::string> channels;
    for (const std::string& name : flags.channels) {
        if (name == "all") {
            options.limits.include_non_voice = true;
        } else {
            channels.push_back(name);
        }
    }
    select.channels = parse_names<Channel, 7>(channels, "--channel", &channel_from_string);
    for (const Channel channel : select.channels) {
        options.limits.include_non_voice |= channel != Channel::kVoice && channel != Channel::kCallback;
    }

    if (!flags.sort.empty()) {
        static const std::map<std::string, SortKey, std::less<>> kKeys{
            {"ended", SortKey::kEnded}, {"started", SortKey::kStarted},  {"duration", SortKey::kDuration},
            {"agent", SortKey::kAgent}, {"ended_by", SortKey::kEndedBy}, {"reason", SortKey::kReason}};
        const bool descending = flags.sort.starts_with('-');
        const auto key = kKeys.find(std::string_view(flags.sort).substr(descending ? 1 : 0));
        if (key == kKeys.end()) {
            throw CLI::ValidationError("--sort", "unknown key '" + flags.sort +
                                                     "' (use ended, started, duration, agent, ended_by or reason; "
                                                     "-KEY reverses)");
        }
        options.sort = key->second;
        options.sort_descending = descending;
    }
    for (const std::string& field : flags.fields) {
        if (!detail::field_from_string(field)) {
            throw CLI::ValidationError("--fields",
                                       "unknown field '" + field + "' (use " + joined(detail::field_names()) + ")");
        }
    }
    options.fields = flags.fields;
    options.count = flags.count;

    if (!flags.tz.empty() && flags.tz != "UTC") {
        if (!known_zone(flags.tz)) {
            throw CLI::ValidationError("--tz", "unknown time zone '" + flags.tz +
                                                   "' (an IANA name such as "
                                                   "Europe/Paris, or UTC)");
        }
        ::setenv("TZ", flags.tz.c_str(), 1);  // NOLINT(concurrency-mt-unsafe): before any thread starts
        ::tzset();
        options.tz = flags.tz;
    }
}

}  // namespace whohungup::cli
