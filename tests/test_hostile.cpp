// Hostile input (issue 6, SPEC section 6): lines an attacker can shape, since
// a WAF log carries the attacker's URL, headers and user agent. For both
// profiles: nothing crashes, every event is one valid UTF-8 JSON object with
// no repeated key, a megabyte line takes well under a second, time grows
// linearly with the line, and a bad line is an error with code and offset.
//
// Each case found by fuzz/ (libFuzzer) is here too, marked "fuzz finding".
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <imperva_cef/imperva_cef.hpp>

#include "support/repeated_keys.hpp"

namespace {

using imperva_cef::errc;
using imperva_cef::profile;
using nlohmann::json;

constexpr profile both_profiles[] = {profile::sekoia, profile::ecs};

const char* name_of(profile p) { return p == profile::sekoia ? "sekoia" : "ecs"; }

imperva_cef::options options_for(profile p) { return imperva_cef::options{p}; }

const std::string web_header = "CEF:0|Incapsula|SIEMintegration|1|1|Normal|0| ";

// Seconds per hostile megabyte line: under a second in a release build. A
// Debug build under the sanitizers runs about twenty times slower; the limits
// say "linear and fast", not how fast the sanitizers are.
#ifdef IMPERVA_CEF_SANITIZED
constexpr double slowdown = 20.0;
#else
constexpr double slowdown = 1.0;
#endif
constexpr double time_limit = 1.0 * slowdown;

// The string writer's text for line, which must be an event.
std::string convert_text(std::string_view line, profile p, bool keep_original = false) {
  std::string out;
  imperva_cef::json::string_writer writer(out);
  imperva_cef::options opts = options_for(p);
  opts.keep_original = keep_original;
  const imperva_cef::parse_result result = imperva_cef::write_imperva_cef(line, writer, opts);
  INFO("profile " << name_of(p) << ", line of " << line.size() << " bytes: " << result.message());
  REQUIRE(result.ok());
  return out;
}

// Checks that text is one JSON object as nlohmann reads it (it rejects
// invalid UTF-8, raw control bytes and trailing bytes), with no raw NUL and
// no line break, and no repeated key. One SAX pass, no document.
void validate(const std::string& text) {
  REQUIRE(text.find('\0') == std::string::npos);  // nlohmann would stop reading there
  REQUIRE(text.find('\n') == std::string::npos);  // one NDJSON line
  REQUIRE(text.size() >= 2);
  REQUIRE(text.front() == '{');
  std::string repeated;
  bool valid = false;
  REQUIRE_NOTHROW(valid = json_checks::find_repeated_key(text, repeated));
  REQUIRE(valid);
  CHECK(repeated == "");
}

// The event for line through the string writer, validated, as a document.
json convert(std::string_view line, profile p, bool keep_original = false) {
  const std::string text = convert_text(line, p, keep_original);
  validate(text);
  return json::parse(text);
}

// The line error both APIs report.
void check_line_error(std::string_view line, profile p, errc code, std::size_t offset,
                      imperva_cef::options opts) {
  opts.profile = p;
  INFO("profile " << name_of(p));
  std::string out;
  imperva_cef::json::string_writer writer(out);
  const imperva_cef::parse_result result = imperva_cef::write_imperva_cef(line, writer, opts);
  CHECK(result.code == code);
  CHECK(result.offset == offset);
  CHECK(out.empty());
  try {
    (void)imperva_cef::parse_imperva_cef(line, opts);
    FAIL("no parse_error thrown");
  } catch (const imperva_cef::parse_error& e) {
    CHECK(e.code() == code);
    CHECK(e.offset() == offset);
  }
}

void check_line_error(std::string_view line, profile p, errc code, std::size_t offset) {
  check_line_error(line, p, code, offset, imperva_cef::options{});
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Best of `runs` timings of the string writer path, output buffer reused.
double best_time(std::string_view line, profile p, int runs) {
  std::string out;
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    out.clear();
    imperva_cef::json::string_writer writer(out);
    const auto start = std::chrono::steady_clock::now();
    (void)imperva_cef::write_imperva_cef(line, writer, options_for(p));
    best = std::min(best, seconds_since(start));
  }
  return best;
}

using line_maker = std::function<std::string(std::size_t)>;

// A hostile line shape: make(n) builds a line of about n bytes.
struct shape {
  const char* name;
  line_maker make;
  // Extra checks on the event of the megabyte line (may be empty).
  std::function<void(const json&, profile, const std::string& line)> check;
};

constexpr std::size_t megabyte_line = 1000 * 1000;  // below the default max_line_bytes (1 MiB)

// The nlohmann path builds a whole document in nlohmann::json: slower, and
// no fast path. Bounded only to catch a blow-up.
constexpr double tree_time_limit = 5.0 * slowdown;

// For both profiles: the megabyte line converts to a valid event within the
// time limit, and converting a line four times longer takes less than eight
// times as long (linear, not quadratic; small absolute slack for timer
// noise). The nlohmann path gives an object too, on which the shape's checks
// run. (The two writers are compared value for value by the fuzz_nlohmann
// fuzzer on smaller lines, and by the small-line tests below.)
void check_shapes(const std::vector<shape>& shapes) {
  for (const shape& s : shapes) {
    for (const profile p : both_profiles) {
      INFO("shape " << s.name << ", profile " << name_of(p));
      const std::string line = s.make(megabyte_line);
      REQUIRE(line.size() <= imperva_cef::options{}.max_line_bytes);

      auto start = std::chrono::steady_clock::now();
      const std::string text = convert_text(line, p);
      const double cold = seconds_since(start);
      CHECK(cold < time_limit);
      validate(text);

      start = std::chrono::steady_clock::now();
      json tree;
      REQUIRE_NOTHROW(tree = imperva_cef::parse_imperva_cef(line, options_for(p)));
      CHECK(seconds_since(start) < tree_time_limit);
      REQUIRE(tree.is_object());
      if (s.check) s.check(tree, p, line);

      const std::string quarter = s.make(megabyte_line / 4);
      const double small = best_time(quarter, p, 2);
      const double large = best_time(line, p, 2);
      INFO("cold: " << cold << " s, n/4: " << small << " s, n: " << large << " s");
      CHECK(large < time_limit);
      CHECK(large < 8 * small + 0.02 * slowdown);
    }
  }
}

std::string repeat(std::string_view unit, std::size_t bytes) {
  std::string text;
  text.reserve(bytes + unit.size());
  while (text.size() + unit.size() <= bytes) text.append(unit);
  return text;
}

const json* find(const json& doc, const char* pointer) {
  const json::json_pointer ptr(pointer);
  return doc.contains(ptr) ? &doc.at(ptr) : nullptr;
}

// Where the value of `request` lands in both profiles.
void url_original_is(const json& doc, const std::string& expected) {
  const json* original = find(doc, "/url/original");
  REQUIRE(original != nullptr);
  CHECK(original->get<std::string>() == expected);
}

}  // namespace

