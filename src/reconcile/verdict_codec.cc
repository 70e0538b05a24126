// SPDX-License-Identifier: MIT
#include "reconcile/verdict_codec.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace whohungup::reconcile {

namespace {

// Numbers are LEB128 varints (times zigzag-coded first), so a length or a line number is one to
// three bytes, not eight; a string equal to the verdict's input (the sources' and evidence's
// inputs, nearly always) is written as a reference. A held verdict is about half its old size,
// which is half the spill file's writes and reads.

/// A string's tag: 0 means "the verdict's input", otherwise the length plus one.
constexpr std::uint64_t kSameAsInput = 0;

/// A varint's most bytes.
constexpr std::size_t kMaxVarint = 10;

/// Writes into room made beforehand (encoded_bound): one resize per verdict, where appending
/// each field to the string was a library call per number and two per string.
class Writer {
public:
    explicit Writer(char* at) : at_(at) {}
    void u64(std::uint64_t value) {
        while (value >= 0x80U) {
            *at_++ = static_cast<char>((value & 0x7FU) | 0x80U);
            value >>= 7U;
        }
        *at_++ = static_cast<char>(value);
    }
    void i64(std::int64_t value) {
        const auto bits = static_cast<std::uint64_t>(value);
        u64((bits << 1U) ^ (value < 0 ? ~std::uint64_t{0} : 0));
    }
    void u8(std::uint8_t value) { *at_++ = static_cast<char>(value); }
    void reason(Reason value) { u64(static_cast<std::uint16_t>(value)); }
    void str(std::string_view text) {
        u64(text.size());
        bytes(text);
    }
    /// `text`, or a reference when it equals the verdict's input.
    void input(std::string_view text, std::string_view verdict_input) {
        if (text == verdict_input) {
            u64(kSameAsInput);
            return;
        }
        u64(text.size() + 1);
        bytes(text);
    }
    [[nodiscard]] const char* end() const { return at_; }

private:
    void bytes(std::string_view text) {
        if (!text.empty()) std::memcpy(at_, text.data(), text.size());
        at_ += text.size();
    }
    char* at_;
};

/// The most bytes encode_verdict writes for `verdict`: every string whole, every number and
/// code as a varint of the largest size.
std::size_t encoded_bound(const Verdict& verdict) {
    constexpr std::size_t kFixedFields = 32;  // the verdict's numbers, codes and string lengths: 19, with room
    std::size_t bound = kFixedFields * kMaxVarint + verdict.source_format.size() + verdict.input.size() +
                        verdict.contact_id.size() + verdict.agent.size() + verdict.agent_name.size() +
                        verdict.raw_reason.size() + verdict.detail.size() + verdict.outcome.size();
    for (const SourceView& source : verdict.sources) {
        bound += 8 * kMaxVarint + source.format.size() + source.input.size();
    }
    for (const Evidence& line : verdict.evidence) {
        bound += 8 * kMaxVarint + line.input.size() + line.text.size();
    }
    return bound;
}

class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    std::uint64_t u64() {
        std::uint64_t value = 0;
        for (unsigned shift = 0;; shift += 7) {
            if (shift > 63) {
                throw std::runtime_error("reconcile: a held verdict read back from the temporary file is damaged");
            }
            const std::uint8_t byte = u8();
            value |= static_cast<std::uint64_t>(byte & 0x7FU) << shift;
            if ((byte & 0x80U) == 0) {
                return value;
            }
        }
    }
    std::int64_t i64() {
        const std::uint64_t zigzag = u64();
        return static_cast<std::int64_t>((zigzag >> 1U) ^ (~(zigzag & 1U) + 1U));
    }
    std::uint8_t u8() {
        need(1);
        return static_cast<std::uint8_t>(bytes_[at_++]);
    }
    Reason reason() { return static_cast<Reason>(static_cast<std::uint16_t>(u64())); }
    std::string str() { return take(u64()); }
    std::string input(const std::string& verdict_input) {
        const std::uint64_t tag = u64();
        return tag == kSameAsInput ? verdict_input : take(tag - 1);
    }
    template <typename Enum>
    Enum code() {
        return static_cast<Enum>(u8());
    }
    [[nodiscard]] bool done() const { return at_ == bytes_.size(); }

private:
    std::string take(std::uint64_t size) {
        need(size);
        std::string text(bytes_.substr(at_, size));
        at_ += size;
        return text;
    }
    void need(std::uint64_t size) const {
        if (size > bytes_.size() - at_) {
            throw std::runtime_error("reconcile: a held verdict read back from the temporary file is cut short");
        }
    }
    std::string_view bytes_;
    std::size_t at_ = 0;
};

