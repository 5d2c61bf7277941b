// The CEF lexer on lines written from SPEC section 2.
#include <catch2/catch.hpp>

#include <string>

#include <imperva_cef/cef/lexer.hpp>
#include <imperva_cef/cef/unescape.hpp>

#include "support/recording_handler.hpp"

using imperva_cef::errc;
using imperva_cef::cef::lex;

TEST_CASE("header fields are split on unescaped pipes", "[lexer]") {
  recording_handler h;
  const std::string line = R"(<30> Nov 28 12:00:00 host cwaf CEF:0|Incap\|sula|SIEM\\integration|1|1|Normal|0| a=b)";
  REQUIRE(lex(line, h).ok());
  CHECK(h.header.record_offset == line.find("CEF:"));
  CHECK(h.header.version == "0");
  CHECK(h.header.device_vendor == R"(Incap\|sula)");
  CHECK(h.header.device_product == R"(SIEM\\integration)");
  CHECK(h.header.device_version == "1");
  CHECK(h.header.signature_id == "1");
  CHECK(h.header.name == "Normal");
  CHECK(h.header.severity == "0");
  CHECK(h.header.has_escapes);
  CHECK(h.pairs == pair_list{{"a", "b"}});
}

TEST_CASE("header unescaping keeps unknown escapes", "[lexer]") {
  std::string out;
  imperva_cef::cef::append_unescaped_header(out, R"(a\|b\\c\nd\)");
  CHECK(out == R"(a|b\c\nd\)");
}

TEST_CASE("line errors carry code and offset", "[lexer]") {
  recording_handler h;
  const auto check = [&](std::string_view line, errc code, std::size_t offset) {
    const auto result = lex(line, h);
    CHECK(result.code == code);
    CHECK(result.offset == offset);
  };
  check("hello world", errc::missing_cef_marker, 0);
  check("", errc::missing_cef_marker, 0);
  check("xxCEF:|a|b|c|d|e|f|", errc::missing_version, 6);
  check("CEF:1a|a|b|c|d|e|f|", errc::missing_version, 5);
  check("CEF:0", errc::missing_version, 5);
  check("CEF:0|a|b|c|d|e|f", errc::incomplete_header, 17);
  check(R"(CEF:0|a|b|c|d|e|f\|)", errc::incomplete_header, 19);
  check("CEF:0|||||", errc::incomplete_header, 10);
  CHECK(h.pairs.empty());  // the handler is never called for a bad line
}

TEST_CASE("an empty or pipe-only extension is not an error", "[lexer]") {
  CHECK(lex_pairs("CEF:0|||||||").empty());
  CHECK(lex_pairs("CEF:0|||||||   ").empty());
  CHECK(lex_pairs("CEF:0||||||||||") == pair_list{});
}

TEST_CASE("keys start a pair only at the start or after a blank", "[lexer]") {
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|a=1 b=2\tc=3") ==
        pair_list{{"a", "1"}, {"b", "2"}, {"c", "3"}});
  // '=' not after a key belongs to the value: Imperva's own example.
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|cs5Label=clappsigdproc=Browser cs6=x") ==
        pair_list{{"cs5Label", "clappsigdproc=Browser"}, {"cs6", "x"}});
  CHECK(lex_pairs(R"(CEF:0|v|p|1|1|n|0|qstr=p\=%2f x=a =b .c=d)") ==
        pair_list{{"qstr", R"(p\=%2f)"}, {"x", "a =b .c=d"}});
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|k.a,b[0]=v _x=y") ==
        pair_list{{"k.a,b[0]", "v"}, {"_x", "y"}});
}

TEST_CASE("text before the first key is ignored", "[lexer]") {
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|garbage here a=1") == pair_list{{"a", "1"}});
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|no pairs at all").empty());
}

TEST_CASE("values are trimmed and a trailing line break removed", "[lexer]") {
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|  a=  x y \t  b=\t\tz \r\n") ==
        pair_list{{"a", "x y"}, {"b", "z"}});
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|a= b=") == pair_list{{"a", ""}, {"b", ""}});
  CHECK(lex_pairs("CEF:0|v|p|1|1|n|0|a=x\r") == pair_list{{"a", "x"}});
}

TEST_CASE("pipes and backslashes in values stay raw", "[lexer]") {
  CHECK(lex_pairs(R"(CEF:0|v|p|1|1|n|0|a=x|y\|z\\ b=\)") ==
        pair_list{{"a", R"(x|y\|z\\)"}, {"b", R"(\)"}});
}

TEST_CASE("value unescaping", "[lexer]") {
  std::string out;
  imperva_cef::cef::append_unescaped_value(out, R"(a\\b\=c\|d\ne\rf\tg\)");
  CHECK(out == "a\\b=c|d\ne\rf\\tg\\");
}

TEST_CASE("the record starts at the first CEF: marker", "[lexer]") {
  recording_handler h;
  REQUIRE(lex("CEF:1|a|b|c|d|e|f|x=CEF:0|g", h).ok());
  CHECK(h.header.version == "1");
  CHECK(h.pairs == pair_list{{"x", "CEF:0|g"}});
}
