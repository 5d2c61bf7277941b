// Strict IPv4 (dotted quad, no leading zeros) and IPv6 (RFC 4291 text forms,
// with an embedded IPv4 tail, no zone) recognition, the same on every platform.
#pragma once

#include <string_view>

namespace imperva_cef::convert {

namespace detail {

constexpr int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace detail

constexpr bool is_ipv4(std::string_view text) noexcept {
  int octets = 0;
  std::size_t i = 0;
  while (true) {
    const std::size_t begin = i;
    int value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - begin < 3) {
      value = value * 10 + (text[i] - '0');
      ++i;
    }
    const std::size_t length = i - begin;
    if (length == 0 || value > 255 || (length > 1 && text[begin] == '0')) return false;
    if (++octets == 4) return i == text.size();
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
    while (i < text.size() && detail::hex_digit(text[i]) >= 0 && i - begin < 4) ++i;
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
