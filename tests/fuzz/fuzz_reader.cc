// SPDX-License-Identifier: MIT
// One fuzz target per input format (WHOHUNGUP_FUZZ_FORMAT names it), plus "detect", which runs
// format detection and then whichever reader it picks. The target checks what must hold for any
// bytes: no crash, no sanitizer finding, bounded work, and every verdict well formed.
// Built with clang -fsanitize=fuzzer by tools/fuzz.sh; under g++ linked with replay_main.cc and
// run over testdata/fuzz/<target>/ as ordinary tests (label fuzz-replay).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "whohungup/reader.h"

namespace {

class CheckingSink final : public whohungup::VerdictSink, public whohungup::DiagnosticSink {
public:
    void on_verdict(whohungup::Verdict&& verdict) override {
        // Every verdict names its source and has a reason code.
        if (verdict.source_format.empty() || verdict.reason.empty()) {
            std::abort();
        }
    }
    void report(const whohungup::Diagnostic& diagnostic) override {
        if (diagnostic.message.empty()) {
            std::abort();
        }
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const std::string_view format = WHOHUNGUP_FUZZ_FORMAT;
    const whohungup::ReaderKind* kind =
        format == "detect" ? whohungup::sniff_reader_kind(bytes) : whohungup::find_reader_kind(format);
    if (kind == nullptr) {
        return 0;
    }
    whohungup::Limits limits;
    limits.max_entry_bytes = 1 << 20;  // keep each run cheap: fuzzing finds logic bugs, not size limits
    limits.max_open_calls = 1000;
    auto reader = kind->make(limits);
    auto source = whohungup::ByteSource::from_memory(bytes);
    CheckingSink sink;
    reader->read(*source, "fuzz", sink, sink);
    reader->finish(sink, sink);
    return 0;
}
