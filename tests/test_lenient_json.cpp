// Imperva's JSON in header fields: standard JSON, except that a backslash
// without a JSON meaning stands for itself.
#include <catch2/catch.hpp>

#include <iterator>
#include <random>
#include <string>
#include <string_view>

#include <imperva_cef/json/lenient.hpp>
#include <imperva_cef/json/nlohmann_writer.hpp>

#include "../benchmarks/corpus_generator.hpp"

namespace {
// Accepted the way the profiles read header arrays: one pass into compact JSON.
bool accepted(std::string_view text) {
  std::string out, scratch;
  return imperva_cef::json::lenient_array_to_json(text, out, scratch).has_value();
}

nlohmann::json read(std::string_view text) {
  REQUIRE(accepted(text));
  imperva_cef::json::nlohmann_writer w;
  std::string scratch;
  REQUIRE(imperva_cef::json::write_lenient_array(text, w, scratch));
  return w.result();
}
}  // namespace

TEST_CASE("standard JSON arrays read as nlohmann reads them", "[lenient]") {
  for (const char* text : {R"([])", R"([1,-2.5e3,0,true,false,null,"x"])",
                           R"( [ {"a" : [ {} , [] ] } , "\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00" ] )"}) {
    INFO(text);
    CHECK(read(text) == nlohmann::json::parse(text));
  }
}

TEST_CASE("a backslash without JSON meaning stands for itself", "[lenient]") {
  CHECK(read(R"([{"Content-Type":"text/html; charset\=UTF-8"}])") ==
        nlohmann::json::array({{{"Content-Type", "text/html; charset\\=UTF-8"}}}));
  CHECK(read(R"(["a\qb\u12"])") == nlohmann::json::array({"a\\qb\\u12"}));
  CHECK(read(R"(["\ud800x"])") == nlohmann::json::array({"\xEF\xBF\xBDx"}));  // lone surrogate
}

