// SPDX-License-Identifier: MIT
// Readers turn one input format into verdicts (push model). The registry in
// src/core/reader_registry.cc lists every format, most specific first.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "whohungup/byte_source.h"
#include "whohungup/diagnostic.h"
#include "whohungup/options.h"
#include "whohungup/verdict.h"

namespace whohungup {

class VerdictSink {
public:
    virtual ~VerdictSink() = default;
    virtual void on_verdict(Verdict&& verdict) = 0;
};

/// What reading one input came to.
struct InputResult {
    std::uint64_t records = 0;            ///< entries / records read
    std::uint64_t skipped = 0;            ///< records that could not be used (each kind is said on stderr)
    std::uint64_t bytes = 0;              ///< bytes read (after decompression)
    std::uint64_t unreadable_fields = 0;  ///< records used with a time or field that could not be read
    bool failed = false;                  ///< the input as a whole is broken (error already reported)
    /// Chats, tasks and email contacts seen (not reported unless Limits::include_non_voice).
    std::uint64_t non_voice_contacts = 0;

    /// Something of the input was lost: it failed, a record was skipped or a field was unreadable.
    /// Such an input "could not be read in full": input_end.error, and exit status 2.
    [[nodiscard]] bool lost_data() const { return failed || skipped > 0 || unreadable_fields > 0; }
};

class Reader {
public:
    virtual ~Reader() = default;
    /// Reads one input to its end. Problems with single records go to `diag` and reading goes
    /// on; an input-level failure (truncation, wrong format) sets `failed` after every record
    /// before it was used. A reader may keep state across the inputs of one group (one agent's
    /// overlapping CCP logs) and emit verdicts only from finish().
    virtual InputResult read(ByteSource& source,
                             const std::string& input_name,
                             VerdictSink& out,
                             DiagnosticSink& diag) = 0;
    /// End of the group: emit whatever is still held.
    virtual void finish(VerdictSink& out, DiagnosticSink& diag) = 0;
    /// Threads the reader may start, besides the caller's, to read one input faster: the -j
    /// workers no other group needs. Output must not change with it. Readers that cannot split
    /// an input ignore it.
    virtual void allow_helper_threads(unsigned threads) { (void)threads; }
};

struct ReaderKind {
    std::string_view name;         ///< stable format name, e.g. "ccp-log"
    std::string_view description;  ///< one line for --list-formats
    /// True when the first bytes of an input look like this format.
    bool (*sniff)(std::string_view head);
    std::unique_ptr<Reader> (*make)(const Limits& limits);
    /// Inputs of this format with the same non-empty key are read as one stream (one agent's
    /// overlapping downloads). nullptr: every input stands alone.
    std::string (*group_key)(std::string_view head);
};

/// Every format, most specific first.
[[nodiscard]] std::span<const ReaderKind> reader_kinds();
[[nodiscard]] const ReaderKind* find_reader_kind(std::string_view name);
/// The first kind whose sniff accepts `head`, or nullptr.
[[nodiscard]] const ReaderKind* sniff_reader_kind(std::string_view head);

}  // namespace whohungup
