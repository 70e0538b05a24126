// SPDX-License-Identifier: MIT
// Shared plumbing of the vendor export readers: JSON records in any of the shapes exports come
// in (one object, an array, JSON Lines, objects back to back, arrays back to back), each parsed
// with simdjson and handed to the format's on_value(); timestamps read with a warning when they
// are malformed; unknown codes warned once.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "mappings/reason_table.h"
#include "whohungup/reader.h"

namespace whohungup::exports {

/// Where a record sits, for evidence and messages.
struct RecordPos {
    std::uint64_t line = 0;
    std::uint64_t byte = 0;
};

class JsonRecordReader : public Reader {
public:
    explicit JsonRecordReader(const Limits& limits) : limits_(limits) {}

    InputResult read(ByteSource& source,
                     const std::string& input_name,
                     VerdictSink& out,
                     DiagnosticSink& diag) override;
    void finish(VerdictSink& /*out*/, DiagnosticSink& /*diag*/) override {}

protected:
    /// One top-level value (or one element of a top-level array). Call count_record() for each
    /// record found in it and skip_record() for each that cannot be used.
    virtual void on_value(simdjson::dom::element value, const RecordPos& pos, VerdictSink& out) = 0;

    void count_record() { ++result_.records; }
    void skip_record(const RecordPos& pos, std::string_view why);
    /// Epoch ms of an ISO-8601 string; a malformed but readable one is warned about once per
    /// input, an unreadable one too (and gives kNoTime, never a lost record).
    std::int64_t read_time(std::string_view text, const RecordPos& pos);
    /// Maps a vendor code through `table`; warns once per unknown code.
    void map_code(const mappings::ReasonTable& table, std::string_view code, Verdict& verdict, const RecordPos& pos);
    Evidence evidence(const RecordPos& pos, std::int64_t time_ms, std::string text) const;
    Verdict new_verdict(std::string_view format) const;

    [[nodiscard]] const std::string& input_name() const { return input_name_; }
    [[nodiscard]] DiagnosticSink& diag() { return *diag_; }

private:
    Limits limits_;
    simdjson::dom::parser parser_;
    InputResult result_;
    std::string input_name_;
    DiagnosticSink* diag_ = nullptr;
    std::uint64_t skip_warnings_ = 0;
    bool warned_time_ = false;
};

}  // namespace whohungup::exports
