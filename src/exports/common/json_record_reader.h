// SPDX-License-Identifier: MIT
// Shared plumbing of the vendor export readers: JSON records in any of the shapes exports come
// in (one object, an array, JSON Lines, objects back to back, arrays back to back, and the
// reader's list envelopes), each parsed with simdjson and handed to the format's on_value();
// timestamps read with a warning when they are malformed; unknown codes warned once.
// Envelopes: the records of a top-level envelope are streamed one by one (memory: the largest
// record, not the envelope), and an envelope that comes whole (one JSON Lines line, an element of
// an array) is unwrapped here too; either way each record has its own line and byte, and
// on_value() never sees the envelope itself.
#pragma once

#include <simdjson.h>

#include <new>
#include <string>
#include <string_view>

#include "json/array_splitter.h"
#include "json/envelope_keys.h"
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
    /// `envelopes`: the members of a top-level object that hold the format's records.
    explicit JsonRecordReader(const Limits& limits, detail::EnvelopeKeys envelopes = {})
        : limits_(limits), envelopes_(std::move(envelopes)) {}

    InputResult read(ByteSource& source,
                     const std::string& input_name,
                     VerdictSink& out,
                     DiagnosticSink& diag) override;
    void finish(VerdictSink& /*out*/, DiagnosticSink& /*diag*/) override {}

protected:
    /// One top-level value, one element of a top-level array or one record of an envelope (see
    /// envelope_key()). Call count_record() for each record found in it and skip_record() for
    /// each that cannot be used.
    virtual void on_value(simdjson::dom::element value, const RecordPos& pos, VerdictSink& out) = 0;

    void count_record() { ++result_.records; }
    void skip_record(const RecordPos& pos, std::string_view why);
    /// Epoch ms of an ISO-8601 string; a malformed but readable one is warned about once per
    /// input, an unreadable one too (and gives kNoTime; the record is kept but counts as
    /// unreadable_fields, so the input is not "read in full").
    std::int64_t read_time(std::string_view text, const RecordPos& pos);
    /// The same for a time given as epoch milliseconds (absent: kNoTime, no warning).
    std::int64_t read_epoch_ms(std::optional<std::int64_t> ms, const RecordPos& pos);
    /// The same for a time given as epoch seconds, with a fraction or not (rounded to the ms).
    std::int64_t read_epoch_seconds(double seconds, const RecordPos& pos);
    /// Maps a vendor code through `table`; warns once per unknown code.
    void map_code(const mappings::ReasonTable& table, std::string_view code, Verdict& verdict, const RecordPos& pos);
    Evidence evidence(const RecordPos& pos, std::int64_t time_ms, std::string text) const;
    Verdict new_verdict(std::string_view format) const;

    /// The name of the envelope member whose list holds the current value (decoded), or empty.
    [[nodiscard]] const std::string& envelope_key() const { return envelope_key_; }
    [[nodiscard]] const std::string& input_name() const { return input_name_; }
    [[nodiscard]] DiagnosticSink& diag() { return *diag_; }

private:
    void read_all(ByteSource& source, VerdictSink& out);
    /// One element of the splitter: a record (or a whole envelope) to parse, or an envelope's rest.
    void read_element(const detail::ArrayElement& element, const RecordPos& pos, VerdictSink& out, bool whole);
    /// An envelope that came whole, already parsed once: its records, each at its own position.
    void unwrap(std::string_view bytes, const RecordPos& at, VerdictSink& out);
    [[nodiscard]] bool is_envelope(simdjson::dom::element value) const;
    void set_envelope_key(std::string_view raw);
    /// Counts an epoch time outside 1970-9999 as unreadable and warns once per input.
    void warn_epoch_out_of_range(std::string_view written, std::string_view unit, const RecordPos& pos);

    Limits limits_;
    detail::EnvelopeKeys envelopes_;
    std::string envelope_key_;
    std::string envelope_key_raw_;
    simdjson::dom::parser parser_;
    InputResult result_;
    std::string input_name_;
    DiagnosticSink* diag_ = nullptr;
    RecordPos last_pos_;  ///< the last element's, for an error that stops the input
    std::uint64_t skip_warnings_ = 0;
    bool warned_time_ = false;
};

}  // namespace whohungup::exports
