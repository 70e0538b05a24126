// SPDX-License-Identifier: MIT
#include "json/array_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace whohungup::detail {
namespace {

struct Split {
    std::vector<std::string> elements;
    std::vector<std::uint64_t> lines;
    bool error = false;
    std::string message;
    std::uint64_t error_line = 0;
};

Split split(std::string input, Limits limits = {}) {
    auto source = ByteSource::from_memory(std::move(input));
    JsonArraySplitter splitter(*source, limits);
    Split result;
    ArrayElement element;
    for (;;) {
        const auto status = splitter.next(element);
        if (status == JsonArraySplitter::Status::kEnd) {
            return result;
        }
        if (status == JsonArraySplitter::Status::kError) {
            result.error = true;
            result.message = splitter.error_message();
            result.error_line = splitter.error_line();
            return result;
        }
        result.elements.emplace_back(element.over_size ? "<too large>" : std::string(element.bytes));
        result.lines.push_back(element.line);
    }
}

TEST(ArraySplitter, SplitsPrettyPrintedArray) {
    const Split s = split("[\n    {\n        \"a\": 1\n    },\n    {\n        \"b\": \"}]\"\n    }\n]\n");
    ASSERT_FALSE(s.error) << s.message;
    ASSERT_EQ(s.elements.size(), 2U);
    EXPECT_EQ(s.elements[0], "{\n        \"a\": 1\n    }");
    EXPECT_EQ(s.elements[1], "{\n        \"b\": \"}]\"\n    }");
    EXPECT_EQ(s.lines, (std::vector<std::uint64_t>{2, 5}));
}

TEST(ArraySplitter, HandlesEscapedQuotesAndBackslashes) {
    const Split s = split(R"([{"t":"a \"quoted\" } ] \\"},{"t":"\\\\"}])");
    ASSERT_FALSE(s.error) << s.message;
    ASSERT_EQ(s.elements.size(), 2U);
    EXPECT_EQ(s.elements[0], R"({"t":"a \"quoted\" } ] \\"})");
}

TEST(ArraySplitter, AcceptsArraysBackToBackWithBoms) {
    const Split s = split("\xEF\xBB\xBF[{\"a\":1}]\n\xEF\xBB\xBF[{\"b\":2}][{\"c\":3}],[]");
    ASSERT_FALSE(s.error) << s.message;
    EXPECT_EQ(s.elements, (std::vector<std::string>{"{\"a\":1}", "{\"b\":2}", "{\"c\":3}"}));
}

TEST(ArraySplitter, ReturnsScalarsAndArraysAsElements) {
    const Split s = split(R"([1, "two", [3], {"four":4}, true])");
    ASSERT_FALSE(s.error) << s.message;
    EXPECT_EQ(s.elements, (std::vector<std::string>{"1", "\"two\"", "[3]", "{\"four\":4}", "true"}));
}

TEST(ArraySplitter, ReportsTruncationAfterEveryCompleteEntry) {
    const Split s = split("[\n{\"a\":1},\n{\"b\":\"cut");
    EXPECT_EQ(s.elements.size(), 1U);
    ASSERT_TRUE(s.error);
    EXPECT_EQ(s.error_line, 3U);
    EXPECT_NE(s.message.find("truncated"), std::string::npos);
}

TEST(ArraySplitter, ReportsUnclosedArray) {
    const Split s = split("[{\"a\":1},");
    EXPECT_EQ(s.elements.size(), 1U);
    ASSERT_TRUE(s.error);
    EXPECT_NE(s.message.find("no closing ']'"), std::string::npos);
}

TEST(ArraySplitter, RejectsObjectsAndNonJson) {
    EXPECT_NE(split("{\"a\":1}").message.find("found a JSON object"), std::string::npos);
    EXPECT_NE(split("hello").message.find("not JSON"), std::string::npos);
    EXPECT_NE(split("").message.find("empty input"), std::string::npos);
    EXPECT_NE(split(std::string("\0\0", 2)).message.find("byte 0x00"), std::string::npos);
}

TEST(ArraySplitter, SkipsOversizedEntriesButKeepsReading) {
    Limits limits;
    limits.max_entry_bytes = 16;
    const Split s = split("[{\"a\":\"" + std::string(100, 'x') + "\"},{\"b\":1}]", limits);
    ASSERT_FALSE(s.error) << s.message;
    EXPECT_EQ(s.elements, (std::vector<std::string>{"<too large>", "{\"b\":1}"}));
}

TEST(ArraySplitter, FlagsDeepNestingWithoutRecursing) {
    Limits limits;
    limits.max_depth = 8;
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    auto source = ByteSource::from_memory("[" + deep + ",{}]");
    JsonArraySplitter splitter(*source, limits);
    ArrayElement element;
    ASSERT_EQ(splitter.next(element), JsonArraySplitter::Status::kElement);
    EXPECT_TRUE(element.over_depth);
    ASSERT_EQ(splitter.next(element), JsonArraySplitter::Status::kElement);
    EXPECT_FALSE(element.over_depth);
    EXPECT_EQ(splitter.next(element), JsonArraySplitter::Status::kEnd);
}