TEST_CASE("only well-formed arrays are accepted", "[lenient]") {
  for (const char* text : {"", "{}", "\"x\"", "1", "[", "[1,]", "[,1]", "[1 2]", R"([{"a"}])",
                           R"([{"a":1,}])", R"(["abc)", R"(["abc\"])", "[01]", "[1.]", "[-]", "[tru]",
                           "[1] x", "[\"a\x01\"]", "[{1:2}]", R"(["a\)"}) {
    INFO(text);
    CHECK_FALSE(accepted(text));
  }
}

TEST_CASE("nesting is limited to 64 levels", "[lenient]") {
  const auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  CHECK(accepted(nested(64)));
  CHECK_FALSE(accepted(nested(65)));
  CHECK_FALSE(accepted(std::string(1000000, '[')));
}

TEST_CASE("compact JSON in one pass: the string writer's text, or false", "[lenient]") {
  std::string out, scratch;
  const auto spaced = imperva_cef::json::lenient_array_to_json(R"( [ {"a" : "x\=y" } , [ ] , 1.5e3 ] )", out, scratch);
  REQUIRE(spaced);
  CHECK(*spaced == R"([{"a":"x\\=y"},[],1.5e3])");
  const auto empty = imperva_cef::json::lenient_array_to_json(" [ \t\r\n] ", out, scratch);
  REQUIRE(empty);
  CHECK(*empty == "[]");
  CHECK_FALSE(imperva_cef::json::lenient_array_to_json(R"([{"a":1},)", out, scratch));
  // Already compact: the text itself, not a copy.
  const std::string compact = R"([{"a":"b"},1])";
  const auto same = imperva_cef::json::lenient_array_to_json(compact, out, scratch);
  REQUIRE(same);
  CHECK(same->data() == compact.data());
  CHECK(*same == compact);
}

// The fast path (text copied as is when already compact and plain) against
// the general path alone: the same acceptance and the same bytes, always.
namespace {
using imperva_cef::json::detail::general_array_to_json;

// Returns whether text took the fast path.
bool same_as_general(std::string_view text) {
  std::string out = "stale", general = "stale", scratch;
  const auto json = imperva_cef::json::lenient_array_to_json(text, out, scratch);
  const bool general_accepted = general_array_to_json(text, general, scratch);
  INFO(text);
  CHECK(json.has_value() == general_accepted);
  if (json) CHECK(*json == general);
  std::string fast_out(4096, '#');
  fast_out.assign("stale");  // the bytes past it stay: none may show
  const auto fast = imperva_cef::json::detail::compact_array_view(text, fast_out);
  if (fast) CHECK((general_accepted && *fast == general));
  return fast.has_value();
}

std::string header_array(const std::string& value) { return R"([{"Accept":"*/*"},{"X-Value":")" + value + R"("}])"; }
}  // namespace

TEST_CASE("fast path: the generated header and rule arrays", "[lenient][fast]") {
  int arrays = 0, fast = 0;
  for (const auto& line : imperva_cef_bench::generate_lines(2000)) {
    for (const auto& [key, value] : line.pairs) {
      if (key != "additionalReqHeaders" && key != "additionalResHeaders" && key != "cs10") continue;
      ++arrays;
      fast += same_as_general(value) ? 1 : 0;
    }
  }
  CHECK(arrays > 1000);
  CHECK(fast == arrays);
}

TEST_CASE("fast path: edge cases", "[lenient][fast]") {
  const std::string cases[] = {
      "", "[", "]", "[]", "[ ]", " []", "[] ", "[]x", "[]]", "[[]]", "[{}]", "[{},{}]", "[{} ]", "[{},]", "[{}{}]",
      R"([""])", R"(["",""])", R"([{"":""}])", R"(["a"])", R"(["a",])", R"([,"a"])", R"(["a" ])", R"([ "a"])",
      R"(["a"]")", R"(["]")", R"([{]")", R"([}])", R"([{])", R"(["a"}])", R"([{"a":"b"])", R"([{"a":"b"}]])",
      R"([{"a":"b"}][])", R"([{"a":"b"},"c",{},"d"])", R"(["a",{"b":"c","d":"e"}])",
      R"([{"a":"b","a":"c"}])", R"([{"a":"b"},{"a":"b"}])",  // duplicate keys are kept
      R"([{"a":"b"}, {"c":"d"}])", R"([{"a" :"b"}])", R"([{"a": "b"}])", R"([{"a":"b" }])", "[{\"a\":\"b\"}\n]",
      "[\t\"a\"]", "[\"a\"\r]",
      R"([{"a"}])", R"([{"a":}])", R"([{"a":"b",}])", R"([{,"a":"b"}])", R"([{"a""b"}])", R"([{"a":"b":"c"}])",
      R"([{"a":"b"},)", R"([{"a":"b"})", R"([{"a":"b")", R"([{"a":"b)", R"([{"a":)", R"([{"a")", R"([{)", R"([")",
      R"([1])", R"([-0,1.5e3])", R"([1e999])", R"([true])", R"([false,null])", R"([{"a":1}])", R"([{"a":true}])",
      R"([{"a":null}])", R"([["a"]])", R"([{"a":["b"]}])", R"([{"a":{"b":"c"}}])", R"([{"a":{}}])", R"([{"a":[]}])",
      R"(["a\"b"])", R"(["a\\b"])", R"(["a\=b"])", R"(["a\/b"])", R"(["a\u0041"])", R"(["a\u00e9"])",
      R"(["a\nb"])", R"(["a\"])", R"(["a\)", "[\"a\\", R"([{"a\"":"b"}])", R"([{"a":"b\"}])",
      R"(["\b\f\n\r\t\"\\"])", R"(["a\\"])", R"(["a\\\"])", R"(["a\\\"b"])", R"(["\=\\=\\\=\ \,\]\}\:\{"])",
      R"(["\"])", R"(["\\"])", R"(["a\]")", R"(["a\"]")", R"([{"k\=":"v\="}])", R"(["\uD83D\uDE00"])", R"(["\u00"])",
      "[\"a\\\x7f\"]", "[\"a\\\x01\"]", "[\"a\\\x80\"]", "[\"a\\\xc3\xa9\"]", std::string("[\"a\\\0\"]", 7),
      "[\"a\x01\"]", "[\"a\x1f\"]", "[\"a\x7f\"]", "[\"a\tb\"]", "[\"\xc3\xa9\"]", "[\"\xff\"]", "[\"\xed\xa0\x80\"]",
      std::string("[\"a\0b\"]", 7), std::string("[\0]", 3), "\xEF\xBB\xBF[]"};
  for (const std::string& text : cases) same_as_general(text);
  for (const char* number : {"0", "-0", "7", "-12", "1234567890123456789012", "01", "-01", "00", "-", "--1", "+1",
                             "1.5", "1.", "1e5", "1E5", "-1e-5", "0x1", "1a", "Infinity", "NaN"}) {
    for (const char* format : {"[%]", "[%,\"a\"]", "[\"a\",%]", "[{\"a\":%}]", "[{\"a\":%,\"b\":\"c\"}]",
                               "[{%:1}]", "[ %]", "[% ]", "[{\"a\": %}]", "[{\"a\":% }]"}) {
      std::string text(format);
      text.replace(text.find('%'), 1, number);
      same_as_general(text);
    }
  }
  // A double overflows from 309 integer digits on; the fast path takes up to 308.
  CHECK(same_as_general("[" + std::string(308, '9') + "]"));
  CHECK_FALSE(same_as_general("[" + std::string(309, '9') + "]"));
  CHECK_FALSE(same_as_general("[1" + std::string(308, '0') + "]"));
  // Stops on each side of the 8- and 16-byte blocks the scan reads.
  for (std::size_t length = 0; length < 40; ++length) {
    for (const char stop : {'"', '\\', '\x01', '\x1f', '\x80', '\xff', '\x7f', ' ', '='}) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string value(length, 'v');
        value[at] = stop;
        same_as_general(header_array(value));
        same_as_general("[\"" + value + "\"]");
      }
    }
  }
  CHECK(same_as_general(R"([{"Accept":"*/*"},{"x-fapi-interaction-id":"190.178.3.134"}])"));
  CHECK(same_as_general(R"([{"a":"b","a":"c"},{},"s",""])"));
  CHECK(same_as_general(R"([{"rule_id":994468,"action":"block"},-0,0,{"n":-12}])"));
  CHECK(same_as_general(R"([{"Content-Type":"text/html; charset\=UTF-8"},{"Cookie":"a\=b; c\=d"}])"));
  CHECK(same_as_general(R"(["\b\f\n\r\t\"\\\=","x\\"])"));
  CHECK(same_as_general("[{}]"));
  CHECK(same_as_general("[]"));
  CHECK_FALSE(same_as_general(R"(["a\/b"])"));
  CHECK_FALSE(same_as_general(R"([{"a" :"b"}])"));
}

