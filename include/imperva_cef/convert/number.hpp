// Text -> integer, decimal number and boolean, exactly as SPEC section 3
// defines them. No locale, no streams, no allocation.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <system_error>

namespace imperva_cef::convert {

namespace detail {

// The eight ASCII digits in word (the first in its lowest byte) as a number,
// or false when one of the bytes is not a digit.
inline bool eight_digits(std::uint64_t word, std::uint64_t& value) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  // Each byte's high nibble is 3, and stays 3 when 6 is added ('9' + 6 = '?').
  const std::uint64_t nibbles = (word & (ones * 0xF0)) | (((word + ones * 0x06) & (ones * 0xF0)) >> 4);
  if (nibbles != ones * 0x33) return false;
  std::uint64_t v = word - ones * '0';
  v = (v * 10 + (v >> 8)) & 0x00FF00FF00FF00FFULL;    // pairs of digits, 0..99 in 16 bits
  v = (v * 100 + (v >> 16)) & 0x0000FFFF0000FFFFULL;  // fours, 0..9999 in 32 bits
  value = (v & 0xFFFF) * 10000 + (v >> 32);
  return true;
}

}  // namespace detail

// Optional '-' and decimal digits, fitting a signed 64-bit integer. Written
// out because it runs for every numeric field: eight digits at a time, and
// up to 18 digits cannot overflow, so only shorter inputs (a byte at a time)
// and longer ones (with the exact range check) take the loop below.
inline std::optional<std::int64_t> to_integer(std::string_view text) noexcept {
  std::size_t i = text.size() > 0 && text[0] == '-' ? 1 : 0;
  const bool negative = i == 1;
  const std::size_t digits = text.size() - i;
  if (digits == 0) return std::nullopt;
  std::uint64_t magnitude = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (digits >= 8 && digits <= 18) {
    // Epoch milliseconds, ids, byte counts: two words, after the one or two
    // digits that 17 and 18 digits have beyond sixteen. The last eight digits
    // are one word; the rest (0 to 8) are loaded from their start and shifted
    // up, with '0's padding them in front.
    const std::size_t lead_digits = digits > 16 ? digits - 16 : 0;
    for (const std::size_t lead_end = i + lead_digits; i < lead_end; ++i) {
      const unsigned digit = static_cast<unsigned char>(text[i]) - unsigned{'0'};
      if (digit > 9) return std::nullopt;
      magnitude = magnitude * 10 + digit;
    }
    constexpr std::uint64_t zeros = 0x3030303030303030ULL;
    const std::size_t head_digits = digits - lead_digits - 8;
    std::uint64_t head_word, tail_word, head, tail;
    std::memcpy(&head_word, text.data() + i, sizeof head_word);
    std::memcpy(&tail_word, text.data() + text.size() - 8, sizeof tail_word);
    if (head_digits == 0) {
      head_word = zeros;
    } else if (head_digits < 8) {
      head_word = (head_word << (8 * (8 - head_digits))) | (zeros >> (8 * head_digits));
    }
    if (!detail::eight_digits(head_word, head) || !detail::eight_digits(tail_word, tail)) return std::nullopt;
    // At most 18 digits: below 10^18, far inside the range.
    magnitude = magnitude * 10000000000000000 + head * 100000000 + tail;
    return negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  }
#endif
  for (; i < text.size(); ++i) {
    const unsigned digit = static_cast<unsigned char>(text[i]) - unsigned{'0'};
    if (digit > 9) return std::nullopt;
    if (digits > 18 && magnitude > (UINT64_MAX - digit) / 10) return std::nullopt;
    magnitude = magnitude * 10 + digit;
  }
  constexpr std::uint64_t max_positive = INT64_MAX;
  if (magnitude > max_positive + (negative ? 1 : 0)) return std::nullopt;
  // Negating in unsigned arithmetic keeps INT64_MIN exact.
  return negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
}

// Optional '-', digits, optionally '.' and digits.
inline std::optional<double> to_decimal(std::string_view text) noexcept {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i > from;
  };
  if (!digits()) return std::nullopt;
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// True when text, already known to be an integer, is written as
// std::to_chars writes its value: no leading zeros, no "-0".
constexpr bool is_shortest_integer(std::string_view text) noexcept {
  const std::size_t first_digit = !text.empty() && text[0] == '-' ? 1 : 0;
  if (first_digit >= text.size()) return false;
  if (text[first_digit] != '0') return true;
  return text.size() == 1;
}

// True when text is exactly what std::to_chars writes for the double it
// reads as, so a writer may copy it instead of converting twice. Only the
// plain case is recognised: an optional '-', an integer part of one to three
// digits without a leading zero, an optional fraction not ending in '0', at
// most 15 digits in all (no other text of at most 15 digits reads as the
// same double, so none is shorter) and, after "0.", at most two zeros (with
// more, exponent notation would be shorter and to_chars would choose it).
constexpr bool is_shortest_decimal(std::string_view text) noexcept {
  std::size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  const std::size_t integer_begin = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  const std::size_t integer_digits = i - integer_begin;
  if (integer_digits == 0 || integer_digits > 3) return false;
  const bool zero = text[integer_begin] == '0';
  if (zero && integer_digits > 1) return false;
  if (i == text.size()) return true;
  if (text[i] != '.') return false;
  const std::size_t fraction_begin = ++i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  const std::size_t fraction_digits = i - fraction_begin;
  if (i != text.size() || fraction_digits == 0 || text.back() == '0') return false;
  if (integer_digits + fraction_digits > 15) return false;
  if (zero) {
    std::size_t zeros = 0;
    while (text[fraction_begin + zeros] == '0') ++zeros;
    if (zeros > 2) return false;
  }
  return true;
}

// "true" or "false" in any case.
inline std::optional<bool> to_boolean(std::string_view text) noexcept {
  const auto is = [text](std::string_view word) {
    if (text.size() != word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if ((text[i] | 0x20) != word[i]) return false;
    }
    return true;
  };
  if (is("true")) return true;
  if (is("false")) return false;
  return std::nullopt;
}

}  // namespace imperva_cef::convert