TEST(ArraySplitter, EntriesSpanningReadBuffersArriveWhole) {
    std::string big = "[";
    for (int i = 0; i < 3000; ++i) {
        big += (i > 0 ? ",\n" : "") + std::string("{\"text\":\"") + std::string(700, static_cast<char>('a' + i % 26)) +
               "\",\"i\":" + std::to_string(i) + "}";
    }
    big += "]";
    const Split s = split(big);
    ASSERT_FALSE(s.error) << s.message;
    ASSERT_EQ(s.elements.size(), 3000U);
    EXPECT_EQ(s.elements[2999].substr(s.elements[2999].size() - 9), "\"i\":2999}");
    EXPECT_EQ(s.lines[2999], 3000U);
}

/// Top-level records (exports): each element, "<cut>" for a JSON Lines line cut short.
Split split_records(std::string input) {
    auto source = ByteSource::from_memory(std::move(input));
    JsonArraySplitter splitter(*source, Limits{}, JsonArraySplitter::TopLevelObjects::kAreElements);
    Split result;
    ArrayElement element;
    while (splitter.next(element) == JsonArraySplitter::Status::kElement) {
        result.elements.emplace_back(element.cut ? "<cut>" : std::string(element.bytes));
        result.lines.push_back(element.line);
    }
    result.error = !splitter.error_message().empty();
    result.message = splitter.error_message();
    return result;
}

