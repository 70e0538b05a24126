// SPDX-License-Identifier: MIT
#include "ccp/ccp_reader.h"

#include <fmt/format.h>

#include <array>

#include "ccp/call_tracker.h"
#include "ccp/entry_parser.h"
#include "ccp/entry_pipeline.h"
#include "json/array_splitter.h"

namespace whohungup::ccp {

namespace {

/// Individual warnings per input and skip kind before they are only counted.
constexpr std::uint64_t kSkipWarningsShown = 3;

std::string_view skip_space_and_bom(std::string_view head) {
    for (;;) {
        if (head.starts_with("\xEF\xBB\xBF")) {
            head.remove_prefix(3);
        } else if (!head.empty() &&
                   (head.front() == ' ' || head.front() == '\n' || head.front() == '\r' || head.front() == '\t')) {
            head.remove_prefix(1);
        } else {
            return head;
        }
    }
}

class CcpLogReader final : public Reader {
public:
    explicit CcpLogReader(const Limits& limits) : limits_(limits), tracker_(limits, input_names_) {}

    void allow_helper_threads(unsigned threads) override { helpers_ = threads; }

    InputResult read(ByteSource& source,
                     const std::string& input_name,
                     VerdictSink& out,
                     DiagnosticSink& diag) override {
        input_names_.push_back(input_name);
        InputResult result;
        const std::uint64_t non_voice_before = tracker_.stats().non_voice_contacts;
        EntryTaker taker(*this, static_cast<std::uint32_t>(input_names_.size() - 1), input_name, result, out, diag);
        detail::JsonArraySplitter splitter(source, limits_);
        detail::ArrayElement element;
        auto status = detail::JsonArraySplitter::Status::kElement;
        {
            EntryPipeline pipeline(helpers_, taker);
            while ((status = splitter.next(element)) == detail::JsonArraySplitter::Status::kElement) {
                pipeline.push(element);
            }
            pipeline.drain();  // every entry before an error is used, and said, before it
        }
        if (status == detail::JsonArraySplitter::Status::kError && source.error().empty()) {
            // (a read error is said below: the JSON is only cut short by it)
            Diagnostic error = Diagnostic::error(input_name, splitter.error_message());
            // An input that failed before its first byte (empty) has no position to name.
            const bool positioned = splitter.error_line() > 0 || splitter.bytes_read() > 0;
            diag.report(positioned ? std::move(error).at(splitter.error_line(), splitter.error_byte())
                                   : std::move(error));
            result.failed = true;
        }
        if (!source.error().empty()) {
            diag.report(Diagnostic::error(input_name, fmt::format("read error: {}", source.error()))
                            .at(0, splitter.bytes_read()));
            result.failed = true;
        }
        result.bytes = splitter.bytes_read();
        result.non_voice_contacts = tracker_.stats().non_voice_contacts - non_voice_before;
        report_skips(taker.skips, result, input_name, diag);
        return result;
    }

    void finish(VerdictSink& out, DiagnosticSink& diag) override {
        tracker_.finish(out);
        const TrackerStats& stats = tracker_.stats();
        if (stats.late_lines > 0 && !input_names_.empty()) {
            diag.report(Diagnostic::warning(
                input_names_.back(), fmt::format("{} lines about calls already reported were not used (overlapping "
                                                 "logs, or lines relayed more than {} minutes late)",
                                                 stats.late_lines, kGraceMs / 60000)));
        }
        if (stats.ambiguous_lines > 0 && !input_names_.empty()) {
            diag.report(Diagnostic::warning(
                input_names_.back(),
                fmt::format("{} {} no contact {} not used: more than one contact was live "
                            "when {} logged",
                            stats.ambiguous_lines, stats.ambiguous_lines == 1 ? "line that names" : "lines that name",
                            stats.ambiguous_lines == 1 ? "was" : "were",
                            stats.ambiguous_lines == 1 ? "it was" : "they were")));
        }
    }

private:
    static void report_skips(const std::array<std::uint64_t, kEntrySkipKinds>& skips,
                             const InputResult& result,
                             const std::string& input_name,
                             DiagnosticSink& diag) {
        if (result.skipped <= kSkipWarningsShown) {
            return;  // each was already said on its own
        }
        std::string parts;
        for (std::size_t kind = 1; kind < skips.size(); ++kind) {
            if (skips.at(kind) > 0) {
                parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", skips.at(kind),
                                     describe(static_cast<EntrySkip>(kind)));
            }
        }
        diag.report(Diagnostic::warning(
            input_name, fmt::format("skipped {} of {} entries ({})", result.skipped, result.records, parts)));
    }

