// Finding the bytes a JSON string cannot hold as they are, 16 at a time with
// SSE2 (always there on x86-64), 8 at a time elsewhere. Event values are
// mostly long plain runs (user agents, URLs, header arrays), so these loops
// carry the writer and the header-array reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define IMPERVA_CEF_JSON_SSE2 1
#endif

namespace imperva_cef::json::detail {

// Which bytes a scan stops at: '"', '\\' and controls below 0x20 always;
// non-ASCII bytes too when they need UTF-8 checking.
enum class stop_at { specials, specials_and_non_ascii };

// True when any of the 8 bytes is one the scan stops at.
template <stop_at Stops>
constexpr bool word_has_stop(std::uint64_t word) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const std::uint64_t quote = word ^ (ones * '"');
  const std::uint64_t backslash = word ^ (ones * '\\');
  // Each term sets a byte's high bit for its case; borrows only run from a
  // byte that is itself a hit, so a word without hits sets none.
  const std::uint64_t below_space = (word - ones * 0x20) & ~word;
  const std::uint64_t has_quote = (quote - ones) & ~quote;
  const std::uint64_t has_backslash = (backslash - ones) & ~backslash;
  const std::uint64_t non_ascii = Stops == stop_at::specials_and_non_ascii ? word : 0;
  return ((below_space | has_quote | has_backslash | non_ascii) & highs) != 0;
}

template <stop_at Stops>
constexpr bool is_stop(unsigned char c) noexcept {
  return c < 0x20 || c == '"' || c == '\\' || (Stops == stop_at::specials_and_non_ascii && c >= 0x80);
}

#ifdef IMPERVA_CEF_JSON_SSE2
// Bit i set when byte i of the 16 at p is a stop.
template <stop_at Stops>
inline unsigned stop_mask(const unsigned char* p) noexcept {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed: bytes >= 0x80 are negative, so one compare finds them and the controls.
  const __m128i low = Stops == stop_at::specials_and_non_ascii
                          ? _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20))
                          : _mm_cmpeq_epi8(_mm_min_epu8(bytes, _mm_set1_epi8(0x1f)), bytes);
  const __m128i quote = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(quote, backslash))));
}
#endif

// Length of the prefix of text[0, size) without stops.
template <stop_at Stops>
inline std::size_t stop_free_prefix(const unsigned char* text, std::size_t size) noexcept {
  std::size_t i = 0;
#ifdef IMPERVA_CEF_JSON_SSE2
  for (; i + 16 <= size; i += 16) {
    if (const unsigned mask = stop_mask<Stops>(text + i)) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i + 8 <= size; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text + i, sizeof word);
    if (word_has_stop<Stops>(word)) break;
  }
  while (i < size && !is_stop<Stops>(text[i])) ++i;
  return i;
}

// True when text[0, size) holds no stop: the overlapping loads that cover
// short texts never read outside them.
template <stop_at Stops>
inline bool is_stop_free(const unsigned char* text, std::size_t size) noexcept {
#ifdef IMPERVA_CEF_JSON_SSE2
  if (size >= 16) {
    for (std::size_t i = 0; i + 16 < size; i += 16) {
      if (stop_mask<Stops>(text + i) != 0) return false;
    }
    return stop_mask<Stops>(text + size - 16) == 0;
  }
#endif
  std::uint64_t word;
  if (size >= 8) {
    for (std::size_t i = 0; i + 8 < size; i += 8) {
      std::memcpy(&word, text + i, sizeof word);
      if (word_has_stop<Stops>(word)) return false;
    }
    std::memcpy(&word, text + size - 8, sizeof word);
  } else if (size >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, text, 4);
    std::memcpy(&tail, text + size - 4, 4);
    word = std::uint64_t{head} | std::uint64_t{tail} << 32;
  } else if (size > 0) {
    word = 0x6161616161000000ULL | text[0] | std::uint64_t{text[size / 2]} << 8 |
           std::uint64_t{text[size - 1]} << 16;  // 'a' fills the rest
  } else {
    return true;
  }
  return !word_has_stop<Stops>(word);
}

}  // namespace imperva_cef::json::detail
