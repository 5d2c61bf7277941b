// Finds every occurrence of one byte in a range, in order: 16 bytes per step
// with SSE2 (always there on x86-64), memchr elsewhere. The lexer calls it
// once per '=' instead of calling memchr once per '='.
#pragma once

#include <cstdint>
#include <cstring>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define IMPERVA_CEF_SSE2 1
#endif

namespace imperva_cef::cef::detail {

class byte_scanner {
 public:
  byte_scanner(const char* begin, const char* end, char wanted) noexcept
      : block_(begin), end_(end), wanted_(wanted) {
#ifdef IMPERVA_CEF_SSE2
    pattern_ = _mm_set1_epi8(wanted);
    load(begin);
#endif
  }

  // The next occurrence, or nullptr.
  const char* next() noexcept {
#ifdef IMPERVA_CEF_SSE2
    while (mask_ == 0) {
      block_ += 16;
      if (block_ >= end_) return nullptr;
      load(block_);
    }
    const char* found = block_ + count_trailing_zeros(mask_);
    mask_ &= mask_ - 1;
    return found;
#else
    if (block_ >= end_) return nullptr;
    const void* found = std::memchr(block_, wanted_, static_cast<std::size_t>(end_ - block_));
    if (found == nullptr) {
      block_ = end_;
      return nullptr;
    }
    block_ = static_cast<const char*>(found) + 1;
    return static_cast<const char*>(found);
#endif
  }

 private:
#ifdef IMPERVA_CEF_SSE2
  static unsigned count_trailing_zeros(std::uint32_t mask) noexcept {
#if defined(__GNUC__)
    return static_cast<unsigned>(__builtin_ctz(mask));
#else
    unsigned n = 0;
    while ((mask & 1) == 0) mask >>= 1, ++n;
    return n;
#endif
  }

  // The block at p; the last one is copied so nothing past end_ is read.
  void load(const char* p) noexcept {
    __m128i bytes;
    const std::size_t left = static_cast<std::size_t>(end_ - p);
    if (left >= 16) {
      bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      mask_ = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, pattern_)));
    } else {
      char tail[16];
      std::memset(tail, wanted_ == 0 ? 1 : 0, sizeof tail);
      std::memcpy(tail, p, left);
      bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(tail));
      mask_ = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, pattern_)));
    }
  }

  __m128i pattern_;
  std::uint32_t mask_ = 0;
#endif
  const char* block_;
  const char* end_;
  char wanted_;
};

}  // namespace imperva_cef::cef::detail