TEST(ArraySplitter, JsonLinesRecordCutMidLineLosesOnlyItself) {
    // An open string, then open brackets: either way the next line starts a new record.
    for (const std::string& cut :
         {std::string(R"({"id": 2, "text": "half a li)"), std::string(R"({"id": 2, "x": [{"y": 1)")}) {
        const Split got = split_records("{\"id\": 1}\n" + cut + "\n{\"id\": 3}\n{\"id\": 4}\n");
        EXPECT_FALSE(got.error) << got.message;
        EXPECT_EQ(got.elements, (std::vector<std::string>{"{\"id\": 1}", "<cut>", "{\"id\": 3}", "{\"id\": 4}"}));
        EXPECT_EQ(got.lines, (std::vector<std::uint64_t>{1, 2, 3, 4}));
    }
    // Records longer than a read block, and a cut one spanning the buffer's refills.
    const std::string long_record = "{\"pad\": \"" + std::string(200000, 'p') + "\"}";
    const Split got =
        split_records(long_record + "\n{\"cut\": \"" + std::string(300000, 'c') + "\n" + long_record + "\n");
    EXPECT_EQ(got.elements.size(), 3U);
    EXPECT_EQ(got.elements.at(1), "<cut>");
    EXPECT_EQ(got.elements.at(2), long_record);
}

TEST(ArraySplitter, JsonLinesLineThatStartsNoRecordLosesOnlyItself) {
    const Split got = split_records("{\"id\": 1}\n{\"id\": 2}\n\"id\": 3}\ngarbage\n{\"id\": 4}\n");
    EXPECT_FALSE(got.error) << got.message;
    EXPECT_EQ(got.elements, (std::vector<std::string>{"{\"id\": 1}", "{\"id\": 2}", "<cut>", "<cut>", "{\"id\": 4}"}));
    EXPECT_EQ(got.lines, (std::vector<std::uint64_t>{1, 2, 3, 4, 5}));
}

TEST(ArraySplitter, PrettyPrintedRecordsAreNotJsonLines) {
    const Split got = split_records("{\n  \"id\": 1\n}\n{\n  \"id\": 2\n}\n");
    EXPECT_FALSE(got.error) << got.message;
    EXPECT_EQ(got.elements, (std::vector<std::string>{"{\n  \"id\": 1\n}", "{\n  \"id\": 2\n}"}));
}

}  // namespace
}  // namespace whohungup::detail

namespace whohungup::detail {
namespace {

/// Top-level records with envelope keys: "key:bytes@line:byte" per element, "rest:bytes" for an
/// envelope's other members.
std::vector<std::string> split_envelopes(std::string input, const EnvelopeKeys& keys, Limits limits = {}) {
    auto source = ByteSource::from_memory(std::move(input));
    JsonArraySplitter splitter(*source, limits, JsonArraySplitter::TopLevelObjects::kAreElements, keys);
    std::vector<std::string> got;
    ArrayElement element;
    JsonArraySplitter::Status status = JsonArraySplitter::Status::kElement;
    while ((status = splitter.next(element)) == JsonArraySplitter::Status::kElement) {
        const std::string bytes = element.over_size ? "<too large>" : std::string(element.bytes);
        got.push_back(element.envelope_rest ? "rest:" + bytes
                                            : std::string(element.envelope_key) + ":" + bytes + "@" +
                                                  std::to_string(element.line) + ":" + std::to_string(element.byte));
    }
    if (status == JsonArraySplitter::Status::kError) {
        got.push_back("error:" + splitter.error_message());
    }
    return got;
}

TEST(ArraySplitterEnvelopes, StreamsTheRecordArrayWithEachRecordsOwnPosition) {
    const EnvelopeKeys keys{{"conversations"}};
    const auto got = split_envelopes(
        "{\"totalHits\": 2,\n \"conversations\": [\n  {\"id\": 1},\n  {\"id\": \"]}\"}\n ],\n \"cursor\": \"c\"}\n",
        keys);
    EXPECT_EQ(got, (std::vector<std::string>{"conversations:{\"id\": 1}@3:39", "conversations:{\"id\": \"]}\"}@4:52",
                                             "rest:{\"totalHits\":2,\"conversations\":[],\"cursor\":\"c\"}"}));
}

TEST(ArraySplitterEnvelopes, AnObjectWithoutARecordArrayIsOneRecord) {
    const EnvelopeKeys keys{{"items"}};
    const auto got = split_envelopes("{\"call\": {\"items\": [1]}, \"list\": [{\"a\": 1}]}\n{\"b\": 2}", keys);
    EXPECT_EQ(got,
              (std::vector<std::string>{":{\"call\":{\"items\": [1]},\"list\":[{\"a\": 1}]}@1:0", ":{\"b\": 2}@2:45"}));
}

TEST(ArraySplitterEnvelopes, ArraysByNameStreamEveryArrayMemberWithItsName) {
    const EnvelopeKeys by_name{{}, /*arrays_by_name=*/true};
    const auto got =
        split_envelopes(R"({"Sales": [{"_id": "a"}], "Sup\u0070ort": [{"_id": "b"}, {"_id": "c"}]})", by_name);
    EXPECT_EQ(
        got, (std::vector<std::string>{"Sales:{\"_id\": \"a\"}@1:11", R"(Sup\u0070ort:{"_id": "b"}@1:43)",
                                       R"(Sup\u0070ort:{"_id": "c"}@1:57)", R"(rest:{"Sales":[],"Sup\u0070ort":[]})"}));
    // A record whose first member is not an array is a record, arrays further on included.
    EXPECT_EQ(split_envelopes(R"({"_id": "a", "tags": ["x"]})", by_name),
              (std::vector<std::string>{R"(:{"_id":"a","tags":["x"]}@1:0)"}));
}

TEST(ArraySplitterEnvelopes, RecordsAreLimitedOneByOneNotTheEnvelope) {
    Limits limits;
    limits.max_entry_bytes = 64;
    std::string input = "{\"items\": [";
    for (int i = 0; i < 100; ++i) {
        input += (i > 0 ? ",{\"call_id\": \"" : "{\"call_id\": \"") + std::to_string(i) + "\"}";
    }
    input += "]}";
    const auto got = split_envelopes(input, EnvelopeKeys{{"items"}}, limits);
    ASSERT_EQ(got.size(), 101U);
    EXPECT_EQ(got[99], "items:{\"call_id\": \"99\"}@1:" + std::to_string(input.find("{\"call_id\": \"99\"")));
    EXPECT_EQ(got[100], "rest:{\"items\":[]}");
    // A record over the limit is itself over size; the others are read.
    const auto one_big =
        split_envelopes("{\"items\": [{\"a\": \"" + std::string(100, 'x') + "\"}, {\"b\": 1}]}", {{"items"}}, limits);
    EXPECT_EQ(one_big,
              (std::vector<std::string>{"items:<too large>@1:11", "items:{\"b\": 1}@1:122", "rest:{\"items\":[]}"}));
}

TEST(ArraySplitterEnvelopes, JsonLinesEnvelopesComeWhole) {
    // Once JSON Lines are proven, a line is one record: the reader unwraps it.
    const auto got = split_envelopes("{\"a\": 1}\n{\"items\": [{\"b\": 2}]}\n", EnvelopeKeys{{"items"}});
    EXPECT_EQ(got, (std::vector<std::string>{":{\"a\":1}@1:0", ":{\"items\": [{\"b\": 2}]}@2:9"}));
}

TEST(ArraySplitterEnvelopes, BrokenEnvelopesAreErrorsAtTheirPlace) {
    const EnvelopeKeys keys{{"items"}};
    EXPECT_EQ(split_envelopes("{\"items\": [{\"a\": 1}", keys),
              (std::vector<std::string>{"items:{\"a\": 1}@1:11",
                                        "error:truncated: the input ends inside a JSON array after 1 complete entries "
                                        "(no closing ']')"}));
    EXPECT_EQ(split_envelopes("{\"items\": [], \"x\": 1", keys),
              (std::vector<std::string>{"error:truncated: the input ends inside an array element"}));
    // Not JSON inside: the object is found by its brackets and goes whole to the parser, which
    // says so; the records after it are read.
    EXPECT_EQ(split_envelopes("{\"items\" 1, \"b\": [{}]}\n{\"a\": tru e}\n{\"c\": 3}", keys),
              (std::vector<std::string>{":{\"items\"1, \"b\": [{}]}@1:0", ":{\"a\": tru e}@2:23", ":{\"c\": 3}@3:36"}));
    EXPECT_EQ(split_envelopes("{\"items\": [{\"a\": 1}], x}", keys),
              (std::vector<std::string>{"items:{\"a\": 1}@1:11", "rest:{\"items\":[],x}"}));
}

}  // namespace
}  // namespace whohungup::detail