    /// Uses each entry, in input order: counts it, says why it was skipped, or tracks its events.
    class EntryTaker final : public EntryConsumer {
    public:
        EntryTaker(CcpLogReader& reader,
                   std::uint32_t input_index,
                   const std::string& input_name,
                   InputResult& result,
                   VerdictSink& out,
                   DiagnosticSink& diag)
            : reader_(reader),
              input_index_(input_index),
              input_name_(input_name),
              result_(result),
              out_(out),
              diag_(diag) {}

        void take(ParsedEntry& entry) override {
            ++result_.records;
            if (entry.skip != EntrySkip::kNone) {
                ++result_.skipped;
                const auto kind = static_cast<std::size_t>(entry.skip);
                if (++skips.at(kind) <= kSkipWarningsShown) {
                    diag_.report(
                        Diagnostic::warning(input_name_, fmt::format("entry skipped: {}", describe(entry.skip)))
                            .at(entry.line, entry.byte));
                }
                return;
            }
            reader_.tracker_.note_level(input_index_, entry.level);  // before its events: the entry counts too
            for (CcpEvent& event : entry.events) {
                event.pos = EntryPos{input_index_, entry.line, entry.byte};
                event.seq = ++reader_.seq_;
                reader_.tracker_.add(std::move(event), out_, diag_);
            }
        }

        std::array<std::uint64_t, kEntrySkipKinds> skips{};

    private:
        CcpLogReader& reader_;
        std::uint32_t input_index_;
        const std::string& input_name_;
        InputResult& result_;
        VerdictSink& out_;
        DiagnosticSink& diag_;
    };

    Limits limits_;
    std::vector<std::string> input_names_;
    CallTracker tracker_;
    std::uint64_t seq_ = 0;
    unsigned helpers_ = 0;  ///< threads that may parse entries besides the caller
};

}  // namespace

bool sniff_ccp_log(std::string_view head) {
    head = skip_space_and_bom(head);
    if (!head.starts_with('[')) {
        return false;
    }
    head.remove_prefix(1);
    head = skip_space_and_bom(head);
    if (head.empty() || head.starts_with(']')) {
        return true;  // an empty download is still a CCP log
    }
    // The first element is an entry object in every real download; a stray element before it
    // still leaves the entries' keys within the head.
    return head.find("\"text\"") != std::string_view::npos &&
           (head.find("\"level\"") != std::string_view::npos || head.find("\"component\"") != std::string_view::npos);
}

std::string ccp_log_group_key(std::string_view head) {
    constexpr std::string_view kKey = "\"agentResourceId\"";
    std::size_t pos = 0;
    while ((pos = head.find(kKey, pos)) != std::string_view::npos) {
        pos += kKey.size();
        while (pos < head.size() &&
               (head[pos] == ' ' || head[pos] == ':' || head[pos] == '\n' || head[pos] == '\t' || head[pos] == '\r')) {
            ++pos;
        }
        if (pos < head.size() && head[pos] == '"') {
            const std::size_t end = head.find('"', pos + 1);
            if (end != std::string_view::npos && end > pos + 1) {
                return std::string(head.substr(pos + 1, end - pos - 1));
            }
        }
    }
    return {};
}

std::unique_ptr<Reader> make_ccp_log_reader(const Limits& limits) {
    return std::make_unique<CcpLogReader>(limits);
}

}  // namespace whohungup::ccp
