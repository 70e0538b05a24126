// SPDX-License-Identifier: MIT
// How far a run has got, for whoever shows it. The library only counts; the CLI draws the line
// on a terminal (src/cli/progress_line.*), and an embedding program may show it its own way.
#pragma once

#include <cstddef>
#include <cstdint>

namespace whohungup {

struct ProgressUpdate {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;  ///< of the inputs whose size is known (not stdin or pipes)
    double seconds = 0;             ///< since the run started
};

class ProgressListener {
public:
    ProgressListener() = default;
    ProgressListener(const ProgressListener&) = delete;
    ProgressListener& operator=(const ProgressListener&) = delete;
    ProgressListener(ProgressListener&&) = delete;
    ProgressListener& operator=(ProgressListener&&) = delete;
    virtual ~ProgressListener() = default;

    /// After each group of inputs is reported, on the thread that called run().
    virtual void on_progress(const ProgressUpdate& update) = 0;
    /// Before a message, an input's end or the final report is written: a listener that draws
    /// on the terminal takes its line away here.
    virtual void pause() {}
};

}  // namespace whohungup
