// Epoch milliseconds -> ISO 8601 UTC text, by calendar arithmetic alone (no
// time zone database, no locale, no gmtime), for years 0001 to 9999.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "number.hpp"

namespace imperva_cef::convert {

inline constexpr std::int64_t earliest_epoch_ms = -62135596800000;  // 0001-01-01T00:00:00.000Z
inline constexpr std::int64_t latest_epoch_ms = 253402300799999;    // 9999-12-31T23:59:59.999Z

enum class fraction { milliseconds, microseconds };

// text as epoch milliseconds within the years 0001-9999, or nothing.
inline std::optional<std::int64_t> epoch_ms(std::string_view text) noexcept {
  const auto ms = to_integer(text);
  if (!ms || *ms < earliest_epoch_ms || *ms > latest_epoch_ms) return std::nullopt;
  return ms;
}

// "YYYY-MM-DDTHH:MM:SS.fffZ" (24 bytes) or "YYYY-MM-DDTHH:MM:SS.ffffffZ" (27).
struct iso8601_text {
  char bytes[28];
  std::size_t size;
};

namespace detail {
inline constexpr char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";
}  // namespace detail

// The last calendar date formatted. Events of one stream mostly fall on the
// same day, and the date is most of a timestamp's cost; keep one per thread.
struct date_memo {
  std::int64_t day = INT64_MIN;  // days since 1970-01-01
  char text[10] = {};            // "YYYY-MM-DD"
};

namespace detail {

constexpr void put_two_digits(char*& out, std::uint32_t value) noexcept {
  *out++ = digit_pairs[2 * value];
  *out++ = digit_pairs[2 * value + 1];
}

// "YYYY-MM-DD" of a day since 1970-01-01, years 0001-9999, by C. Neri and
// L. Schneider's calendar algorithm ("Euclidean affine functions and their
// application to calendar algorithms", 2022): 32-bit multiplications and
// shifts where civil_from_days divides in 64 bits.
constexpr void format_date(std::int64_t days, char* out) noexcept {
  // Days counted from 0000-03-01, plus 82 periods of 400 years (146097 days)
  // so that the count stays positive well before the year 0001.
  constexpr std::uint32_t periods = 82;
  const auto n = static_cast<std::uint32_t>(days + 719468 + 146097 * periods);
  const std::uint32_t n1 = 4 * n + 3;
  const std::uint32_t century = n1 / 146097;
  const std::uint64_t p2 = std::uint64_t{2939745} * ((n1 % 146097) | 3);
  const auto year_of_century = static_cast<std::uint32_t>(p2 >> 32);
  const std::uint32_t day_of_year = static_cast<std::uint32_t>(p2) / 2939745 / 4;  // from March 1st
  const std::uint32_t n3 = 2141 * day_of_year + 197913;
  const bool january_or_february = day_of_year >= 306;
  const std::uint32_t year = 100 * century + year_of_century - 400 * periods + (january_or_february ? 1 : 0);
  const std::uint32_t month = (n3 >> 16) - (january_or_february ? 12 : 0);
  const std::uint32_t day = (n3 & 0xFFFF) / 2141 + 1;
  // Two digits per step from a table: the divisions by 10 were most of the cost.
  put_two_digits(out, year / 100);
  put_two_digits(out, year % 100);
  *out++ = '-';
  put_two_digits(out, month);
  *out++ = '-';
  put_two_digits(out, day);
}

}  // namespace detail

// Writes ms, which must lie in [earliest_epoch_ms, latest_epoch_ms], at out
// (room for 27 bytes); returns the end of what it wrote.
constexpr char* write_epoch_ms(std::int64_t ms, fraction digits, date_memo& memo, char* out) noexcept {
  constexpr std::uint64_t ms_per_day = 86400000;
  // Counted from 0001-01-01, a whole day: unsigned, so no negative remainder to fix.
  constexpr std::int64_t days_before_1970 = -earliest_epoch_ms / static_cast<std::int64_t>(ms_per_day);
  static_assert(earliest_epoch_ms % static_cast<std::int64_t>(ms_per_day) == 0, "the earliest time starts a day");
  const auto since_earliest = static_cast<std::uint64_t>(ms - earliest_epoch_ms);
  const std::int64_t days = static_cast<std::int64_t>(since_earliest / ms_per_day) - days_before_1970;
  const auto in_day = static_cast<std::uint32_t>(since_earliest % ms_per_day);
  if (days != memo.day) {
    detail::format_date(days, memo.text);
    memo.day = days;
  }
  for (const char c : memo.text) *out++ = c;
  // Each unit from the one below it: one division apiece, in 32 bits.
  const std::uint32_t seconds = in_day / 1000;
  const std::uint32_t minutes = seconds / 60;
  const std::uint32_t hours = minutes / 60;
  const std::uint32_t millis = in_day - seconds * 1000;
  *out++ = 'T';
  detail::put_two_digits(out, hours);
  *out++ = ':';
  detail::put_two_digits(out, minutes - hours * 60);
  *out++ = ':';
  detail::put_two_digits(out, seconds - minutes * 60);
  *out++ = '.';
  *out++ = static_cast<char>('0' + millis / 100);
  detail::put_two_digits(out, millis % 100);
  if (digits == fraction::microseconds) {
    for (int i = 0; i < 3; ++i) *out++ = '0';
  }
  *out++ = 'Z';
  return out;
}

constexpr std::optional<iso8601_text> format_epoch_ms(std::int64_t ms, fraction digits, date_memo& memo) noexcept {
  if (ms < earliest_epoch_ms || ms > latest_epoch_ms) return std::nullopt;
  iso8601_text text{};
  text.size = static_cast<std::size_t>(write_epoch_ms(ms, digits, memo, text.bytes) - text.bytes);
  return text;
}

constexpr std::optional<iso8601_text> format_epoch_ms(std::int64_t ms, fraction digits) noexcept {
  date_memo memo;
  return format_epoch_ms(ms, digits, memo);
}

}  // namespace imperva_cef::convert