TEST_CASE("megabyte values and megabytes of pairs stay linear", "[hostile]") {
  check_shapes({
      {"one megabyte value",
       [](std::size_t n) { return web_header + "request=/" + std::string(n - web_header.size() - 9, 'a'); },
       [](const json& doc, profile, const std::string& line) {
         url_original_is(doc, line.substr(line.find("request=") + 8));
       }},
      {"spaces only", [](std::size_t n) { return web_header + std::string(n - web_header.size(), ' '); }, {}},
      {"tabs and spaces",
       [](std::size_t n) { return web_header + repeat("\t \t", n - web_header.size()) + "cn1=200"; },
       [](const json& doc, profile, const std::string&) {
         CHECK(doc.at("http").at("response").at("status_code") == 200);
       }},
      {"100,000 distinct unknown keys",
       [](std::size_t n) {
         std::string line = web_header;
         for (std::size_t i = 0; line.size() < n - 16; ++i) line += " k" + std::to_string(i) + "=v";
         return line;
       },
       {}},
      {"thousands of duplicate known keys, last wins",
       [](std::size_t n) {
         std::string line = web_header;
         for (std::size_t i = 0; line.size() < n - 32; ++i) line += " cn1=" + std::to_string(i % 1000);
         return line + " cn1=404 requestMethod=GET requestmethod=POST";
       },
       [](const json& doc, profile, const std::string&) {
         CHECK(doc.at("http").at("response").at("status_code") == 404);
         CHECK(doc.at("http").at("request").at("method") == "POST");
       }},
      {"thousands of duplicate unknown keys",
       [](std::size_t n) { return web_header + repeat(" zz=1 ZZ=2", n - web_header.size()) + " zz=last"; },
       [](const json& doc, profile p, const std::string&) {
         if (p == profile::ecs) {  // kept as labels, once, the last value
           const json& labels = doc.at("labels");
           CHECK(labels.size() == 1);
           CHECK(labels.begin().value() == "last");
         }
       }},
      {"a known key's value of a megabyte of key-like text",
       [](std::size_t n) { return web_header + "requestMethod=" + std::string(n - web_header.size() - 14, 'G'); },
       {}},
      {"'CEF:' a quarter million times",
       [](std::size_t n) { return web_header + "request=" + repeat("CEF:0|", n - web_header.size() - 8); },
       {}},
      {"other vendor with 100,000 pairs",
       [](std::size_t n) {
         std::string line = "CEF:0|Other|Thing|1|2|name|5|";
         for (std::size_t i = 0; line.size() < n - 16; ++i) line += " x" + std::to_string(i) + "=" + std::to_string(i);
         return line;
       },
       {}},
  });
}

