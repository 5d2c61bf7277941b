// The CEF lexer (SPEC section 2). It splits a line into header fields and
// extension key/value views and hands them to a handler; it copies nothing and
// knows nothing of Imperva or ECS. Linear in the line length on any input.
//
// Handler requirements:
//   void on_header(const imperva_cef::cef::header&);
//   void on_pair(std::string_view key, std::string_view value);  // raw value
// Both views lie in the extension, value after key and its '=': the bytes
// from key.data() to the end of value may be read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "../detail/zeroed.hpp"
#include "../error.hpp"
#include "byte_scanner.hpp"
#include "header.hpp"

namespace imperva_cef::cef {

namespace detail {

enum : unsigned char { key_byte = 1, key_start_byte = 2, blank_byte = 4 };

// Byte classes of the key grammar [A-Za-z0-9_][A-Za-z0-9_.,\[\]]* and of the
// blanks that end values: one load per byte tested.
struct byte_class_table {
  unsigned char classes[256] = {};
  constexpr byte_class_table() {
    for (int c = 0; c < 256; ++c) {
      const bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (start) classes[c] = key_byte | key_start_byte;
      if (c == '.' || c == ',' || c == '[' || c == ']') classes[c] = key_byte;
      if (c == ' ' || c == '\t') classes[c] = blank_byte;
    }
  }
};
inline constexpr byte_class_table byte_classes{};

constexpr bool is_key_start_char(unsigned char c) noexcept { return byte_classes.classes[c] & key_start_byte; }
constexpr bool is_key_char(unsigned char c) noexcept { return byte_classes.classes[c] & key_byte; }
constexpr bool is_blank(char c) noexcept { return byte_classes.classes[static_cast<unsigned char>(c)] & blank_byte; }

constexpr std::string_view trim_blanks(const char* begin, const char* end) noexcept {
  while (end > begin && is_blank(end[-1])) --end;
  while (begin < end && is_blank(*begin)) ++begin;
  return std::string_view(begin, static_cast<std::size_t>(end - begin));
}

constexpr std::string_view trim_blanks(std::string_view text) noexcept {
  return trim_blanks(text.data(), text.data() + text.size());
}

// Bit i set when p[i] is not a key byte, for the 16 bytes at p.
inline std::uint32_t non_key_bytes(const char* p) noexcept {
#ifdef IMPERVA_CEF_SSE2
  // Key bytes are the ranges 0x2C-0x39 and 0x41-0x7A less '-', '/', backslash,
  // '^' and '`'. A wrapping add moves a range to the top of the signed bytes
  // and a saturating subtract leaves just the bytes outside it negative: only
  // sign bits matter. OR-ing 2 folds '-' onto '/' and backslash onto '^', so
  // three compares exclude five bytes.
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const auto outside = [bytes](int low, int high) {
    const __m128i shifted = _mm_add_epi8(bytes, _mm_set1_epi8(static_cast<char>(0x7F - high)));
    return _mm_subs_epi8(shifted, _mm_set1_epi8(static_cast<char>(0x80 - (high - low + 1))));
  };
  const __m128i paired = _mm_or_si128(bytes, _mm_set1_epi8(2));
  const __m128i excluded = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(paired, _mm_set1_epi8('/')),
                                                     _mm_cmpeq_epi8(paired, _mm_set1_epi8('^'))),
                                        _mm_cmpeq_epi8(bytes, _mm_set1_epi8('`')));
  const __m128i non_keys = _mm_or_si128(excluded, _mm_and_si128(outside(0x2C, 0x39), outside(0x41, 0x7A)));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(non_keys));
#else
  std::uint32_t mask = 0;
  for (unsigned i = 0; i < 16; ++i) {
    if (!is_key_char(static_cast<unsigned char>(p[i]))) mask |= 1u << i;
  }
  return mask;
#endif
}

// Where the key before each '=' of the extension starts, if it is one: the run
// of key bytes before '=' is found sixteen bytes at a time, backwards. A run
// stops at the previous '=' at the latest, so all look-ups for one line
// together stay linear.
class key_runs {
 public:
  explicit key_runs(std::string_view extension) noexcept : begin_(extension.data()) {
    if (extension.size() >= 16) {
      head_ = non_key_bytes(begin_);
    } else {
      // Copied so nothing past the end is read; find_key() never looks at the filler.
      char head[16] = {};
      extension.copy(head, sizeof head);
      head_ = non_key_bytes(head);
    }
  }

  // Whether a key ends at the '=' at offset `equals`; if so, sets key to where it starts.
  bool find_key(std::size_t equals, std::size_t& key) const noexcept {
    if (equals >= 16) {
      const std::uint32_t non_key = non_key_bytes(begin_ + equals - 16);
      // The run starts after its last non-key byte, so at offset 1 or later.
      if (non_key != 0) return checked(equals - 15 + imperva_cef::detail::highest_bit(non_key), key);
    }
    return find_long_key(equals, key);
  }

