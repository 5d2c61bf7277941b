// Elastic Beats' decode_cef cases through our lexer. Where SPEC section 2
// deliberately differs from Beats, the case is listed below with our result
// and why; every other case must give exactly Beats' keys and values.
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>

#include <imperva_cef/cef/lexer.hpp>
#include <imperva_cef/cef/unescape.hpp>

#include "support/corpus.hpp"
#include "support/recording_handler.hpp"

namespace {

using extension_map = std::map<std::string, std::string>;

struct difference {
  std::optional<extension_map> extensions;  // nullopt: a line error for us
  const char* why;
};

const std::map<std::string, difference>& differences() {
  static const std::map<std::string, difference> table = {
      {"errorEscapedPipeInExtension",
       {extension_map{{"moo", "this|has an escaped pipe"}}, "\\| is a valid escape in values for us"}},
      {"errorEqualsInMessage",
       {extension_map{{"moo", "this =has = equals="}}, "'=' not after a key belongs to the value"}},
      {"errorMalformedExtensionEscape",
       {extension_map{{"rt", "Sep 07 2018 14:50:39"}, {"cat", "Access Log"}, {"dst", "1.1.1.1"},
                      {"dhost", "foo.example.com"}, {"suser", "redacted"}, {"src", "2.2.2.2"},
                      {"requestMethod", "POST"}, {"request", "'https://foo.example.com/bar/bingo/1'"},
                      {"requestClientApplication", "'Foo-Bar/2018.1.7; =Email:user@example.com; Guid:test='"},
                      {"cs1Label", "Foo Bar"}},
        "'=' not after a key belongs to the value: nothing is dropped"}},
      {"errorMultipleMalformedExtensionValues",
       {extension_map{{"msg", "Hello World"}, {"error", "Failed because"}, {"id", "=old_id"}, {"user", "root"},
                      {"angle", "106.7<=180"}},
        "'=' not after a key belongs to the value: nothing is dropped"}},
      {"padded",
       {extension_map{{"spt", "1232"}, {"msg", "Trailing space in non-final extensions is  preserved"},
                      {"src", "10.0.0.192"}},
        "values are trimmed on both sides"}},
      {"internal whitespace chars",
       {extension_map{{"spt", "1232"}, {"msg", "Tabs\tand\rcontrol\ncharacters are preserved"}, {"src", "127.0.0.1"}},
        "values are trimmed on both sides"}},
      {"No tab as separator",
       {extension_map{{"spt", "1232"}, {"msg", "Tab is not a separator"}, {"src", "127.0.0.1"}},
        "a tab separates pairs as a space does"}},
      {"error recovery with escape",
       {extension_map{{"key1", "\\hi="}, {"key2", "a"}}, "'=' not after a key belongs to the value"}},
      {"truncatedHeader", {std::nullopt, "fewer than seven '|' is a line error"}},
      {"processor:parse_errors",
       {extension_map{{"msg", "User signed in with =xyz"}}, "'=' not after a key belongs to the value"}},
      {"processor:custom_target_root",
       {extension_map{{"src", "10.52.116.160"}, {"suser", "admin"}, {"target", "admin"},
                      {"msg", "User signed in from 2001:db8::5"}},
        "the lexer reports keys as sent; renaming is a profile's job"}},
      {"TestEventUnpackWithFullExtensionNames(standardMessage)",
       {extension_map{{"src", "10.0.0.192"}, {"dst", "12.121.122.82"}, {"spt", "1232"}, {"eventId", "1"},
                      {"in", "4294967296"}, {"out", "4294967296"}},
        "the lexer reports keys as sent; renaming is a profile's job"}},
      {"processor:leading_garbage",
       {extension_map{{"src", "10.52.116.160"}, {"suser", "admin"}, {"target", "admin"},
                      {"msg", "User signed in from 2001:db8::5"}},
        "Beats asserts only the version here; these are the pairs"}},
      {"fuzz0", {std::nullopt, "fewer than seven '|' is a line error"}},
      {"fuzz1", {std::nullopt, "fewer than seven '|' is a line error"}},
      {"fuzz2", {std::nullopt, "fewer than seven '|' is a line error"}},
      {"fuzz3", {std::nullopt, "fewer than seven '|' is a line error"}},
      {"processor:not_cef", {std::nullopt, "no CEF: marker"}},
  };
  return table;
}

std::string unescaped_header(std::string_view field) {
  std::string out;
  imperva_cef::cef::append_unescaped_header(out, field);
  return out;
}

}  // namespace

TEST_CASE("Beats decode_cef cases", "[corpus][lexer]") {
  const nlohmann::json cases = corpus::read_json(corpus::directory() / "beats_cef_cases.json").at("cases");
  REQUIRE(cases.size() == 31);
  std::size_t used_differences = 0;
  for (const auto& c : cases) {
    const std::string name = c.at("name");
    const std::string input = c.at("input");
    INFO(name << ": " << input);

    const auto listed = differences().find(name);
    std::optional<extension_map> expected;
    if (listed != differences().end()) {
      ++used_differences;
      INFO("differs from Beats because " << listed->second.why);
      expected = listed->second.extensions;
    } else {
      expected = extension_map{};
      if (!c.at("expected_extensions").is_null()) {
        for (const auto& [key, value] : c.at("expected_extensions").items()) (*expected)[key] = value;
      }
    }

    recording_handler handler;
    const auto result = imperva_cef::cef::lex(input, handler);
    if (!expected) {
      CHECK_FALSE(result.ok());
      continue;
    }
    REQUIRE(result.ok());
    // Beats drops empty values (decode_cef always asks it to); so do our profiles.
    extension_map actual;
    for (const auto& [key, raw] : handler.pairs) {
      std::string value;
      imperva_cef::cef::append_unescaped_value(value, raw);
      if (!value.empty()) actual[key] = value;
    }
    CHECK(actual == *expected);

    if (c.contains("expected_header")) {
      const auto& h = c.at("expected_header");
      if (h.contains("version")) CHECK(std::to_string(h.at("version").get<int>()) == std::string(handler.header.version));
      const std::pair<const char*, std::string_view> fields[] = {
          {"device_vendor", handler.header.device_vendor}, {"device_product", handler.header.device_product},
          {"device_version", handler.header.device_version}, {"device_event_class_id", handler.header.signature_id},
          {"name", handler.header.name}, {"severity", handler.header.severity}};
      for (const auto& [field, ours] : fields) {
        if (h.contains(field)) CHECK(unescaped_header(ours) == h.at(field).get<std::string>());
      }
    }
  }
  CHECK(used_differences == differences().size());
}