// (No backslash in the name: CTest would pass it to Catch2 unescaped, and Catch2
// would match no test and report success.)
TEST_CASE("a million '=' or backslashes stay linear", "[hostile]") {
  check_shapes({
      {"a million '=' in a value",
       [](std::size_t n) { return web_header + "request=" + std::string(n - web_header.size() - 8, '='); },
       [](const json& doc, profile, const std::string& line) {
         url_original_is(doc, line.substr(line.find("request=") + 8));
       }},
      {"a million '=' and no key",
       [](std::size_t n) { return web_header + std::string(n - web_header.size(), '='); }, {}},
      {"'a=' without blanks: one pair",
       [](std::size_t n) { return web_header + "request=" + repeat("a=", n - web_header.size() - 8); },
       [](const json& doc, profile, const std::string& line) {
         url_original_is(doc, line.substr(line.find("request=") + 8));
       }},
      {"' a=' half a million times: pairs with empty values",
       [](std::size_t n) { return web_header + repeat(" a=", n - web_header.size()); }, {}},
      {"' =' and 'a =': no keys",
       [](std::size_t n) { return web_header + repeat(" = a =", n - web_header.size()); }, {}},
      {"a million '\\' in a value",
       [](std::size_t n) { return web_header + "request=" + std::string(n - web_header.size() - 8, '\\'); },
       [](const json& doc, profile p, const std::string& line) {
         const std::size_t backslashes = line.size() - line.find("request=") - 8;
         // sekoia keeps values as written; ecs decodes "\\" to "\".
         url_original_is(doc, std::string(p == profile::sekoia ? backslashes : backslashes / 2, '\\'));
       }},
      {"'\\=' half a million times",
       [](std::size_t n) { return web_header + "request=" + repeat("\\=", n - web_header.size() - 8); }, {}},
      {"a million '\\' in a header field",
       [](std::size_t n) {  // n - 80 is even: the pipe after the run ends the name
         return "CEF:0|Incapsula|SIEMintegration|1|1|" + std::string(n - 80, '\\') + "|0| cn1=200";
       },
       [](const json& doc, profile, const std::string&) {
         CHECK(doc.at("http").at("response").at("status_code") == 200);
       }},
      {"a million '|' after the header",
       [](std::size_t n) { return "CEF:0" + std::string(n - 5, '|'); }, {}},
      {"'\\|' after the header",
       [](std::size_t n) { return web_header + "request=" + repeat("\\|", n - web_header.size() - 8); }, {}},
  });
}

TEST_CASE("megabytes of NUL, invalid UTF-8 and control bytes stay valid JSON", "[hostile]") {
  check_shapes({
      {"a megabyte of NUL bytes",
       [](std::size_t n) { return web_header + "request=/" + std::string(n - web_header.size() - 9, '\0'); },
       [](const json& doc, profile, const std::string& line) {
         url_original_is(doc, line.substr(line.find("request=") + 8));
       }},
      {"every byte 0x80-0xFF",
       [](std::size_t n) {
         std::string bytes;
         for (int c = 0x80; c <= 0xFF; ++c) bytes.push_back(static_cast<char>(c));
         return web_header + "request=/" + repeat(bytes, n - web_header.size() - 9);
       },
       {}},
      {"truncated 4-byte sequences",
       [](std::size_t n) { return web_header + "request=/" + repeat("\xF0\x9F\x98", n - web_header.size() - 9); },
       {}},
      {"every control byte",
       [](std::size_t n) {
         std::string bytes;
         for (int c = 0x01; c < 0x20; ++c) bytes.push_back(static_cast<char>(c));
         bytes.push_back('\x7F');
         return web_header + "request=/" + repeat(bytes, n - web_header.size() - 9);
       },
       {}},
      {"invalid UTF-8 and NUL in keys and header fields",
       [](std::size_t n) {
         using namespace std::string_literals;
         return "\xFF\0" "CEF:0|\xC3\x28\0|\xED\xA0\x80|1|1|N\x01|0| "s + repeat(" k\xFF=\xFF k\0=\0 \xC0\x80=x"s, n - 40);
       },
       {}},
  });
}

