// SPDX-License-Identifier: MIT
// Google Benchmark of the CCP reader (split + parse + track + judge) in memory, reported in
// bytes per second. The input is the sample fixture's calls repeated with fresh contact ids, so
// every call is judged. Run: build/ci/bench/whohungup_bench
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "ccp/ccp_reader.h"

namespace {

class CountingSink final : public whohungup::VerdictSink, public whohungup::DiagnosticSink {
public:
    void on_verdict(whohungup::Verdict&& /*verdict*/) override { ++verdicts; }
    void report(const whohungup::Diagnostic& /*diagnostic*/) override {}
    std::size_t verdicts = 0;
};

/// The sample's entries, `copies` times, each copy with its own contact ids and times.
std::string repeated_sample(int copies) {
    std::ifstream in(std::string(WHOHUNGUP_TESTDATA) + "/ccp/sample-agent-log.txt");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string body = buffer.str();
    body = body.substr(body.find('[') + 1);
    body = body.substr(0, body.rfind(']'));
    std::string out = "[";
    for (int copy = 0; copy < copies; ++copy) {
        std::string chunk = body;
        const std::string from = "c0ffee00-";
        const std::string to = fmt::format("{:08x}-", copy);
        for (std::size_t at = chunk.find(from); at != std::string::npos; at = chunk.find(from, at + to.size())) {
            chunk.replace(at, from.size(), to);
        }
        out += copy > 0 ? "," : "";
        out += chunk;
    }
    out += "]";
    return out;
}

void BM_CcpReader(benchmark::State& state) {
    const std::string log = repeated_sample(static_cast<int>(state.range(0)));
    std::size_t verdicts = 0;
    for (auto _ : state) {
        auto reader = whohungup::ccp::make_ccp_log_reader(whohungup::Limits{});
        auto source = whohungup::ByteSource::from_memory(log);
        CountingSink sink;
        reader->read(*source, "bench", sink, sink);
        reader->finish(sink, sink);
        verdicts = sink.verdicts;
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(log.size()));
    state.counters["calls"] = static_cast<double>(verdicts);
}
BENCHMARK(BM_CcpReader)->Arg(10)->Arg(200)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
