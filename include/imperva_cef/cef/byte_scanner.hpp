// Turns 64 bytes at a time into a bitmask of where one or two bytes occur
// (SSE2, always there on x86-64; a plain loop elsewhere). The lexer then pays
// per block and per set bit, not per byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "../detail/bits.hpp"
#include "../detail/sse2.hpp"

namespace imperva_cef::cef::detail {

// Bit i set when p[i] is `wanted` or `also`, for the 64 bytes at p.
inline std::uint64_t full_match_mask(const char* p, char wanted, char also) noexcept {
#ifdef IMPERVA_CEF_SSE2
  const __m128i wanted16 = _mm_set1_epi8(wanted), also16 = _mm_set1_epi8(also);
  const auto hits = [&](int i) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    return static_cast<std::uint32_t>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, wanted16), _mm_cmpeq_epi8(bytes, also16))));
  };
  return (std::uint64_t{hits(2) | hits(3) << 16} << 32) | (hits(0) | hits(1) << 16);
#else
  std::uint64_t mask = 0;
  for (unsigned i = 0; i < 64; ++i) {
    if (p[i] == wanted || p[i] == also) mask |= std::uint64_t{1} << i;
  }
  return mask;
#endif
}

// The same for the up to 64 bytes of data[pos, size). A short last block is
// read as the last 64 bytes of the range, overlapping the block before, and
// only a range shorter than 64 bytes is copied: nothing past the end is read.
inline std::uint64_t match_mask(const char* data, std::size_t pos, std::size_t size, char wanted,
                                char also) noexcept {
  const std::size_t left = size - pos;
  if (left >= 64) return full_match_mask(data + pos, wanted, also);
  if (size >= 64) return full_match_mask(data + size - 64, wanted, also) >> (64 - left);
  char tail[64] = {};
  std::memcpy(tail, data + pos, left);
  return full_match_mask(tail, wanted, also) & ((std::uint64_t{1} << left) - 1);
}

}  // namespace imperva_cef::cef::detail
