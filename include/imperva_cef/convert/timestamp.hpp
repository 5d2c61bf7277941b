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

constexpr void put_two_digits(char*& out, std::int64_t value) noexcept {
  *out++ = digit_pairs[2 * value];
  *out++ = digit_pairs[2 * value + 1];
}

// "YYYY-MM-DD" of a day since 1970-01-01 (H. Hinnant's civil_from_days).
constexpr void format_date(std::int64_t days, char* out) noexcept {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
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
  constexpr std::int64_t ms_per_day = 86400000;
  std::int64_t days = ms / ms_per_day;
  std::int64_t in_day = ms % ms_per_day;
  if (in_day < 0) {
    in_day += ms_per_day;
    --days;
  }
  if (days != memo.day) {
    detail::format_date(days, memo.text);
    memo.day = days;
  }
  for (const char c : memo.text) *out++ = c;
  *out++ = 'T';
  detail::put_two_digits(out, in_day / 3600000);
  *out++ = ':';
  detail::put_two_digits(out, in_day / 60000 % 60);
  *out++ = ':';
  detail::put_two_digits(out, in_day / 1000 % 60);
  *out++ = '.';
  const std::int64_t millis = in_day % 1000;
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