TEST_CASE("long numbers and long lists stay linear", "[hostile]") {
  check_shapes({
      {"a megabyte integer",
       [](std::size_t n) { return web_header + "fileId=" + std::string(n - web_header.size() - 40, '9') + " cn1=200 in=1"; },
       [](const json& doc, profile p, const std::string&) {
         if (p == profile::sekoia) CHECK(find(doc, "/imperva/session/id") == nullptr);  // not an int64
         CHECK(doc.at("http").at("request").at("bytes") == 1);
       }},
      {"a timestamp behind a megabyte of zeros",
       [](std::size_t n) { return web_header + "start=" + std::string(n - web_header.size() - 40, '0') + "1700000000000"; },
       {}},
      {"megabyte latitude and longitude",
       [](std::size_t n) {
         const std::size_t digits = (n - web_header.size()) / 2 - 20;
         return web_header + "cs7=0." + std::string(digits, '0') + "1 cs8=-1" + std::string(digits, '0') +
                " cs7Label=latitude cs8Label=longitude";
       },
       {}},
      {"x-forwarded-for with 70,000 addresses",
       [](std::size_t n) {
         std::string line = web_header + "xff=";
         for (std::size_t i = 0; line.size() < n - 32; ++i) {
           line += std::to_string(10 + i % 200) + "." + std::to_string(i / 200 % 256) + ".1." + std::to_string(i % 256) + ", ";
         }
         return line + "1.1.1.1 src=1.1.1.1";
       },
       {}},
      {"half a million rule names",
       [](std::size_t n) { return web_header + "cs9=" + repeat("a,", n - web_header.size() - 40) + " cs9Label=Rule name"; },
       {}},
      {"a megabyte of commas",
       [](std::size_t n) { return web_header + "cs9=" + std::string(n - web_header.size() - 40, ',') + " filetype=,,, xff=,,"; },
       {}},
      {"half a million attack ids",
       [](std::size_t n) {
         return web_header + "filetype=" + repeat("1,", (n - web_header.size()) / 2 - 20) +
                " filepermission=" + repeat("99999999999999999999,", (n - web_header.size()) / 2 - 20);
       },
       {}},
      {"Attack Analytics with 60,000 dominant IPs",
       [](std::size_t n) {
         std::string line = "CEF:0|Imperva Inc.|Attack Analytics|0|Incident|x|MAJOR| cs4Label=ImpervaAADominantIps cs4=";
         for (std::size_t i = 0; line.size() < n - 32; ++i) {
           line += "10." + std::to_string(i / 65536 % 256) + "." + std::to_string(i / 256 % 256) + "." + std::to_string(i % 256) + ",";
         }
         return line + " src=10.0.0.1";
       },
       {}},
      {"a megabyte TLS field and protocol",
       [](std::size_t n) {
         const std::size_t half = (n - web_header.size()) / 2 - 20;
         return web_header + "ver=TLSv" + std::string(half, '1') + " app=" + std::string(half, 'H');
       },
       {}},
      {"a megabyte address-like src and url",
       [](std::size_t n) {
         const std::size_t third = (n - web_header.size()) / 3 - 20;
         return web_header + "src=" + repeat("1:", third) + " sip=" + repeat("1.", third) + " request=[" + repeat(":/?", third);
       },
       {}},
  });
}

TEST_CASE("deep, huge and unterminated JSON in header fields stays linear", "[hostile]") {
  check_shapes({
      {"a megabyte of '['",
       [](std::size_t n) { return web_header + "additionalReqHeaders=" + std::string(n - web_header.size() - 21, '['); },
       [](const json& doc, profile, const std::string&) { CHECK(find(doc, "/imperva/request/headers") == nullptr); }},
      {"half a million levels, closed",
       [](std::size_t n) {
         const std::size_t half = (n - web_header.size() - 21) / 2;
         return web_header + "additionalReqHeaders=" + std::string(half, '[') + std::string(half, ']');
       },
       [](const json& doc, profile, const std::string&) { CHECK(find(doc, "/imperva/request/headers") == nullptr); }},
      {"nested objects",
       [](std::size_t n) { return web_header + "additionalResHeaders=[" + repeat("{\"a\":", n - web_header.size() - 30); },
       {}},
      {"an unterminated megabyte string",
       [](std::size_t n) { return web_header + "additionalReqHeaders=[\"" + std::string(n - web_header.size() - 30, 'x'); },
       [](const json& doc, profile, const std::string&) { CHECK(find(doc, "/imperva/request/headers") == nullptr); }},
      {"a megabyte string",
       [](std::size_t n) {
         return web_header + "additionalReqHeaders=[{\"X-Big\":\"" + std::string(n - web_header.size() - 40, 'x') + "\"}]";
       },
       [](const json& doc, profile, const std::string& line) {
         const json* headers = find(doc, "/imperva/request/headers");
         REQUIRE(headers != nullptr);
         CHECK(headers->at(0).at("X-Big").get<std::string>().size() == line.size() - web_header.size() - 35);
       }},
      {"50,000 header objects",
       [](std::size_t n) {
         return web_header + "additionalReqHeaders=[" + repeat("{\"Accept\":\"*/*\"},", n - web_header.size() - 40) + "{}]";
       },
       {}},
      {"escapes: \\u00e9, surrogates and lone backslashes",
       [](std::size_t n) {
         return web_header + "additionalReqHeaders=[\"" +
                repeat("\\u00e9\\ud83d\\ude00\\ud800\\x\\=\\\\", n - web_header.size() - 40) + "\"]";
       },
       {}},
      {"a megabyte of lone backslashes in a JSON string",
       [](std::size_t n) {
         return web_header + "additionalReqHeaders=[\"" + std::string(n - web_header.size() - 40, '\\') + "\"]";
       },
       {}},
      {"a megabyte number",
       [](std::size_t n) {
         return web_header + "additionalReqHeaders=[1" + std::string(n - web_header.size() - 40, '0') + "]";
       },
       [](const json& doc, profile, const std::string&) {
         // 10^(10^6) does not fit a double: the array is not emitted (fuzz finding, see below).
         CHECK(find(doc, "/imperva/request/headers") == nullptr);
       }},
      {"a megabyte fraction",
       [](std::size_t n) {
         return web_header + "additionalReqHeaders=[0." + std::string(n - web_header.size() - 40, '1') + "]";
       },
       {}},
  });
}

