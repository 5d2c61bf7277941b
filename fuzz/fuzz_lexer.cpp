// libFuzzer target: the CEF lexer alone (SPEC section 2).
//
// Properties, for any bytes:
// - lex() returns the same outcome as lex_header(), and the handler is called
//   only for a good line: on_header once, before any pair;
// - every header field, key and value is a view inside the input;
// - every key matches [A-Za-z0-9_][A-Za-z0-9_.,\[\]]*, is directly followed by
//   '=', and starts the extension or follows a space or tab;
// - values have no leading or trailing blanks;
// - the pairs equal those of a naive reference lexer written from the SPEC's
//   words (scan forward from each pair start), not from the library's code.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <imperva_cef/cef/lexer.hpp>

#include "fuzz_check.hpp"

namespace {

using pair_list = std::vector<std::pair<std::string_view, std::string_view>>;

bool key_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool key_char(char c) { return key_start(c) || c == '.' || c == ',' || c == '[' || c == ']'; }
bool blank(char c) { return c == ' ' || c == '\t'; }

bool inside(std::string_view part, std::string_view whole) {
  const std::uintptr_t b = reinterpret_cast<std::uintptr_t>(whole.data());
  const std::uintptr_t e = b + whole.size();
  const std::uintptr_t pb = reinterpret_cast<std::uintptr_t>(part.data());
  if (part.empty()) return pb >= b && pb <= e;
  return pb >= b && pb + part.size() <= e;
}

std::string_view trim(std::string_view v) {
  while (!v.empty() && blank(v.front())) v.remove_prefix(1);
  while (!v.empty() && blank(v.back())) v.remove_suffix(1);
  return v;
}

// Reference: a pair starts at position i (start of extension, or after a
// blank) when a run of key bytes beginning with a key-start byte is followed
// by '='. Quadratic in the worst case; fine for fuzz-sized inputs.
pair_list reference_pairs(std::string_view ext) {
  struct start {
    std::size_t key_begin, equals;
  };
  std::vector<start> starts;
  for (std::size_t i = 0; i < ext.size(); ++i) {
    if (i != 0 && !blank(ext[i - 1])) continue;
    if (!key_start(ext[i])) continue;
    std::size_t j = i;
    while (j < ext.size() && key_char(ext[j])) ++j;
    if (j < ext.size() && ext[j] == '=') starts.push_back({i, j});
  }
  pair_list pairs;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t value_begin = starts[k].equals + 1;
    const std::size_t value_end = k + 1 < starts.size() ? starts[k + 1].key_begin : ext.size();
    pairs.emplace_back(ext.substr(starts[k].key_begin, starts[k].equals - starts[k].key_begin),
                       trim(ext.substr(value_begin, value_end - value_begin)));
  }
  return pairs;
}

struct checking_handler {
  std::string_view line;
  std::string_view extension;
  bool header_seen = false;
  pair_list pairs;

  void on_header(const imperva_cef::cef::header& h) {
    FUZZ_CHECK(!header_seen, "on_header called twice");
    FUZZ_CHECK(pairs.empty(), "on_header after a pair");
    header_seen = true;
    for (std::string_view field : {h.version, h.device_vendor, h.device_product, h.device_version,
                                   h.signature_id, h.name, h.severity, h.extension}) {
      FUZZ_CHECK(inside(field, line), "header field outside the line");
    }
    extension = h.extension;
  }

  void on_pair(std::string_view key, std::string_view value) {
    FUZZ_CHECK(header_seen, "on_pair before on_header");
    FUZZ_CHECK(inside(key, extension), "key outside the extension");
    FUZZ_CHECK(inside(value, extension), "value outside the extension");
    FUZZ_CHECK(!key.empty() && key_start(key.front()), key);
    for (char c : key) FUZZ_CHECK(key_char(c), key);
    const std::size_t key_at = static_cast<std::size_t>(key.data() - extension.data());
    FUZZ_CHECK(key_at + key.size() < extension.size() && extension[key_at + key.size()] == '=', key);
    FUZZ_CHECK(key_at == 0 || blank(extension[key_at - 1]), key);
    FUZZ_CHECK(value.empty() || (!blank(value.front()) && !blank(value.back())), value);
    FUZZ_CHECK(value.empty() || value.data() > key.data(), "value before its key");
    pairs.emplace_back(key, value);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string copy(reinterpret_cast<const char*>(data), size);  // exact-size heap block for ASan
  const std::string_view line(copy);

  imperva_cef::cef::header header;
  const imperva_cef::parse_result head = imperva_cef::cef::lex_header(line, header);
  FUZZ_CHECK(head.offset <= line.size(), "error offset past the end");
  FUZZ_CHECK(head.ok() || head.code == imperva_cef::errc::missing_cef_marker ||
                 head.code == imperva_cef::errc::missing_version ||
                 head.code == imperva_cef::errc::incomplete_header,
             "unexpected error code");
  FUZZ_CHECK((line.find("CEF:") == std::string_view::npos) == (head.code == imperva_cef::errc::missing_cef_marker),
             "missing_cef_marker disagrees with find(\"CEF:\")");

  checking_handler handler{line, {}, false, {}};
  const imperva_cef::parse_result result = imperva_cef::cef::lex(line, handler);
  FUZZ_CHECK(result.code == head.code && result.offset == head.offset, "lex and lex_header disagree");
  FUZZ_CHECK(handler.header_seen == result.ok(), "on_header called for a bad line, or not for a good one");
  if (!result.ok()) return 0;

  FUZZ_CHECK(handler.extension.data() == header.extension.data() && handler.extension.size() == header.extension.size(),
             "extension differs between lex and lex_header");
  // The extension never carries the line break ("\n", "\r\n" or "\r").
  const std::string_view stripped = imperva_cef::cef::detail::strip_line_break(line);
  FUZZ_CHECK(header.extension.data() + header.extension.size() == stripped.data() + stripped.size(),
             "the extension does not end where the line (less its line break) ends");

  const pair_list expected = reference_pairs(header.extension);
  FUZZ_CHECK(handler.pairs.size() == expected.size(), "pair count differs from the reference lexer");
  for (std::size_t i = 0; i < expected.size(); ++i) {
    // Same bytes and same position: the lexer copies nothing.
    FUZZ_CHECK(handler.pairs[i].first.data() == expected[i].first.data() &&
                   handler.pairs[i].first.size() == expected[i].first.size(),
               expected[i].first);
    FUZZ_CHECK(handler.pairs[i].second == expected[i].second, expected[i].second);
  }
  return 0;
}
