// SPDX-License-Identifier: MIT
// The progress line on a terminal's stderr: "3/40 files, 120 MB, 300 MB/s, ETA 4s", redrawn in
// place and taken away before anything else is written.
#pragma once

#include "whohungup/progress.h"

namespace whohungup::cli {

class ProgressLine final : public ProgressListener {
public:
    void on_progress(const ProgressUpdate& update) override;
    void pause() override;

private:
    bool shown_ = false;
};

}  // namespace whohungup::cli
