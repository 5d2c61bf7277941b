// Positions of set bits in the masks the SIMD scans produce, with a plain
// loop where the compiler has no builtin.
#pragma once

#include <cstdint>

namespace imperva_cef::detail {

inline unsigned lowest_bit(std::uint64_t mask) noexcept {
#if defined(__GNUC__)
  return static_cast<unsigned>(__builtin_ctzll(mask));
#else
  unsigned n = 0;
  while ((mask & 1) == 0) mask >>= 1, ++n;
  return n;
#endif
}

inline unsigned highest_bit(std::uint32_t mask) noexcept {
#if defined(__GNUC__)
  return 31 ^ static_cast<unsigned>(__builtin_clz(mask));  // XOR, not minus: GCC then emits a lone bsr
#else
  unsigned n = 31;
  while ((mask >> n) == 0) --n;
  return n;
#endif
}

}  // namespace imperva_cef::detail
