// Imperva's JSON in header fields: standard JSON, except that a backslash
// without a JSON meaning stands for itself.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include <imperva_cef/json/lenient.hpp>
#include <imperva_cef/json/nlohmann_writer.hpp>

namespace {
// Accepted the way the profiles read header arrays: one pass into compact JSON.
bool accepted(std::string_view text) {
  std::string out, scratch;
  return imperva_cef::json::lenient_array_to_json(text, out, scratch);
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
  REQUIRE(imperva_cef::json::lenient_array_to_json(R"( [ {"a" : "x\=y" } , [ ] , 1.5e3 ] )", out, scratch));
  CHECK(out == R"([{"a":"x\\=y"},[],1.5e3])");
  REQUIRE(imperva_cef::json::lenient_array_to_json(" [ \t\r\n] ", out, scratch));
  CHECK(out == "[]");
  CHECK_FALSE(imperva_cef::json::lenient_array_to_json(R"([{"a":1},)", out, scratch));
}
