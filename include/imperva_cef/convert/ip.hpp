// Strict IPv4 (dotted quad, no leading zeros) and IPv6 (RFC 4291 text forms,
// with an embedded IPv4 tail, no zone) recognition, the same on every platform.
#pragma once

#include <array>
#include <cstddef>
#include <cstring>
#include <string_view>

#include "../detail/sse2.hpp"

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

constexpr bool is_ipv4_by_octets(std::string_view text) noexcept {
  std::size_t i = 0;
  for (int octet = 1;; ++octet) {
    i = octet_end(text, i);
    if (i == std::string_view::npos) return false;
    if (octet == 4) return i == text.size();
    if (i == text.size() || text[i] != '.') return false;
    ++i;
  }
}

#ifdef IMPERVA_CEF_SSE2
// The same for text of 7 to 15 bytes, without a branch on the octets'
// lengths, which vary at random from one address to the next (each octet
// cost a mispredicted branch or two). Bit i of each mask stands for byte i of
// the text, copied into 16 zeroed bytes (zero is neither a digit nor a dot).
inline bool is_ipv4_by_masks(const char* text, std::size_t size) noexcept {
  char image[16] = {};
  if (size >= 8) {  // two overlapping moves, as size varies
    std::memcpy(image, text, 8);
    std::memcpy(image + size - 8, text + size - 8, 8);
  } else {
    std::memcpy(image, text, 4);
    std::memcpy(image + size - 4, text + size - 4, 4);
  }
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(image));
  const auto is = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  const auto above = [](__m128i v, char c) { return _mm_cmpgt_epi8(v, _mm_set1_epi8(c)); };
  const auto mask = [](__m128i v) { return static_cast<unsigned>(_mm_movemask_epi8(v)); };

  const __m128i from_zero = _mm_sub_epi8(bytes, _mm_set1_epi8('0'));
  const unsigned digits = mask(_mm_cmpeq_epi8(_mm_min_epu8(from_zero, _mm_set1_epi8(9)), from_zero));
  const unsigned dots = mask(is(bytes, '.'));
  const unsigned zeros = mask(is(bytes, '0'));
  // Where a three-digit number would exceed 255: its first digit is above
  // '2', or it is '2' and the next above '5', or "25" and the third above '5'.
  const __m128i second = _mm_srli_si128(bytes, 1), third = _mm_srli_si128(bytes, 2);
  const unsigned over_255 = mask(_mm_or_si128(
      above(bytes, '2'),
      _mm_and_si128(is(bytes, '2'), _mm_or_si128(above(second, '5'), _mm_and_si128(is(second, '5'), above(third, '5'))))));

  const unsigned octet_starts = digits & ~(digits << 1);
  const unsigned two_dots_cleared = dots & (dots - 1) & ((dots & (dots - 1)) - 1);
  const bool only_digits_and_dots = (digits | dots) == (1u << size) - 1;
  const bool three_dots = two_dots_cleared != 0 && (two_dots_cleared & (two_dots_cleared - 1)) == 0;
  // With three dots, none first, last or beside another, there are four octets.
  const bool no_empty_octet = ((dots & 1) | (dots >> (size - 1)) | (dots & (dots >> 1))) == 0;
  const bool at_most_three_digits = (digits & (digits >> 1) & (digits >> 2) & (digits >> 3)) == 0;
  const bool no_leading_zero = (zeros & octet_starts & (digits >> 1)) == 0;
  const bool at_most_255 = (over_255 & octet_starts & (digits >> 1) & (digits >> 2)) == 0;
  return only_digits_and_dots & three_dots & no_empty_octet & at_most_three_digits & no_leading_zero & at_most_255;
}
#endif

}  // namespace detail

inline bool is_ipv4(std::string_view text) noexcept {
#ifdef IMPERVA_CEF_SSE2
  return text.size() >= 7 && text.size() <= 15 && detail::is_ipv4_by_masks(text.data(), text.size());
#else
  return detail::is_ipv4_by_octets(text);
#endif
}

inline bool is_ipv6(std::string_view text) noexcept {
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

inline bool is_ip(std::string_view text) noexcept { return is_ipv4(text) || is_ipv6(text); }

}  // namespace imperva_cef::convert
