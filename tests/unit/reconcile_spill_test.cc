// SPDX-License-Identifier: MIT
// The reconcile stage's compact state: held verdicts go to a temporary file in $TMPDIR (gone from
// the directory at once) and come back equal, field for field; without a usable directory they
// stay in memory with the same result; calls of spaces not yet due stay held across a flush.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "reconcile/reconciler.h"
#include "reconcile/spill_file.h"
#include "reconcile/verdict_codec.h"
#include "support/collecting_sinks.h"

namespace whohungup::reconcile {
namespace {

namespace fs = std::filesystem;

Verdict rich_verdict(std::string_view id, std::string_view input, std::int64_t ended) {
    Verdict v;
    v.source_format = "genesys-cloud";
    v.input = std::string(input);
    v.contact_id = std::string(id);
    v.agent = "u-ana";
    v.agent_name = "Ana Agent";
    v.started_at_ms = kNoTime;
    v.ended_at_ms = ended;
    v.ended_by = Party::kThirdParty;
    v.category = Category::kTransfer;
    v.reason = Reason::transferred;
    v.raw_reason = std::string("peer\0with NUL", 13);
    v.detail = "Détail: \xE2\x80\x94 two words.";
    v.confidence = Confidence::kMedium;
    v.outcome = "handled";
    v.channel = Channel::kChat;
    v.ended_by_side = Side::kCallee;
    v.agreement = Agreement::kConflict;
    v.sources.push_back(SourceView{"genesys-cloud", std::string(input), Party::kAgent, Category::kHangup,
                                   Reason::agent_hangup, Confidence::kHigh});
    v.sources.push_back(SourceView{"genesys-interactions-csv", "b.csv", Party::kCustomer, Category::kHangup,
                                   Reason::customer_hangup, Confidence::kLow});
    v.evidence.push_back(Evidence{ended, std::string(input), 7, 1234, "{\"segmentEnd\":\"…\"}"});
    v.evidence.push_back(Evidence{kNoTime, "b.csv", 0, 0, ""});
    return v;
}

/// Sets TMPDIR for one test, restoring it after.
class ScopedTmpdir {
public:
    explicit ScopedTmpdir(const std::string& dir) {
        const char* old = std::getenv("TMPDIR");
        had_ = old != nullptr;
        old_ = had_ ? old : "";
        ::setenv("TMPDIR", dir.c_str(), 1);
    }
    ScopedTmpdir(const ScopedTmpdir&) = delete;
    ScopedTmpdir& operator=(const ScopedTmpdir&) = delete;
    ~ScopedTmpdir() {
        if (had_) {
            ::setenv("TMPDIR", old_.c_str(), 1);
        } else {
            ::unsetenv("TMPDIR");
        }
    }

private:
    bool had_ = false;
    std::string old_;
};

/// Open descriptors of this process whose target is under `dir`.
std::vector<std::string> open_files_under(const fs::path& dir) {
    std::vector<std::string> found;
    for (const fs::directory_entry& fd : fs::directory_iterator("/proc/self/fd")) {
        std::error_code ec;
        const fs::path target = fs::read_symlink(fd.path(), ec);
        if (!ec && target.string().starts_with(dir.string())) {
            found.push_back(target.string());
        }
    }
    return found;
}

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

TEST(VerdictCodec, EveryFieldComesBackEqual) {
    const Verdict v = rich_verdict("c1", "a.json", 1795240800123);
    std::string bytes;
    encode_verdict(v, bytes);
    EXPECT_EQ(decode_verdict(bytes), v);
    const Verdict empty;
    bytes.clear();
    encode_verdict(empty, bytes);
    EXPECT_EQ(decode_verdict(bytes), empty);
}

TEST(VerdictCodec, ExtremeNumbersAndOtherInputsComeBackEqual) {
    Verdict v = rich_verdict("c1", "a.json", INT64_MAX);
    v.started_at_ms = kNoTime;  // INT64_MIN
    v.evidence.push_back(Evidence{-1, "a.json", UINT64_MAX, 0, "x"});
    v.evidence.push_back(Evidence{0, "", 1, UINT64_MAX, ""});  // an input that is not the verdict's
    v.sources.push_back(
        SourceView{"ccp-log", "a.json", Party::kAgent, Category::kHangup, Reason::agent_hangup, Confidence::kHigh});
    std::string bytes;
    encode_verdict(v, bytes);
    EXPECT_EQ(decode_verdict(bytes), v);
    v.input.clear();  // now the empty evidence input is the verdict's, and "a.json" is not
    bytes.clear();
    encode_verdict(v, bytes);
    EXPECT_EQ(decode_verdict(bytes), v);
}

TEST(VerdictCodec, ACutRecordThrowsInsteadOfReadingPastItsEnd) {
    std::string bytes;
    encode_verdict(rich_verdict("c1", "a.json", 1), bytes);
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
        EXPECT_THROW((void)decode_verdict(std::string_view(bytes).substr(0, cut)), std::runtime_error) << cut;
    }
    EXPECT_THROW((void)decode_verdict(std::string(11, '\xFF')), std::runtime_error) << "an endless varint";
    EXPECT_THROW((void)decode_verdict(bytes + "x"), std::runtime_error);
}

TEST(SpillFile, LivesInTmpdirWithoutANameAndGoesWithTheObject) {
    const fs::path dir = fresh_dir("whohungup-spill-test");
    const ScopedTmpdir tmpdir(dir.string());
    {
        SpillFile spill;
        EXPECT_EQ(SpillFile::directory(), dir.string());
        std::vector<SpillFile::Place> places;
        std::vector<std::string> records;
        for (int i = 0; i < 3000; ++i) {  // about 3 MB: several buffer writes, the rest pending
            records.emplace_back(static_cast<std::size_t>(500 + i), static_cast<char>('a' + i % 26));
            places.push_back(spill.append(records.back()));
        }
        const std::vector<std::string> open = open_files_under(dir);
        ASSERT_EQ(open.size(), 1U) << "one temporary file, in $TMPDIR";
        EXPECT_NE(open.front().find("(deleted)"), std::string::npos) << open.front();
        EXPECT_TRUE(fs::is_empty(dir)) << "no name left in the directory";
        for (std::size_t i = 0; i < records.size(); i += 97) {
            EXPECT_EQ(spill.read(places[i]), records[i]) << i;
        }
        EXPECT_EQ(spill.read(places.back()), records.back());
        spill.clear();
        EXPECT_EQ(spill.bytes(), 0U);
        const SpillFile::Place again = spill.append("after clear");
        EXPECT_EQ(spill.read(again), "after clear");
    }
    EXPECT_TRUE(open_files_under(dir).empty()) << "closed with its owner";
    fs::remove_all(dir);
}

TEST(SpillFile, WithoutAUsableDirectoryRecordsStayInMemory) {
    const ScopedTmpdir tmpdir("/nonexistent/whohungup");
    SpillFile spill;
    const SpillFile::Place first = spill.append("first");
    const SpillFile::Place big = spill.append(std::string(std::size_t{3} << 20, 'z'));
    EXPECT_EQ(spill.read(first), "first");
    EXPECT_EQ(spill.read(big), std::string(std::size_t{3} << 20, 'z'));
}

/// A record whose bytes say which record it is, so a read from the wrong place shows.
std::string numbered_record(std::size_t i) {
    const std::size_t size = i % 97 == 0 ? (std::size_t{300} << 10) + i : 40 + (i * 7919) % 900;
    std::string record(size, static_cast<char>('a' + i % 26));
    const std::string number = std::to_string(i) + ":";
    record.replace(0, number.size(), number);
    return record;
}

TEST(SpillFile, ReadsBackInAnyOrderThroughTheReadAheadWindows) {
    SpillFile spill;
    std::vector<SpillFile::Place> places;
    for (std::size_t i = 0; i < 3000; ++i) {
        places.push_back(spill.append(numbered_record(i)));
    }
    const auto check = [&](const std::vector<std::size_t>& order) {
        for (const std::size_t i : order) {
            ASSERT_EQ(spill.read(places[i]), numbered_record(i)) << "record " << i;
        }
    };
    std::vector<std::size_t> in_order(places.size());
    for (std::size_t i = 0; i < in_order.size(); ++i) {
        in_order[i] = i;
    }
    check(in_order);
    check(std::vector<std::size_t>(in_order.rbegin(), in_order.rend()));
    std::vector<std::size_t> streams;  // six streams interleaved: more than the windows
    for (std::size_t k = 0; k < 500; ++k) {
        for (std::size_t s = 0; s < 6; ++s) {
            streams.push_back(s * 500 + k);
        }
    }
    check(streams);
    std::vector<std::size_t> scattered;
    for (std::size_t i = 0; i < places.size(); ++i) {
        scattered.push_back((i * 1777) % places.size());
    }
    check(scattered);
    // Records appended after reads began, some still in the write buffer, and a reuse after clear().
    const SpillFile::Place later = spill.append("later");
    EXPECT_EQ(spill.read(later), "later");
    EXPECT_EQ(spill.read(places[5]), numbered_record(5));
    spill.clear();
    const SpillFile::Place again = spill.append(numbered_record(7));
    for (std::size_t i = 0; i < 2000; ++i) {
        (void)spill.append(numbered_record(i));
    }
    EXPECT_EQ(spill.read(again), numbered_record(7));
}

std::vector<Verdict> run_reconciler(const std::string& tmpdir) {
    const ScopedTmpdir scoped(tmpdir);
    testing::CollectingSinks out;
    Reconciler reconciler(out);
    reconciler.hold("genesys-cloud");
    reconciler.hold("gms-callbacks");
    for (int i = 0; i < 2000; ++i) {
        const std::string id = "c" + std::to_string(i % 700);
        Verdict v = rich_verdict(id, i % 2 == 0 ? "b.json" : "a.json", 1000 + (i * 7919) % 5000);
        v.sources.clear();
        v.agreement = Agreement::kSingle;
        if (i % 3 == 0) {
            v.source_format = "genesys-interactions-csv";
            v.ended_by = Party::kCustomer;
        }
        if (i % 5 == 0) {
            v.source_format = "gms-callbacks";
        }
        reconciler.on_verdict(std::move(v));
    }
    const std::uint64_t held = reconciler.held_calls();
    reconciler.flush([](std::string_view space) { return space == "genesys-cloud"; });
    EXPECT_GT(reconciler.held_calls(), 0U) << "the callbacks are not due yet";
    EXPECT_LT(reconciler.held_calls(), held);
    const std::size_t genesys = out.verdicts.size();
    EXPECT_EQ(genesys, 560U);
    reconciler.flush_all();
    EXPECT_EQ(reconciler.held_calls(), 0U);
    for (std::size_t i = genesys; i < out.verdicts.size(); ++i) {
        EXPECT_EQ(out.verdicts[i].source_format, "gms-callbacks");
    }
    return out.verdicts;
}

TEST(Reconciler, FileAndMemoryGiveTheSameVerdictsAndAPartialFlushKeepsTheRest) {
    const fs::path dir = fresh_dir("whohungup-reconcile-test");
    const std::vector<Verdict> from_file = run_reconciler(dir.string());
    const std::vector<Verdict> from_memory = run_reconciler("/nonexistent/whohungup");
    EXPECT_EQ(from_file, from_memory);
    // Ids c0..c699: those of i % 5 == 0 are callbacks (140), the others Genesys (560), once each.
    EXPECT_EQ(from_file.size(), 700U);
    EXPECT_TRUE(fs::is_empty(dir));
    fs::remove_all(dir);
}

}  // namespace
}  // namespace whohungup::reconcile