template <typename Enum>
std::uint8_t code_of(Enum value) {
    return static_cast<std::uint8_t>(value);
}

}  // namespace

void encode_verdict(const Verdict& verdict, std::string& out) {
    const std::size_t start = out.size();
    out.resize(start + encoded_bound(verdict));
    Writer w(out.data() + start);
    w.str(verdict.source_format);
    w.str(verdict.input);
    w.str(verdict.contact_id);
    w.str(verdict.agent);
    w.str(verdict.agent_name);
    w.i64(verdict.started_at_ms);
    w.i64(verdict.ended_at_ms);
    w.u8(code_of(verdict.ended_by));
    w.u8(code_of(verdict.category));
    w.reason(verdict.reason);
    w.str(verdict.raw_reason);
    w.str(verdict.detail);
    w.u8(code_of(verdict.confidence));
    w.str(verdict.outcome);
    w.u8(code_of(verdict.channel));
    w.u8(code_of(verdict.ended_by_side));
    w.u8(code_of(verdict.agreement));
    w.u64(verdict.sources.size());
    for (const SourceView& source : verdict.sources) {
        w.str(source.format);
        w.input(source.input, verdict.input);
        w.u8(code_of(source.ended_by));
        w.u8(code_of(source.category));
        w.reason(source.reason);
        w.u8(code_of(source.confidence));
    }
    w.u64(verdict.evidence.size());
    for (const Evidence& line : verdict.evidence) {
        w.i64(line.time_ms);
        w.input(line.input, verdict.input);
        w.u64(line.line);
        w.u64(line.byte);
        w.str(line.text);
    }
    out.resize(static_cast<std::size_t>(w.end() - out.data()));
}

Verdict decode_verdict(std::string_view bytes) {
    Reader r(bytes);
    Verdict verdict;
    verdict.source_format = r.str();
    verdict.input = r.str();
    verdict.contact_id = r.str();
    verdict.agent = r.str();
    verdict.agent_name = r.str();
    verdict.started_at_ms = r.i64();
    verdict.ended_at_ms = r.i64();
    verdict.ended_by = r.code<Party>();
    verdict.category = r.code<Category>();
    verdict.reason = r.reason();
    verdict.raw_reason = r.str();
    verdict.detail = r.str();
    verdict.confidence = r.code<Confidence>();
    verdict.outcome = r.str();
    verdict.channel = r.code<Channel>();
    verdict.ended_by_side = r.code<Side>();
    verdict.agreement = r.code<Agreement>();
    const std::uint64_t sources = r.u64();
    for (std::uint64_t i = 0; i < sources; ++i) {
        SourceView& source = verdict.sources.emplace_back();
        source.format = r.str();
        source.input = r.input(verdict.input);
        source.ended_by = r.code<Party>();
        source.category = r.code<Category>();
        source.reason = r.reason();
        source.confidence = r.code<Confidence>();
    }
    const std::uint64_t lines = r.u64();
    for (std::uint64_t i = 0; i < lines; ++i) {
        Evidence& line = verdict.evidence.emplace_back();
        line.time_ms = r.i64();
        line.input = r.input(verdict.input);
        line.line = r.u64();
        line.byte = r.u64();
        line.text = r.str();
    }
    if (!r.done()) {
        throw std::runtime_error("reconcile: a held verdict read back from the temporary file has trailing bytes");
    }
    return verdict;
}

}  // namespace whohungup::reconcile