TEST_CASE("lines longer than max_line_bytes are line errors", "[hostile][limits]") {
  for (const profile p : both_profiles) {
    imperva_cef::options opts;
    opts.max_line_bytes = 100;
    std::string line = web_header + "request=/";
    line.resize(100, 'a');
    {
      std::string out;
      imperva_cef::json::string_writer writer(out);
      opts.profile = p;
      CHECK(imperva_cef::write_imperva_cef(line, writer, opts).ok());  // exactly at the limit
    }
    check_line_error(line + "a", p, errc::line_too_long, 100, opts);

    // The default limit, 1 MiB, with a megabyte line of every kind above.
    const std::size_t limit = imperva_cef::options{}.max_line_bytes;
    CHECK(limit == 1024 * 1024);
    std::string big = web_header + "request=/";
    big.resize(limit, 'a');
    CHECK(convert(big, p).at("url").at("original").get<std::string>().size() == limit - web_header.size() - 8);
    big.push_back('a');
    const auto start = std::chrono::steady_clock::now();
    check_line_error(big, p, errc::line_too_long, limit);
    CHECK(seconds_since(start) < 0.1 * slowdown);  // rejected before any lexing
  }
}

TEST_CASE("megabyte lines that are not CEF are line errors with their offset", "[hostile][limits]") {
  for (const profile p : both_profiles) {
    const std::size_t n = megabyte_line;
    check_line_error(std::string(n, 'x'), p, errc::missing_cef_marker, 0);
    check_line_error(std::string(n, '\0'), p, errc::missing_cef_marker, 0);
    check_line_error(repeat("CEF", n), p, errc::missing_cef_marker, 0);
    check_line_error(repeat("CEF:", n), p, errc::missing_version, 4);
    check_line_error("CEF:" + std::string(n, '7'), p, errc::missing_version, n + 4);
    check_line_error("CEF:0" + std::string(6, '|'), p, errc::incomplete_header, 11);
    check_line_error("CEF:0|" + repeat("\\|", n), p, errc::incomplete_header, n + 6);
    // An odd run of '\\' escapes the first of six pipes: five fields end.
    check_line_error("CEF:0|" + std::string(n + 1, '\\') + "||||||", p, errc::incomplete_header, n + 13);
  }
}

