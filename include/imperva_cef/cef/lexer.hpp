// The CEF lexer (SPEC section 2). It splits a line into header fields and
// extension key/value views and hands them to a handler; it copies nothing and
// knows nothing of Imperva or ECS. Linear in the line length on any input.
//
// Handler requirements:
//   void on_header(const imperva_cef::cef::header&);
//   void on_pair(std::string_view key, std::string_view value);  // raw value
#pragma once

#include <cstring>
#include <string_view>

#include "../error.hpp"
#include "byte_scanner.hpp"
#include "header.hpp"

namespace imperva_cef::cef {

namespace detail {

enum : unsigned char { key_byte = 1, key_start_byte = 2 };

// Byte classes of the key grammar [A-Za-z0-9_][A-Za-z0-9_.,\[\]]*: one load
// per byte in the lexer's backward walk.
struct key_byte_table {
  unsigned char classes[256] = {};
  constexpr key_byte_table() {
    for (int c = 0; c < 256; ++c) {
      const bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (start) classes[c] = key_byte | key_start_byte;
      if (c == '.' || c == ',' || c == '[' || c == ']') classes[c] = key_byte;
    }
  }
};
inline constexpr key_byte_table key_bytes{};

constexpr bool is_key_start_char(unsigned char c) noexcept { return key_bytes.classes[c] & key_start_byte; }
constexpr bool is_key_char(unsigned char c) noexcept { return key_bytes.classes[c] & key_byte; }
constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

constexpr std::string_view trim_blanks(std::string_view text) noexcept {
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_blank(text[begin])) ++begin;
  while (end > begin && is_blank(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

// The line without its trailing line break ("\n", "\r\n" or "\r").
constexpr std::string_view strip_line_break(std::string_view line) noexcept {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace detail

// Parses the header; on success `out.extension` is the rest of the line.
inline parse_result lex_header(std::string_view line, header& out) noexcept {
  line = detail::strip_line_break(line);
  const std::size_t marker = line.find("CEF:");
  if (marker == std::string_view::npos) return {errc::missing_cef_marker, 0};
  out.record_offset = marker;

  std::size_t pos = marker + 4;
  const std::size_t version_begin = pos;
  while (pos < line.size() && line[pos] >= '0' && line[pos] <= '9') ++pos;
  if (pos == version_begin || pos == line.size() || line[pos] != '|') {
    return {errc::missing_version, pos};
  }
  out.version = line.substr(version_begin, pos - version_begin);
  ++pos;

  std::string_view* const fields[] = {&out.device_vendor, &out.device_product,
                                      &out.device_version, &out.signature_id,
                                      &out.name, &out.severity};
  bool escapes = false;
  for (std::string_view* field : fields) {
    const std::size_t begin = pos;
    while (pos < line.size() && line[pos] != '|') {
      if (line[pos] == '\\') {
        escapes = true;
        ++pos;  // the escaped byte can never end the field
      }
      ++pos;
    }
    if (pos >= line.size()) return {errc::incomplete_header, line.size()};
    *field = line.substr(begin, pos - begin);
    ++pos;
  }
  out.has_escapes = escapes;
  out.extension = line.substr(pos);
  return {};
}

// Calls handler.on_pair(key, value) for every extension pair, in order.
// A key is [A-Za-z0-9_][A-Za-z0-9_.,\[\]]* directly before '=', and starts at
// the start of the extension or right after a space or tab; every other byte
// belongs to the current value.
template <class Handler>
void lex_extension(std::string_view extension, Handler& handler) {
  const char* const begin = extension.data();
  const char* const end = begin + extension.size();
  std::string_view pending_key;
  const char* value_begin = nullptr;

  detail::byte_scanner equals_signs(begin, end, '=');
  while (const char* equals = equals_signs.next()) {

    // The key is the run of key bytes before '=': walking back stops at the
    // previous '=' at the latest, so all walks together stay linear.
    const char* key_begin = equals;
    while (key_begin > begin && detail::is_key_char(static_cast<unsigned char>(key_begin[-1]))) {
      --key_begin;
    }
    if (key_begin == equals || !detail::is_key_start_char(static_cast<unsigned char>(*key_begin))) {
      continue;
    }
    if (key_begin != begin && !detail::is_blank(key_begin[-1])) continue;

    if (value_begin != nullptr) {
      handler.on_pair(pending_key, detail::trim_blanks(std::string_view(
                                       value_begin, static_cast<std::size_t>(key_begin - value_begin))));
    }
    pending_key = std::string_view(key_begin, static_cast<std::size_t>(equals - key_begin));
    value_begin = equals + 1;
  }
  if (value_begin != nullptr) {
    handler.on_pair(pending_key, detail::trim_blanks(std::string_view(
                                     value_begin, static_cast<std::size_t>(end - value_begin))));
  }
}

// Header, then extension pairs. Returns the line error, if any, before calling
// the handler at all.
template <class Handler>
parse_result lex(std::string_view line, Handler& handler) {
  header fields;
  const parse_result result = lex_header(line, fields);
  if (!result) return result;
  handler.on_header(fields);
  lex_extension(fields.extension, handler);
  return result;
}

}  // namespace imperva_cef::cef
