// N string views, all empty when made, for the collectors that are made once
// per line. A value-initialised std::array of views is cleared with `rep stos`
// by GCC (it expands fixed-size clears of a few hundred bytes that way), whose
// start-up on AMD cost imperva2ecs ~2 % of its time; here the views live in
// raw bytes cleared with 16-byte stores, which GCC keeps as they are.
#pragma once

#include <array>
#include <cstddef>
#include <new>
#include <string_view>
#include <utility>

#include "sse2.hpp"

namespace imperva_cef::detail {

template <std::size_t N>
class cleared_views {
 public:
  using array = std::array<std::string_view, N>;

  cleared_views() noexcept { clear(std::make_index_sequence<N>{}); }
  cleared_views(const cleared_views&) = delete;
  cleared_views& operator=(const cleared_views&) = delete;

  array& views() noexcept { return *std::launder(reinterpret_cast<array*>(bytes_)); }
  const array& views() const noexcept { return *std::launder(reinterpret_cast<const array*>(bytes_)); }

 private:
  template <std::size_t... I>
  void clear(std::index_sequence<I...>) noexcept {
#ifdef IMPERVA_CEF_SSE2
    // An empty view is all zero bits on x86-64; the bytes of an unsigned char
    // array may hold the array of views (an implicit-lifetime type).
    static_assert(sizeof(std::string_view) == 16, "a view is a pointer and a size");
    (_mm_store_si128(reinterpret_cast<__m128i*>(bytes_ + 16 * I), _mm_setzero_si128()), ...);
#else
    new (bytes_) array{};
#endif
  }

  alignas(16) unsigned char bytes_[sizeof(array)];
};

}  // namespace imperva_cef::detail