TEST_CASE("a header of only pipes, header-only lines, CRLF and tabs", "[hostile]") {
  const json sekoia_minimal = {{"event", {{"kind", "event"}, {"category", "network"}, {"type", {"connection", "access"}}}}};

  SECTION("sekoia: whole documents") {
    for (const char* line : {"CEF:0|||||||", "CEF:0|||||||\r\n", "CEF:0|||||||   \t ", "CEF:0||||||||||||",
                             "CEF:0|Incapsula|SIEMintegration|1|1|Normal|0|",
                             "CEF:0|Incapsula|SIEMintegration|1|1|Normal|0|\n",
                             "<14>Nov 28 12:00:00 host CEF:0|Incapsula|SIEMintegration|1|1|Normal|0| \r"}) {
      INFO(line);
      CHECK(convert(line, profile::sekoia) == sekoia_minimal);
    }
  }

  SECTION("both: line errors for fewer than seven pipes") {
    for (const profile p : both_profiles) {
      check_line_error("|||||||", p, errc::missing_cef_marker, 0);
      check_line_error("CEF:|||||||", p, errc::missing_version, 4);
      check_line_error("CEF:0||||||", p, errc::incomplete_header, 11);
      check_line_error("CEF:0||||||\r\n", p, errc::incomplete_header, 11);  // offset in the line less its break
      check_line_error("CEF:0|a|b|c|d|e|f\\|", p, errc::incomplete_header, 19);
    }
  }

  SECTION("both: header-only and pipes-only lines are events") {
    for (const profile p : both_profiles) {
      for (const char* line : {"CEF:0|||||||", "CEF:0|Incapsula|SIEMintegration|1|1|Normal|0|", "CEF:0|||||||||||"}) {
        INFO(line);
        const json doc = convert(line, p);
        CHECK(doc.at("event").at("kind").is_string());
        CHECK(find(doc, "/error") == nullptr);  // no field was dropped
      }
    }
  }

  SECTION("CRLF, CR and LF endings give the same event as none") {
    const std::string line = web_header + "request=/a cn1=200 act=REQ_PASSED";
    for (const profile p : both_profiles) {
      const json expected = convert(line, p);
      CHECK(expected.at("url").at("original") == "/a");
      for (const char* ending : {"\r\n", "\n", "\r"}) CHECK(convert(line + ending, p) == expected);
    }
  }

  SECTION("tabs separate pairs like spaces and are trimmed from values") {
    const std::string spaced = web_header + "request=/a cn1=200 requestMethod=GET";
    const std::string tabbed = web_header + "\trequest=/a\t\tcn1=200 \t requestMethod=GET\t";
    for (const profile p : both_profiles) CHECK(convert(tabbed, p) == convert(spaced, p));
    // A tab inside a value stays, escaped.
    const json doc = convert(web_header + "request=/a\tb", profile::sekoia);
    CHECK(doc.at("url").at("original") == "/a\tb");
  }
}

