// CEF escape decoding. Views stay views until a caller asks for bytes; the
// pointer forms decode into caller memory (an arena), the append forms into a
// std::string. Decoding never lengthens text, so `size()` bytes always suffice.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "../detail/string_growth.hpp"

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

namespace detail {

// The first backslash in [from, end), or end.
inline const char* find_backslash(const char* from, const char* end) noexcept {
  if (from == end) return end;  // memchr wants a pointer even for no bytes
  const void* found = std::memchr(from, '\\', static_cast<std::size_t>(end - from));
  return found != nullptr ? static_cast<const char*>(found) : end;
}

// What "\<next>" decodes to in a value, or 0 when the backslash is kept.
constexpr char value_escape(char next) noexcept {
  switch (next) {
    case '\\': return '\\';
    case '=': return '=';
    case '|': return '|';
    case 'n': return '\n';
    case 'r': return '\r';
    default: return 0;
  }
}

}  // namespace detail

// Extension value: "\\" "\=" "\|" "\n" "\r" decode; any other backslash is kept.
// Writes into out (room for value.size() bytes) and returns the decoded size.
// first_backslash is where the caller already knows the first one is (or
// value.size()). The runs between backslashes are copied whole: values hold
// few escapes in long text.
inline std::size_t unescape_value(std::string_view value, std::size_t first_backslash, char* out) noexcept {
  const char* in = value.data();
  const char* const end = in + value.size();
  const char* backslash = in + first_backslash;
  char* next = out;
  while (true) {
    next = std::copy(in, backslash, next);
    if (backslash == end) return static_cast<std::size_t>(next - out);
    const char decoded = backslash + 1 == end ? 0 : detail::value_escape(backslash[1]);
    *next++ = decoded != 0 ? decoded : '\\';
    in = backslash + (decoded != 0 ? 2 : 1);
    backslash = detail::find_backslash(in, end);
  }
}

inline std::size_t unescape_value(std::string_view value, char* out) noexcept {
  const char* first = detail::find_backslash(value.data(), value.data() + value.size());
  return unescape_value(value, static_cast<std::size_t>(first - value.data()), out);
}

inline void append_unescaped_header(std::string& out, std::string_view field) {
  const std::size_t at = out.size();
  imperva_cef::detail::resize_for_overwrite(out, at + field.size());
  out.resize(at + unescape_header(field, out.data() + at));
}

inline void append_unescaped_value(std::string& out, std::string_view value) {
  const std::size_t at = out.size();
  imperva_cef::detail::resize_for_overwrite(out, at + value.size());
  out.resize(at + unescape_value(value, out.data() + at));
}

}  // namespace imperva_cef::cef
