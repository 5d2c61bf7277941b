// Strict IPv4 (dotted quad, no leading zeros) and IPv6 (RFC 4291 text forms,
// with an embedded IPv4 tail, no zone) recognition, the same on every platform.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace imperva_cef::convert {

namespace detail {

// Hex digits by byte: one load per character instead of three range checks.
inline constexpr auto hex_digits = [] {
  std::array<bool, 256> table{};
  for (const char* c = "0123456789abcdefABCDEF"; *c != '\0'; ++c) table[static_cast<unsigned char>(*c)] = true;
  return table;
}();

constexpr bool is_hex_digit(char c) noexcept { return hex_digits[static_cast<unsigned char>(c)]; }

// The digit text[at] stands for, or a value above 9 when it is none (or past the end).
constexpr unsigned digit_at(std::string_view text, std::size_t at) noexcept {
  return at < text.size() ? static_cast<unsigned>(static_cast<unsigned char>(text[at])) - '0' : 10;
}

// Where the octet starting at text[at] ends (1-3 digits, no leading zero,
// at most 255), or npos when there is none. Unrolled: an octet has three
// digits at most, so no loop counter is needed.
constexpr std::size_t octet_end(std::string_view text, std::size_t at) noexcept {
  const unsigned first = digit_at(text, at);
  if (first > 9) return std::string_view::npos;
  const unsigned second = digit_at(text, at + 1);
  if (second > 9) return at + 1;
  if (first == 0) return std::string_view::npos;
  const unsigned third = digit_at(text, at + 2);
  if (third > 9) return at + 2;
  return first * 100 + second * 10 + third <= 255 ? at + 3 : std::string_view::npos;
}

}  // namespace detail

constexpr bool is_ipv4(std::string_view text) noexcept {
  std::size_t i = 0;
  for (int octet = 1;; ++octet) {
    i = detail::octet_end(text, i);
    if (i == std::string_view::npos) return false;
    if (octet == 4) return i == text.size();
    if (i == text.size() || text[i] != '.') return false;
    ++i;
  }
}

constexpr bool is_ipv6(std::string_view text) noexcept {
  if (text.size() < 2) return false;
  int groups = 0;  // 16-bit groups written out (an IPv4 tail counts two)
  bool compressed = false;
  std::size_t i = 0;
  if (text[0] == ':') {
    if (text[1] != ':') return false;
    compressed = true;
    i = 2;
    if (i == text.size()) return true;  // "::"
  }
  while (i < text.size()) {
    const std::size_t begin = i;
    while (i < text.size() && detail::is_hex_digit(text[i]) && i - begin < 4) ++i;
    if (i < text.size() && text[i] == '.') {  // dotted IPv4 tail ends the address
      if (groups > 6 || !is_ipv4(text.substr(begin))) return false;
      groups += 2;
      i = text.size();
      break;
    }
    if (i == begin) return false;
    ++groups;
    if (i == text.size()) break;
    if (text[i] != ':') return false;
    ++i;
    if (i < text.size() && text[i] == ':') {
      if (compressed) return false;
      compressed = true;
      ++i;
      if (i == text.size()) break;
    } else if (i == text.size()) {
      return false;  // a single trailing ':'
    }
  }
  return compressed ? groups <= 7 : groups == 8;
}

constexpr bool is_ip(std::string_view text) noexcept { return is_ipv4(text) || is_ipv6(text); }

}  // namespace imperva_cef::convert
