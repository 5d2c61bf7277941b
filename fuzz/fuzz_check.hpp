// Shared helpers for the libFuzzer targets: a failed property prints what went
// wrong and aborts, so libFuzzer records the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "../tests/support/repeated_keys.hpp"

#define FUZZ_CHECK(condition, what)                                                        \
  do {                                                                                     \
    if (!(condition)) ::fuzz_support::fail(__FILE__, __LINE__, #condition, (what));       \
  } while (false)

namespace fuzz_support {

[[noreturn]] inline void fail(const char* file, int line, const char* condition, std::string_view what) {
  std::fprintf(stderr, "%s:%d: property violated: %s\n  %.*s\n", file, line, condition,
               static_cast<int>(what.size() > 4000 ? 4000 : what.size()), what.data());
  std::abort();
}

// Parses text as one JSON document (nlohmann rejects invalid UTF-8 and
// trailing bytes); aborts with the parser's message when it is not JSON.
// nlohmann stops at a NUL byte as if the input ended there, so NUL is checked
// apart: JSON text never holds one raw.
inline nlohmann::json parse_json(const std::string& text) {
  if (text.find('\0') != std::string::npos) fail(__FILE__, __LINE__, "no raw NUL in JSON text", text);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    fail(__FILE__, __LINE__, "nlohmann::json::parse(output)", std::string(e.what()) + "\n  output: " + text);
  }
}

inline void check_no_duplicate_keys(const std::string& text) {
  std::string repeated;
  if (!json_checks::find_repeated_key(text, repeated)) fail(__FILE__, __LINE__, "sax_parse(output)", text);
  if (!repeated.empty()) fail(__FILE__, __LINE__, "no repeated key", repeated + " in " + text);
}

}  // namespace fuzz_support
