// SPDX-License-Identifier: MIT
#include "csv/csv_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace whohungup::detail {
namespace {

std::vector<std::vector<std::string>> rows_of(std::string text,
                                              std::size_t limit = 1 << 20,
                                              std::vector<CsvReader::Status>* statuses = nullptr) {
    auto source = ByteSource::from_memory(std::move(text));
    CsvReader reader(*source, limit);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    for (;;) {
        const auto status = reader.next(row);
        if (statuses != nullptr) statuses->push_back(status);
        if (status == CsvReader::Status::kEnd || status == CsvReader::Status::kError) break;
        if (status == CsvReader::Status::kRow) rows.push_back(row);
    }
    return rows;
}

/// Gives its bytes a few at a time (5, 6, ... 13, 1, 2, ...), as a pipe may: every row, field,
/// quote, escape and line end of a text then straddles a refill of the reader's buffer somewhere.
class TrickleSource final : public ByteSource {
public:
    explicit TrickleSource(std::string bytes) : bytes_(std::move(bytes)) {}
    std::size_t read(char* buffer, std::size_t capacity) override {
        const std::size_t n = std::min({capacity, bytes_.size() - at_, next_});
        std::copy_n(bytes_.data() + at_, n, buffer);
        at_ += n;
        next_ = next_ % 13 + 1;
        return n;
    }
    [[nodiscard]] const std::string& error() const override { return error_; }
    [[nodiscard]] bool compressed() const override { return false; }

private:
    std::string bytes_;
    std::string error_;
    std::size_t at_ = 0;
    std::size_t next_ = 5;
};

TEST(CsvReader, RowsSplitAcrossReadsComeOutTheSame) {
    std::string text = "\xEF\xBB\xBFid,note,n\r\n";
    for (int i = 0; i < 3000; ++i) {
        text += std::to_string(i) + ",\"say \"\"hi\"\", " + std::to_string(i) + "\nthen, more\"," +
                std::string(static_cast<std::size_t>(i % 700), 'x') + (i % 3 == 0 ? "\r\n" : "\n");
    }
    const auto whole = rows_of(text);
    ASSERT_EQ(whole.size(), 3001U);
    TrickleSource trickle(text);
    CsvReader reader(trickle, 1 << 20);
    std::vector<std::string> row;
    std::size_t at = 0;
    while (reader.next(row) == CsvReader::Status::kRow) {
        ASSERT_LT(at, whole.size());
        EXPECT_EQ(row, whole[at]) << "row " << at;
        ++at;
    }
    EXPECT_EQ(at, whole.size());
    EXPECT_EQ(whole[0].front(), "id") << "the BOM is not part of the first cell";
    EXPECT_EQ(whole[2][1], "say \"hi\", 1\nthen, more");
}

TEST(CsvReader, ReadsQuotedFieldsEscapesAndLineBreaks) {
    const auto rows = rows_of("\xEF\xBB\xBF\"a\",\"b, c\",d\r\n\"say \"\"hi\"\"\",\"two\nlines\",\r\n\r\nlast,row");
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b, c", "d"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"say \"hi\"", "two\nlines", ""}));
    EXPECT_EQ(rows[2], (std::vector<std::string>{"last", "row"}));
}

TEST(CsvReader, SkipsOverlongRowsAndStopsAtAnUnclosedQuote) {
    std::vector<CsvReader::Status> statuses;
    const auto rows = rows_of("ok,1\n" + std::string(100, 'x') + "\nok,2\n\"never closed", 50, &statuses);
    EXPECT_EQ(rows.size(), 2U);
    ASSERT_EQ(statuses.size(), 4U);
    EXPECT_EQ(statuses[1], CsvReader::Status::kTooLong);
    EXPECT_EQ(statuses[3], CsvReader::Status::kError);
}

TEST(CsvReader, StopsAtAnEndlessRowAndAtBinaryData) {
    // A row still going at twice the limit never ends: an error, not a read for ever.
    std::vector<CsvReader::Status> statuses;
    auto rows = rows_of("a,b\n" + std::string(1000, 'x'), 100, &statuses);
    EXPECT_EQ(rows.size(), 1U);
    EXPECT_EQ(statuses.back(), CsvReader::Status::kError);
    // The same made of separators, of lone CRs, or inside quotes.
    for (const std::string& endless :
         {std::string(1000, ','), "c" + std::string(1000, '\r'), "\"" + std::string(1000, 'q')}) {
        statuses.clear();
        rows = rows_of("a,b\n" + endless, 100, &statuses);
        EXPECT_EQ(rows.size(), 1U);
        EXPECT_EQ(statuses.back(), CsvReader::Status::kError);
    }
    // A long row that ends in time is skipped and reading goes on.
    statuses.clear();
    rows = rows_of("a,b\n" + std::string(150, 'x') + "\nc,d\n", 100, &statuses);
    EXPECT_EQ(rows.size(), 2U);
    EXPECT_EQ(statuses.at(1), CsvReader::Status::kTooLong);
    // NUL bytes are no text.
    auto source = ByteSource::from_memory("a,b\n" + std::string(64, '\0'));
    CsvReader reader(*source, 1 << 20);
    std::vector<std::string> row;
    EXPECT_EQ(reader.next(row), CsvReader::Status::kRow);
    EXPECT_EQ(reader.next(row), CsvReader::Status::kError);
    EXPECT_NE(reader.error_message().find("NUL"), std::string::npos);
}

TEST(CsvReader, SkipsARowWithMoreCellsThanTheLimit) {
    std::vector<CsvReader::Status> statuses;
    const auto rows =
        rows_of("a,b\n" + std::string(CsvReader::kMaxCells, ',') + "\nc,d\n", std::size_t{1} << 20, &statuses);
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(statuses.at(1), CsvReader::Status::kTooLong);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"c", "d"}));
}

TEST(CsvHeader, FindsColumnsByAliasIgnoringCase) {
    const CsvHeader header({"Time", " Session ID ", "END REASON"});
    EXPECT_EQ(header.find({"call_id", "Session ID"}), 1);
    EXPECT_EQ(header.find({"disconnection_reason", "End Reason"}), 2);
    EXPECT_EQ(header.find({"nope"}), -1);
    EXPECT_EQ(cell({"a"}, 3), "");
}

}  // namespace
}  // namespace whohungup::detail
