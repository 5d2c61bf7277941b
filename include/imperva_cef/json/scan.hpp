// Finding the bytes a JSON string cannot hold as they are, 16 at a time with
// SSE2 (always there on x86-64), 8 at a time elsewhere. Event values are
// mostly long plain runs (user agents, URLs, header arrays), so these loops
// carry the writer and the header-array reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "../detail/bits.hpp"
#include "../detail/sse2.hpp"

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

#ifdef IMPERVA_CEF_SSE2
inline __m128i load16(const unsigned char* p) noexcept {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

// Bit i set when byte i of bytes is a stop.
template <stop_at Stops>
inline unsigned stop_mask(__m128i bytes) noexcept {
  // Signed: bytes >= 0x80 are negative, so one compare finds them and the controls.
  const __m128i low = Stops == stop_at::specials_and_non_ascii
                          ? _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20))
                          : _mm_cmpeq_epi8(_mm_min_epu8(bytes, _mm_set1_epi8(0x1f)), bytes);
  const __m128i quote = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(quote, backslash))));
}
#endif

// Length of the prefix of text[0, size) without stops. The bytes after the
// last whole block are checked as the text's last block, overlapping bytes
// known to be stop-free: most texts are done without a byte loop.
template <stop_at Stops>
inline std::size_t stop_free_prefix(const unsigned char* text, std::size_t size) noexcept {
  std::size_t i = 0;
#ifdef IMPERVA_CEF_SSE2
  if (size >= 16) {
    for (; i + 16 <= size; i += 16) {
      if (const unsigned mask = stop_mask<Stops>(load16(text + i))) return i + imperva_cef::detail::lowest_bit(mask);
    }
    if (i == size) return size;
    const unsigned mask = stop_mask<Stops>(load16(text + size - 16));
    return mask == 0 ? size : size - 16 + imperva_cef::detail::lowest_bit(mask);
  }
#endif
  const auto word_at = [text](std::size_t at) {
    std::uint64_t word;
    std::memcpy(&word, text + at, sizeof word);
    return word;
  };
  if (size >= 8) {
    for (; i + 8 <= size; i += 8) {
      if (word_has_stop<Stops>(word_at(i))) break;
    }
    if (i + 8 > size && i < size && !word_has_stop<Stops>(word_at(size - 8))) return size;
  } else if (size >= 4) {
    // Four to seven bytes: their first and last four as one word.
    std::uint32_t head, tail;
    std::memcpy(&head, text, sizeof head);
    std::memcpy(&tail, text + size - 4, sizeof tail);
    if (!word_has_stop<Stops>(std::uint64_t{head} | std::uint64_t{tail} << 32)) return size;
  }
  while (i < size && !is_stop<Stops>(text[i])) ++i;
  return i;
}

}  // namespace imperva_cef::json::detail
