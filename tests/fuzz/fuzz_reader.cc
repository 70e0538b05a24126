// SPDX-License-Identifier: MIT
// One fuzz target per input format (WHOHUNGUP_FUZZ_FORMAT names it), plus "detect", which runs
// format detection and then whichever reader it picks. The target checks what must hold for any
// bytes: no crash, no sanitizer finding, bounded work, every verdict well formed, and its output
// safe in every format (no raw control byte in the table, valid UTF-8 JSON in JSON Lines, no
// markup from the input in the HTML page).
// Built with clang -fsanitize=fuzzer by tools/fuzz.sh; under g++ linked with replay_main.cc and
// run over testdata/fuzz/<target>/ as ordinary tests (label fuzz-replay).
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "whohungup/reader.h"
#include "whohungup/reporter.h"

namespace {

using whohungup::OutputFormat;

/// Prints one verdict in `format` the way the CLI would (evidence included), then ends the run.
std::string printed(const whohungup::Verdict& verdict, OutputFormat format) {
    std::ostringstream out;
    whohungup::ReportStyle style;
    style.explain = true;  // the evidence texts, the most hostile part, go to the table too
    const auto reporter = whohungup::make_reporter(format, style, out);
    reporter->on_verdict(verdict);
    reporter->finish(nullptr);
    return out.str();
}

/// Output safety for any input: the table never carries a raw control byte (a terminal escape)
/// and is valid UTF-8; every JSON line is valid UTF-8 JSON.
void check_output(const whohungup::Verdict& verdict) {
    const std::string table = printed(verdict, OutputFormat::kText);
    for (const char c : table) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n') || byte == 0x7F) {
            std::abort();
        }
    }
    if (!simdjson::validate_utf8(table.data(), table.size())) {
        std::abort();
    }
    static simdjson::dom::parser parser;
    std::istringstream lines(printed(verdict, OutputFormat::kJsonl));
    for (std::string line; std::getline(lines, line);) {
        simdjson::dom::element element;
        if (parser.parse(line).get(element) != simdjson::SUCCESS || !element.is_object()) {
            std::abort();  // simdjson validates UTF-8 as it parses
        }
    }
    static_cast<void>(printed(verdict, OutputFormat::kCsv));  // must not crash or trip a sanitizer
}

/// The HTML page holds no markup from the input: every '<' outside the page's own stylesheet and
/// script opens one of the reporter's own tags (input text has '<' as &lt;), the data for the
/// script has no '<' at all, and nothing reads as a network address ("//").
void check_html(const whohungup::Verdict& verdict) {
    static const std::set<std::string, std::less<>> kTags{
        "!DOCTYPE", "body",       "br",     "button", "circle",  "code",     "defs",   "details", "div",
        "em",       "figcaption", "figure", "footer", "g",       "h1",       "h2",     "head",    "header",
        "html",     "input",      "line",   "main",   "meta",    "noscript", "option", "p",       "pattern",
        "rect",     "section",    "select", "span",   "summary", "svg",      "table",  "tbody",   "td",
        "text",     "th",         "thead",  "title",  "tr"};
    const std::string page = printed(verdict, OutputFormat::kHtml);
    if (page.find("//") != std::string::npos) {
        std::abort();
    }
    std::size_t at = 0;
    while ((at = page.find('<', at)) != std::string::npos) {
        const std::string_view rest = std::string_view(page).substr(at);
        std::string_view closing;
        if (rest.starts_with("<style>")) {
            closing = "</style>";
        } else if (rest.starts_with("<script>")) {
            closing = "</script>";
        } else if (rest.starts_with("<script type=\"application/json\"")) {
            const std::size_t end = page.find("</script>", at);
            if (end == std::string::npos || page.find('<', at + 1) != end) {
                std::abort();  // a '<' inside the data, or the data element never closed
            }
            at = end + 1;
            continue;
        }
        if (!closing.empty()) {
            at = page.find(closing, at);
            if (at == std::string::npos) {
                std::abort();
            }
            at += closing.size();
            continue;
        }
        const std::size_t name_start = rest.starts_with("</") ? 2 : 1;
        const std::size_t name_end = rest.find_first_of(" >/\n", name_start);
        if (name_end == std::string_view::npos || !kTags.contains(rest.substr(name_start, name_end - name_start))) {
            std::abort();
        }
        ++at;
    }
}

class CheckingSink final : public whohungup::VerdictSink, public whohungup::DiagnosticSink {
public:
    void on_verdict(whohungup::Verdict&& verdict) override {
        // Every verdict names its source and has a listed reason code.
        if (verdict.source_format.empty() || whohungup::to_string(verdict.reason).empty()) {
            std::abort();
        }
        check_output(verdict);
        check_html(verdict);
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
