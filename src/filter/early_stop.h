// SPDX-License-Identifier: MIT
// -q stops reading at the first reported call. The run raises one flag; every input is read
// through a StopAwareSource, which reads as the end of input once the flag is up, so a reader
// stops at its next buffer without knowing why, and the run starts no further input. What the
// cut-short readers say afterwards (a truncated entry, a call left open) is not reported.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "whohungup/byte_source.h"

namespace whohungup {

class StopAwareSource final : public ByteSource {
public:
    StopAwareSource(std::unique_ptr<ByteSource> inner, const std::atomic<bool>& stop)
        : inner_(std::move(inner)), stop_(stop) {}

    std::size_t read(char* buffer, std::size_t capacity) override {
        return stop_.load(std::memory_order_relaxed) ? 0 : inner_->read_some(buffer, capacity);
    }
    [[nodiscard]] const std::string& error() const override { return inner_->error(); }
    [[nodiscard]] bool compressed() const override { return inner_->compressed(); }

private:
    std::unique_ptr<ByteSource> inner_;
    const std::atomic<bool>& stop_;
};

}  // namespace whohungup