 private:
  // A key starts with a key-start byte (so not at '=') right after a blank.
  bool checked(std::size_t run, std::size_t& key) const noexcept {
    key = run;
    return is_blank(begin_[run - 1]) && is_key_start_char(static_cast<unsigned char>(begin_[run]));
  }

  // A run longer than 16 bytes, or one in the first 16: rare.
  bool find_long_key(std::size_t end, std::size_t& key) const noexcept {
    if (end >= 16) {
      for (end -= 16; end >= 16; end -= 16) {
        const std::uint32_t non_key = non_key_bytes(begin_ + end - 16);
        if (non_key != 0) return checked(end - 15 + imperva_cef::detail::highest_bit(non_key), key);
      }
    }
    const std::uint32_t non_key = head_ & ((1u << end) - 1);
    if (non_key != 0) return checked(imperva_cef::detail::highest_bit(non_key) + 1, key);
    key = 0;
    return is_key_start_char(static_cast<unsigned char>(begin_[0]));
  }

  const char* begin_;
  std::uint32_t head_;  // non_key_bytes() of the first 16 bytes
};

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
  // Most lines start with the marker; others (after a syslog prefix) are searched.
  const std::size_t marker = line.size() >= 4 && std::memcmp(line.data(), "CEF:", 4) == 0 ? 0 : line.find("CEF:");
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
  // Only '|' and '\\' matter here; the byte after a backslash never ends a field.
  const char* const data = line.data();
  std::size_t field = 0, escaped_until = 0;
  bool escapes = false;
  for (std::size_t block = pos; field < 6 && block < line.size(); block += 64) {
    std::uint64_t stops = detail::match_mask(data, block, line.size(), '|', '\\');
    for (; stops != 0 && field < 6; stops &= stops - 1) {
      const std::size_t at = block + imperva_cef::detail::lowest_bit(stops);
      if (at < escaped_until) continue;
      if (data[at] == '\\') {
        escapes = true;
        escaped_until = at + 2;
        continue;
      }
      *fields[field++] = std::string_view(data + pos, at - pos);
      pos = at + 1;
    }
  }
  if (field < 6) return {errc::incomplete_header, line.size()};
  out.has_escapes = escapes;
  out.extension = std::string_view(data + pos, line.size() - pos);
  return {};
}

// Calls handler.on_pair(key, value) for every extension pair, in order.
// A key is [A-Za-z0-9_][A-Za-z0-9_.,\[\]]* directly before '=', and starts at
// the start of the extension or right after a space or tab; every other byte
// belongs to the current value.
template <class Handler>
void lex_extension(std::string_view extension, Handler& handler) {
  const char* const begin = extension.data();
  const std::size_t size = extension.size();
  const detail::key_runs key_runs(extension);
  std::string_view pending_key;
  const char* value_begin = nullptr;

  for (std::size_t block = 0; block < size; block += 64) {
    std::uint64_t equals_signs = detail::match_mask(begin, block, size, '=', '=');
    for (; equals_signs != 0; equals_signs &= equals_signs - 1) {
      const std::size_t equals = block + imperva_cef::detail::lowest_bit(equals_signs);
      std::size_t key;
      if (!key_runs.find_key(equals, key)) continue;

      if (value_begin != nullptr) {
        // The value ends at the blank before this key, so *value_begin can be
        // read (it is that blank if the value is empty) and, if it is no blank,
        // so can value_end[-1]. Most values have no blank at either end; one
        // compare per end finds them, as no byte above ' ' is a blank.
        const char* const value_end = begin + key - 1;
        std::string_view value(value_begin, static_cast<std::size_t>(value_end - value_begin));
        if (static_cast<unsigned char>(*value_begin) <= ' ' || static_cast<unsigned char>(value_end[-1]) <= ' ') {
          value = detail::trim_blanks(value_begin, value_end);
        }
        handler.on_pair(pending_key, value);
      }
      pending_key = std::string_view(begin + key, equals - key);
      value_begin = begin + equals + 1;
    }
  }
  if (value_begin != nullptr) handler.on_pair(pending_key, detail::trim_blanks(value_begin, begin + size));
}

// Header, then extension pairs. Returns the line error, if any, before calling
// the handler at all.
template <class Handler>
parse_result lex(std::string_view line, Handler& handler) {
  imperva_cef::detail::zeroed<header> storage;
  header& fields = storage.get();
  const parse_result result = lex_header(line, fields);
  if (!result) return result;
  handler.on_header(fields);
  lex_extension(fields.extension, handler);
  return result;
}

}  // namespace imperva_cef::cef
