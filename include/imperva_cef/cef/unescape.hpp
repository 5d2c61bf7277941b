// CEF escape decoding. Views stay views until a caller asks for bytes; the
// pointer forms decode into caller memory (an arena), the append forms into a
// std::string. Decoding never lengthens text, so `size()` bytes always suffice.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace imperva_cef::cef {

// Header field: "\|" -> '|', "\\" -> '\'; any other backslash is kept.
// Writes into out (room for field.size() bytes) and returns the decoded size.
inline std::size_t unescape_header(std::string_view field, char* out) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (c == '\\' && i + 1 < field.size() && (field[i + 1] == '|' || field[i + 1] == '\\')) {
      out[n++] = field[++i];
    } else {
      out[n++] = c;
    }
  }
  return n;
}

// Extension value: "\\" "\=" "\|" "\n" "\r" decode; any other backslash is kept.
// Writes into out (room for value.size() bytes) and returns the decoded size.
inline std::size_t unescape_value(std::string_view value, char* out) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c != '\\' || i + 1 == value.size()) {
      out[n++] = c;
      continue;
    }
    switch (value[i + 1]) {
      case '\\': out[n++] = '\\'; ++i; break;
      case '=': out[n++] = '='; ++i; break;
      case '|': out[n++] = '|'; ++i; break;
      case 'n': out[n++] = '\n'; ++i; break;
      case 'r': out[n++] = '\r'; ++i; break;
      default: out[n++] = '\\';
    }
  }
  return n;
}

inline void append_unescaped_header(std::string& out, std::string_view field) {
  const std::size_t at = out.size();
  out.resize(at + field.size());
  out.resize(at + unescape_header(field, out.data() + at));
}

inline void append_unescaped_value(std::string& out, std::string_view value) {
  const std::size_t at = out.size();
  out.resize(at + value.size());
  out.resize(at + unescape_value(value, out.data() + at));
}

}  // namespace imperva_cef::cef
