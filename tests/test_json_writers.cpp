// The two shipped writers: the same calls give the same document, strings
// are escaped and repaired to valid UTF-8.
#include <catch2/catch.hpp>

#include <string>

#include <imperva_cef/json/nlohmann_writer.hpp>
#include <imperva_cef/json/string_writer.hpp>

using imperva_cef::json::nlohmann_writer;
using imperva_cef::json::string_writer;

namespace {

template <class Writer>
void write_sample(Writer& w) {
  w.begin_object();
  w.key("s");
  w.string("a\"b\\c\n\t\x01/\x7f");
  w.key("i");
  w.integer(-9223372036854775807 - 1);
  w.key("d");
  w.number(31.8969);
  w.key("big");
  w.number(1e300);
  w.key("b");
  w.boolean(false);
  w.key("raw");
  w.raw_json("2.0");
  w.key("nested");
  w.begin_object();
  w.key("list");
  w.begin_array();
  w.string("x");
  w.begin_array();
  w.end_array();
  w.begin_object();
  w.end_object();
  w.end_array();
  w.end_object();
  w.end_object();
}

std::string escaped(std::string_view text) {
  std::string out;
  string_writer w(out);
  w.string(text);
  return out;
}

}  // namespace

TEST_CASE("string writer output is compact JSON", "[writer]") {
  std::string out;
  string_writer w(out);
  write_sample(w);
  CHECK(out ==
        R"({"s":"a\"b\\c\n\t\u0001/)"
        "\x7f"
        R"(","i":-9223372036854775808,"d":31.8969,"big":1e+300,"b":false,"raw":2.0,"nested":{"list":["x",[],{}]}})");
}

TEST_CASE("both writers build the same document", "[writer]") {
  std::string out;
  string_writer w(out);
  write_sample(w);
  nlohmann_writer n;
  write_sample(n);
  CHECK(nlohmann::json::parse(out) == n.result());
  CHECK(n.result()["raw"].is_number_float());
}

TEST_CASE("string writer appends to what the caller has", "[writer]") {
  std::string out = "prefix ";
  string_writer w(out);
  w.integer(7);
  CHECK(out == "prefix 7");
}

TEST_CASE("non-finite numbers become null", "[writer]") {
  std::string out;
  string_writer w(out);
  w.begin_array();
  w.number(std::numeric_limits<double>::infinity());
  w.number(std::numeric_limits<double>::quiet_NaN());
  w.end_array();
  CHECK(out == "[null,null]");
}

