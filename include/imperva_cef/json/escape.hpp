// JSON string escaping with UTF-8 repair: the string writer's inner loop.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "utf8.hpp"

namespace imperva_cef::json {

namespace detail {

// True when any of the 8 bytes is < 0x20, '"', '\\' or >= 0x80.
constexpr bool word_needs_attention(std::uint64_t word) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const std::uint64_t below_space = (word - ones * 0x20) & ~word;
  const std::uint64_t quote = word ^ (ones * '"');
  const std::uint64_t backslash = word ^ (ones * '\\');
  const std::uint64_t has_quote = (quote - ones) & ~quote;
  const std::uint64_t has_backslash = (backslash - ones) & ~backslash;
  return ((below_space | has_quote | has_backslash | word) & highs) != 0;
}

inline void append_escaped_ascii(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out.append("\\\""); return;
    case '\\': out.append("\\\\"); return;
    case '\n': out.append("\\n"); return;
    case '\r': out.append("\\r"); return;
    case '\t': out.append("\\t"); return;
    case '\b': out.append("\\b"); return;
    case '\f': out.append("\\f"); return;
    default: {
      constexpr char hex[] = "0123456789abcdef";
      const char escaped[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      out.append(escaped, sizeof escaped);
    }
  }
}

}  // namespace detail

// Appends text as a quoted JSON string.
inline void append_json_string(std::string& out, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  const auto* run = p;  // start of bytes that are copied unchanged
  out.push_back('"');
  while (p < end) {
    if (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, sizeof word);
      if (!detail::word_needs_attention(word)) {
        p += 8;
        continue;
      }
    }
    const unsigned char c = *p;
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++p;
      continue;
    }
    if (c >= 0x80) {
      const int n = utf8_sequence(p, end);
      if (n > 0) {
        p += n;
        continue;
      }
      out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
      out.append(replacement_character);
      p += -n;
    } else {
      out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
      detail::append_escaped_ascii(out, c);
      ++p;
    }
    run = p;
  }
  out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
  out.push_back('"');
}

}  // namespace imperva_cef::json