TEST_CASE("NUL bytes, invalid UTF-8 and control characters in small lines", "[hostile]") {
  using namespace std::string_literals;
  const std::string fffd = "\xEF\xBF\xBD";
  struct repair {
    std::string raw, expected;
  };
  const std::vector<repair> repairs = {
      {"/a\0b"s, "/a\0b"s},
      {"/\xFF\xFE", "/" + fffd + fffd},
      {"/\xE2\x82", "/" + fffd},                       // truncated: one maximal subpart
      {"/\xED\xA0\x80", "/" + fffd + fffd + fffd},     // a UTF-16 surrogate
      {"/\xC0\x80", "/" + fffd + fffd},                // overlong NUL
      {"/\xF4\x90\x80\x80", "/" + fffd + fffd + fffd + fffd},  // above U+10FFFF
      {"/\xC3\xA9\xF0\x9F\x98\x80", "/\xC3\xA9\xF0\x9F\x98\x80"},  // valid stays
      {"/\x01\x1F\x7F\x08\x0C", "/\x01\x1F\x7F\x08\x0C"},
  };
  for (const profile p : both_profiles) {
    for (const repair& r : repairs) {
      INFO("profile " << name_of(p) << " value " << json(r.expected).dump());
      url_original_is(convert(web_header + "request=" + r.raw + " cn1=200", p), r.expected);
    }
  }

  SECTION("the compact text escapes control characters") {
    std::string out;
    imperva_cef::json::string_writer writer(out);
    REQUIRE(imperva_cef::write_imperva_cef(web_header + "request=/\x01\x1F\0\"\\"s, writer).ok());
    CHECK(out.find(R"("original":"/\u0001\u001f\u0000\"\\")") != std::string::npos);
  }

  SECTION("NUL and invalid UTF-8 in the header and before it") {
    const std::string line = "\0\xFF<14>\0 CEF:0|Incapsula|SIEMintegration|\xFF\0|1|No\xC3rmal\0|0| request=/x"s;
    for (const profile p : both_profiles) url_original_is(convert(line, p), "/x");
  }

  SECTION("keys never hold NUL or non-ASCII bytes") {
    for (const profile p : both_profiles) {
      const json doc = convert(web_header + "re\0quest=/a requ\xC3\xA9st=/b request=/c"s, p);
      url_original_is(doc, "/c");
    }
  }

  SECTION("the error document keeps a hostile line, repaired") {
    const std::string line = "\xFF\0not cef\x01"s;
    std::string out;
    imperva_cef::json::string_writer writer(out);
    imperva_cef::write_error_document(line, {errc::missing_cef_marker, 0}, writer);
    const json doc = json::parse(out);
    CHECK(doc.at("event").at("original") == fffd + "\0not cef\x01"s);
    CHECK(doc.at("error").at("message") == "no CEF: marker at byte 0");
  }
}

TEST_CASE("numbers that overflow 64 bits leave their field out", "[hostile]") {
  const std::string line = web_header +
                           "fileId=9223372036854775808 cn1=-9223372036854775809 in=18446744073709551616 "
                           "cpt=65536 start=99999999999999999999 end=-99999999999999999999 "
                           "cs7=1" + std::string(400, '0') + " cs8=1 cs7Label=latitude cs8Label=longitude";
  for (const profile p : both_profiles) {
    INFO("profile " << name_of(p));
    const json doc = convert(line, p);
    CHECK(find(doc, "/http/response/status_code") == nullptr);
    CHECK(find(doc, "/http/request/bytes") == nullptr);
    CHECK(find(doc, "/source/port") == nullptr);
    CHECK(find(doc, "/event/start") == nullptr);
    CHECK(find(doc, "/event/end") == nullptr);
    CHECK(find(doc, "/event/duration") == nullptr);
    CHECK(find(doc, "/@timestamp") == nullptr);
    CHECK(find(doc, "/client/geo/location") == nullptr);
    CHECK(find(doc, "/source/geo/location") == nullptr);
    if (p == profile::sekoia) {
      CHECK(find(doc, "/imperva/session/id") == nullptr);
    } else {
      // ecs: each value left out is named in error.message.
      const std::string messages = doc.at("error").at("message").dump();
      for (const char* field : {"http.response.status_code", "http.request.bytes", "source.port", "event.start"}) {
        CHECK_THAT(messages, Catch::Contains(field));
      }
    }
  }

  SECTION("the extremes that fit are kept") {
    const std::string fits = web_header + "fileId=-9223372036854775808 cn1=9223372036854775807 in=0 cpt=65535";
    for (const profile p : both_profiles) {
      const json doc = convert(fits, p);
      CHECK(doc.at("http").at("response").at("status_code") == INT64_MAX);
      CHECK(doc.at("http").at("request").at("bytes") == 0);
      CHECK(doc.at("source").at("port") == 65535);
    }
  }

  SECTION("sekoia: whole document") {
    const json expected = {
        {"imperva", {{"session", {{"id", INT64_MIN}}}}},
        {"http", {{"request", {{"bytes", INT64_MAX}}}}},
        {"event", {{"kind", "event"}, {"category", "network"}, {"type", {"connection", "access"}}}}};
    CHECK(convert(web_header + "fileId=-9223372036854775808 in=9223372036854775807 cn1=1e3 cpt=+1 cs7=1e2 cs8=0",
                  profile::sekoia) == expected);
  }
}

TEST_CASE("timestamps at and beyond years 1 and 9999", "[hostile]") {
  const std::string first = "-62135596800000";  // 0001-01-01T00:00:00.000Z
  const std::string last = "253402300799999";   // 9999-12-31T23:59:59.999Z

  SECTION("sekoia: whole documents") {
    const json at_limits = {
        {"event",
         {{"start", "0001-01-01T00:00:00.000000Z"},
          {"end", "9999-12-31T23:59:59.999000Z"},
          {"duration", 315537897599999.0},
          {"kind", "event"},
          {"category", "network"},
          {"type", {"connection", "access"}}}},
        {"@timestamp", "0001-01-01T00:00:00.000000Z"}};
    CHECK(convert(web_header + "start=" + first + " end=" + last, profile::sekoia) == at_limits);

    const json beyond = {{"event", {{"kind", "event"}, {"category", "network"}, {"type", {"connection", "access"}}}}};
    CHECK(convert(web_header + "start=-62135596800001 end=253402300800000", profile::sekoia) == beyond);
    CHECK(convert(web_header + "start=-9223372036854775808 end=9223372036854775807", profile::sekoia) == beyond);
  }

  SECTION("both: in range is kept, one millisecond beyond is left out") {
    for (const profile p : both_profiles) {
      INFO("profile " << name_of(p));
      const json doc = convert(web_header + "start=" + first + " end=" + last, p);
      const std::string start = doc.at("event").at("start");
      const std::string end = doc.at("event").at("end");
      CHECK(start.rfind("0001-01-01T00:00:00.000", 0) == 0);
      CHECK(end.rfind("9999-12-31T23:59:59.999", 0) == 0);
      CHECK(doc.at("@timestamp") == start);
      if (p == profile::ecs) {
        // (end - start) in nanoseconds is about 3.2e20: no long holds it.
        CHECK(find(doc, "/event/duration") == nullptr);
        CHECK_THAT(doc.at("error").at("message").dump(), Catch::Contains("event.duration"));
      }

      const json beyond = convert(web_header + "start=-62135596800001 end=253402300800000", p);
      CHECK(find(beyond, "/event/start") == nullptr);
      CHECK(find(beyond, "/event/end") == nullptr);
      CHECK(find(beyond, "/@timestamp") == nullptr);
      CHECK(find(beyond, "/event/duration") == nullptr);
    }
  }

  SECTION("ecs: the largest duration that fits is an integer in nanoseconds") {
    // 9223372036854 ms * 1e6 = 9223372036854000000 <= INT64_MAX.
    const json doc = convert(web_header + "start=0 end=9223372036854", profile::ecs);
    CHECK(doc.at("event").at("duration") == INT64_C(9223372036854000000));
    const json over = convert(web_header + "start=0 end=9223372036855", profile::ecs);
    CHECK(find(over, "/event/duration") == nullptr);
  }
}

TEST_CASE("JSON in header fields: limits and fuzz findings", "[hostile]") {
  const auto headers_of = [](const std::string& value, profile p) {
    const json doc = convert(web_header + "additionalReqHeaders=" + value, p);
    const json* headers = find(doc, "/imperva/request/headers");
    return headers != nullptr ? *headers : json();
  };
  for (const profile p : both_profiles) {
    INFO("profile " << name_of(p));
    // 64 levels are read, 65 are rejected, not recursed into.
    json deepest = json::array();
    for (int i = 1; i < 64; ++i) deepest = json::array({deepest});
    CHECK(headers_of(std::string(64, '[') + std::string(64, ']'), p) == deepest);
    CHECK(headers_of(std::string(65, '[') + std::string(65, ']'), p).is_null());
    CHECK(headers_of("[" + repeat("{\"a\":[", 31 * 6) + "1" + repeat("]}", 31 * 2) + "]", p).is_array());  // 63 levels

    // Unterminated or broken JSON leaves the field out.
    for (const char* broken : {"[", "[{", "[{\"a\"", "[{\"a\":", "[{\"a\":1", "[\"a", "[\"a\\", "[1,]", "[,1]", "[01]",
                               "[1.]", "[-]", "[1e]", "[tru]", "[nul]", "[1] x", "[\"\x01\"]", "{\"a\":1}", "\"a\"", "1"}) {
      INFO(broken);
      CHECK(headers_of(broken, p).is_null());
    }

    // Fuzz finding: a number that overflows a double made parse_imperva_cef
    // throw nlohmann's out_of_range (not parse_error) and the string writer's
    // text unreadable by nlohmann. Such an array is now left out.
    for (const char* huge : {"[1e999]", "[-1e309]", "[1.7976931348623159e308]", "[{\"a\":[0.1e310]}]"}) {
      INFO(huge);
      CHECK(headers_of(huge, p).is_null());
      json tree;
      CHECK_NOTHROW(tree = imperva_cef::parse_imperva_cef(web_header + "additionalReqHeaders=" + huge, options_for(p)));
      CHECK(tree.is_object());
    }
    // Numbers too small for a double read as 0 (as nlohmann does); the largest double is kept.
    CHECK(headers_of("[1e-999,1.7976931348623157e308,-0]", p) == json::parse("[0.0,1.7976931348623157e308,0]"));

    // Lone backslashes stand for themselves; broken \u escapes too; lone surrogates become U+FFFD.
    if (p == profile::sekoia) {  // ecs decodes the CEF escapes first
      CHECK(headers_of(R"(["charset\=UTF-8","\u00e9\ud83d\ude00","\ud800x","\u12","a\\"])", p) ==
            json({"charset\\=UTF-8", "\xC3\xA9\xF0\x9F\x98\x80", "\xEF\xBF\xBD" "x", "\\u12", "a\\"}));
    }
    // Invalid UTF-8 inside the JSON is repaired, in keys too.
    CHECK(headers_of("[{\"\xFF\":\"\xC3\"}]", p) == json::parse("[{\"\xEF\xBF\xBD\":\"\xEF\xBF\xBD\"}]"));
  }
}

TEST_CASE("the nlohmann path throws only parse_error on hostile lines", "[hostile]") {
  using namespace std::string_literals;
  for (const profile p : both_profiles) {
    for (const std::string& line : {"\0"s, "CEF:"s, "CEF:0"s, "CEF:0|"s, "\xFF"s, "CEF:0|||||||"s,
                                    web_header + "additionalReqHeaders=[1e999]"s,
                                    web_header + "additionalResHeaders=[[[[" + std::string(100, '[')}) {
      try {
        (void)imperva_cef::parse_imperva_cef(line, options_for(p));
      } catch (const imperva_cef::parse_error&) {
        // a line error: fine
      } catch (const std::exception& e) {
        FAIL("profile " << name_of(p) << ": " << e.what());
      }
    }
  }
}
