// SPDX-License-Identifier: MIT
// Sinks that keep what a reader or tracker pushes, for assertions.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "whohungup/reader.h"

namespace whohungup::testing {

class CollectingSinks final : public VerdictSink, public DiagnosticSink {
public:
    void on_verdict(Verdict&& verdict) override { verdicts.push_back(std::move(verdict)); }
    void report(const Diagnostic& diagnostic) override { diagnostics.push_back(diagnostic); }

    /// Verdicts by contact id; a contact judged twice fails the test.
    [[nodiscard]] std::map<std::string, Verdict> by_id() const {
        std::map<std::string, Verdict> out;
        for (const Verdict& v : verdicts) {
            EXPECT_TRUE(out.emplace(v.contact_id, v).second) << "two verdicts for " << v.contact_id;
        }
        return out;
    }

    std::vector<Verdict> verdicts;
    std::vector<Diagnostic> diagnostics;
};

}  // namespace whohungup::testing