TEST_CASE("fast path: random mutations of valid arrays", "[lenient][fast]") {
  const std::string seeds[] = {R"([{"Accept":"*/*"},{"Accept-Language":"en-US,en;q\=0.9"},{"Cookie":"a\=b; c\=d"}])",
                               R"([{"Content-Type":"text/html; charset\=UTF-8"},{"Cache-Control":"max-age\=3600"}])",
                               R"([{"a":"b","c":"d"},"e",{}])", R"([{"rule_id":994468,"action":"block"},-0,12])", R"(["x",{"y":"z"},[],1,true,null])", "[]", "[{}]"};
  const char alphabet[] = "[]{}\":,\\ \t\n\r0123456789.e-+tfnulrsa/=\x01\x1f\x7f\x80\xc3\xa9\xff";
  std::mt19937 rng(20240415);
  const auto below = [&rng](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  int fast = 0, rejected = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = seeds[below(std::size(seeds))];
    for (std::size_t edits = 1 + below(3); edits > 0; --edits) {
      const std::size_t at = below(text.size() + 1);
      const char byte = alphabet[below(sizeof alphabet - 1)];
      switch (below(3)) {
        case 0: text.insert(at, 1, byte); break;
        case 1: if (at < text.size()) text.erase(at, 1); break;
        default: if (at < text.size()) text[at] = byte; break;
      }
    }
    fast += same_as_general(text) ? 1 : 0;
    std::string out, scratch;
    rejected += imperva_cef::json::lenient_array_to_json(text, out, scratch) ? 0 : 1;
  }
  CHECK(fast > 500);  // the mutants reach both paths, and both verdicts
  CHECK(rejected > 1000);
}