TEST_CASE("valid UTF-8 passes, invalid bytes become U+FFFD", "[writer][utf8]") {
  CHECK(escaped("h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80") == "\"h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80\"");
  CHECK(escaped("\xFF") == "\"\xEF\xBF\xBD\"");
  CHECK(escaped("a\xC3") == "\"a\xEF\xBF\xBD\"");                      // truncated
  CHECK(escaped("\xE2\x82z") == "\"\xEF\xBF\xBDz\"");                  // one maximal subpart
  CHECK(escaped("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  CHECK(escaped("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");        // overlong
  CHECK(escaped("\xF4\x90\x80\x80") ==
        "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // above U+10FFFF
  CHECK(escaped(std::string_view("a\0b", 3)) == R"("a\u0000b")");
}

TEST_CASE("long strings take the word-at-a-time path correctly", "[writer][utf8]") {
  std::string text(1000, 'x');
  text[500] = '"';
  text[777] = '\xFF';
  text[999] = '\n';
  const std::string out = escaped(text);
  const auto parsed = nlohmann::json::parse(out).get<std::string>();
  std::string expected(text);
  expected.replace(777, 1, "\xEF\xBF\xBD");
  CHECK(parsed == expected);
}

TEST_CASE("nlohmann writer repairs UTF-8 in keys and strings", "[writer][utf8]") {
  nlohmann_writer w;
  w.begin_object();
  w.key("k\xFF");
  w.string("v\xFE");
  w.end_object();
  CHECK(w.result() == nlohmann::json{{"k\xEF\xBF\xBD", "v\xEF\xBF\xBD"}});
  CHECK_NOTHROW(w.result().dump());
}

TEST_CASE("string writer: the caller may append between top-level values", "[writer]") {
  std::string out;
  {
    string_writer w(out);
    w.begin_object();
    w.key("a");
    w.integer(1);
    w.end_object();
    out.push_back('\n');
    w.string("top");
    out.push_back('\n');
    w.begin_array();
    w.boolean(true);
    w.end_array();
    out += "\n";
  }
  CHECK(out == "{\"a\":1}\n\"top\"\n[true]\n");
}

TEST_CASE("string writer: an unfinished value keeps what was written", "[writer]") {
  std::string out = "x";
  {
    string_writer w(out);
    w.begin_object();
    w.key("k");
    w.string(std::string(5000, 'v'));
  }
  CHECK(out == "x{\"k\":\"" + std::string(5000, 'v') + "\"");
}

TEST_CASE("string writer: one writer for many events stays bounded", "[writer]") {
  std::string out;
  string_writer w(out);
  const std::string value(3000, 'x');  // forces growth within each event
  for (int event = 0; event < 10000; ++event) {
    if (event % 100 == 0) out.clear();  // a caller flushing its buffer
    w.begin_object();
    w.key("v");
    w.string(value);
    w.end_object();
    out.push_back('\n');
  }
  const std::string one = "{\"v\":\"" + value + "\"}\n";
  CHECK(out.size() == 100 * one.size());
  CHECK(out.substr(0, one.size()) == one);
  CHECK(out.capacity() < 4 * out.size());
}

// Growing may leave a buffer's old bytes in place for the writer to
// overwrite (C++23); none of them may show.
TEST_CASE("string writer: the stale bytes of a reused buffer never show", "[writer]") {
  std::string out(std::size_t{1} << 16, '#');
  out.clear();  // keeps the capacity, and the bytes in it
  std::string expected;
  {
    string_writer w(out);
    for (int event = 0; event < 60; ++event) {
      const std::string value(static_cast<std::size_t>(event) * 97, 'v');  // each event grows by another amount
      w.begin_object();
      w.key("v");
      w.string(value);
      w.key("escaped");
      w.string("tab\t" + value.substr(0, 40));
      w.key("n");
      w.integer(event);
      w.end_object();
      out.push_back('\n');
      expected += R"({"v":")" + value + R"(","escaped":"tab\t)" + value.substr(0, 40) + R"(","n":)" +
                  std::to_string(event) + "}\n";
    }
  }
  CHECK(out == expected);
}

TEST_CASE("appending a JSON string to a reused buffer writes every byte", "[writer]") {
  std::string out(4096, '#');
  out.assign("[");
  imperva_cef::json::append_json_string(out, "plain");
  out.push_back(',');
  imperva_cef::json::append_json_string(out, std::string(300, 'e') + "\"\x01");  // escapes: the grown tail
  out.push_back(']');
  CHECK(out == R"(["plain",")" + std::string(300, 'e') + R"(\"\u0001"])");
}

TEST_CASE("string writer: key paths with their strings equal the calls they stand for", "[writer]") {
  // Plain values, values that need escapes or UTF-8 repair, empty ones, and
  // lengths around the copy's 4/8/16-byte steps, each after a first member
  // (a comma) and opening objects on the way.
  const std::string values[] = {"", "x", "abcd", "abcdefgh", "0123456789abcdef", "0123456789abcdef0",
                                "a\"b", std::string(40, 'z') + "\\", "caf\xc3\xa9", "bad \xff byte", "\x01"};
  for (const std::string& value : values) {
    INFO(value);
    std::string fused, separate;
    {
      string_writer w(fused);
      w.begin_object();
      w.key_path_string(R"("first":)", 0, value);
      w.key_path_string(R"("a":{"b":)", 1, value);
      w.end_object();
      w.end_object();
    }
    {
      string_writer w(separate);
      w.begin_object();
      w.key("first");
      w.string(value);
      w.key("a");
      w.begin_object();
      w.key("b");
      w.string(value);
      w.end_object();
      w.end_object();
    }
    CHECK(fused == separate);
    CHECK(nlohmann::json::accept(fused));
  }
}
