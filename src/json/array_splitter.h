// SPDX-License-Identifier: MIT
// Streams the elements of top-level JSON arrays out of a byte source, one element at a time,
// without ever holding more than one element (plus one read buffer) in memory.
//
// Accepts what CCP log downloads look like in the wild: one array, pretty-printed or compact;
// several arrays back to back (concatenated downloads, with or without a BOM each); a UTF-8 BOM.
// With top-level records (exports), JSON Lines: once one record has ended on its own line and the
// next starts on a later one, every record must end on its line; one that does not (a line cut
// short, or a line that starts no record) is returned as `cut` and reading resumes at the next
// line, so the records after it are not lost.
// With envelope keys (EnvelopeKeys), a top-level object is read member by member: the arrays of
// the members that hold records are streamed element by element, each with its own position and
// the member's name, and the object's other members come last as one `envelope_rest` element
// (the object with those arrays left empty), so an envelope costs the memory of its largest
// record. An object with no such member is one record, as without envelope keys. JSON Lines
// records (once proven) are returned whole: the reader unwraps an envelope on one line itself.
// It only finds element boundaries (brackets and strings); each element's JSON is validated by
// the parser that reads it. Tested by tests/unit/array_splitter_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/envelope_keys.h"
#include "whohungup/byte_source.h"
#include "whohungup/options.h"

namespace whohungup::detail {

/// Padding simdjson may read past the end of a buffer.
inline constexpr std::size_t kParsePadding = 64;

struct ArrayElement {
    std::string_view bytes;   ///< the element's JSON text; readable for kParsePadding more bytes
    std::uint64_t line = 0;   ///< 1-based line where the element starts
    std::uint64_t byte = 0;   ///< 0-based byte offset where the element starts
    bool is_object = false;   ///< false for arrays and scalars (not log entries)
    bool over_size = false;   ///< larger than Limits::max_entry_bytes: bytes is empty
    bool over_depth = false;  ///< nested deeper than Limits::max_depth
    bool cut = false;         ///< a JSON Lines record that does not end on its line: bytes is empty
    /// Inside an envelope: the raw name (between the quotes) of the member whose array holds it.
    std::string_view envelope_key;
    /// Not a record: an envelope's other members, after its records (line and byte: the envelope's).
    bool envelope_rest = false;
};

class JsonArraySplitter {
public:
    enum class Status : std::uint8_t { kElement, kEnd, kError };

    /// What a top-level object is: an error (CCP logs are arrays) or a record of its own
    /// (exports: one record, JSON Lines, records back to back with no separator).
    enum class TopLevelObjects : std::uint8_t { kError, kAreElements };

    JsonArraySplitter(ByteSource& source,
                      const Limits& limits,
                      TopLevelObjects objects = TopLevelObjects::kError,
                      EnvelopeKeys envelopes = {});

    /// The next element, kEnd after the last one, or kError (see error_*()) when the input is
    /// not a JSON array, or is cut off. Elements before the error have all been returned.
    Status next(ArrayElement& out);

    [[nodiscard]] const std::string& error_message() const { return error_message_; }
    [[nodiscard]] std::uint64_t error_line() const { return error_line_; }
    [[nodiscard]] std::uint64_t error_byte() const { return error_byte_; }
    [[nodiscard]] std::uint64_t bytes_read() const { return buffer_start_ + pos_; }

private:
    enum class State : std::uint8_t { kTop, kArrayStart, kAfterElement, kMemberName, kAfterMember };

    bool fill();  ///< refill the buffer; false at end of input
    /// Makes at least `want` unread bytes available when the input has them, moving the unread
    /// tail to the front of the buffer. Returns the bytes available.
    std::size_t fill_at_least(std::size_t want);
    bool skip_whitespace();  ///< false at end of input
    Status fail(std::string message, std::uint64_t line, std::uint64_t byte);
    Status scan_element(ArrayElement& out);
    /// A container at pos_; `depth`: brackets already open (1 for the rest of an object).
    Status scan_container(ArrayElement& out, std::size_t depth = 0);
    Status scan_scalar(ArrayElement& out);
    Status skip_line(ArrayElement& out);  ///< JSON Lines: the rest of a line that starts no record
    void keep(std::size_t from, std::size_t to);
    // Envelopes: a top-level object read member by member.
    void begin_object();
    /// At a member's name: name, ':', value (or a record array's start). A status to return, or
    /// nullopt to go on.
    std::optional<Status> scan_member(ArrayElement& out);
    Status rest_of_object(ArrayElement& out);                    ///< after a syntax error: the rest, whole
    Status end_object(ArrayElement& out, bool at_brace = true);  ///< at the object's '}' (or past it)
    bool read_member_name();  ///< the quoted name at pos_ into member_name_; false if cut
    void add_to_object(std::string_view bytes);
    void add_to_object(const ArrayElement& value);  ///< a member's value, or the limit it broke

    ByteSource& source_;
    Limits limits_;
    TopLevelObjects objects_;
    bool in_array_ = false;
    std::vector<char> buffer_;
    std::size_t pos_ = 0;
    std::size_t len_ = 0;
    std::uint64_t buffer_start_ = 0;  ///< input offset of buffer_[0]
    std::uint64_t line_ = 1;          ///< line number at buffer_[pos_]
    bool copying_ = false;            ///< the element spans refills: assembled in element_
    std::uint64_t reads_ = 0;         ///< reads from the source so far
    State state_ = State::kTop;
    bool line_records_ = false;              ///< JSON Lines proven: a record must end on its line
    bool previous_record_one_line_ = false;  ///< the last top-level record began and ended on one line
    std::uint64_t previous_record_end_line_ = 0;
    std::uint64_t arrays_seen_ = 0;
    std::uint64_t elements_in_array_ = 0;
    std::uint64_t object_members_ = 0;  ///< members read so far of the object being read by member
    std::uint64_t object_line_ = 0;
    std::uint64_t object_byte_ = 0;
    std::uint64_t error_line_ = 0;
    std::uint64_t error_byte_ = 0;
    std::string element_;  ///< the element being assembled
    EnvelopeKeys envelopes_;
    std::string object_;        ///< the object's members so far, record arrays left empty
    std::string member_name_;   ///< the current member's name with its quotes
    std::string envelope_key_;  ///< the name of the record array being streamed
    std::string error_message_;
    bool source_done_ = false;
    bool in_object_ = false;           ///< reading a top-level object member by member
    bool object_has_records_ = false;  ///< one of its members was a record array: an envelope
    bool object_over_size_ = false;
    bool object_over_depth_ = false;
};

}  // namespace whohungup::detail
