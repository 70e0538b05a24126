// SPDX-License-Identifier: MIT
#include "cli/verbose_reporter.h"

#include <spdlog/spdlog.h>

namespace whohungup::cli {

namespace {

class VerboseReporter final : public Reporter {
public:
    explicit VerboseReporter(Reporter& inner) : inner_(inner) {}

    void on_verdict(const Verdict& verdict) override { inner_.on_verdict(verdict); }

    void on_input_end(const InputReport& report) override {
        if (report.unrecognised) {
            spdlog::debug("{}: skipped (no known format)", report.input);
        } else {
            spdlog::debug("{}: format {}, {} bytes, {} records ({} skipped), {} verdicts, {:.3f} ms{}", report.input,
                          report.format.empty() ? "-" : report.format, report.result.bytes, report.result.records,
                          report.result.skipped, report.verdicts, static_cast<double>(report.read_us) / 1000.0,
                          report.error ? ", not read in full" : "");
        }
        inner_.on_input_end(report);
    }

    void finish(const Summary* summary) override { inner_.finish(summary); }

private:
    Reporter& inner_;
};

}  // namespace

std::unique_ptr<Reporter> make_verbose_reporter(Reporter& inner) {
    return std::make_unique<VerboseReporter>(inner);
}

}  // namespace whohungup::cli
