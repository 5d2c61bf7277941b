// A T in its value-initialised state, for the objects made once per line
// (slot arrays, a header). GCC clears a value-initialised object of more than
// ~128 bytes with `rep stos`, whose start-up on AMD cost imperva2ecs ~3 % of
// its time; here T lives in raw bytes cleared with 16-byte stores, which GCC
// keeps as they are.
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

#include "sse2.hpp"

namespace imperva_cef::detail {

// T must be value-initialised as all zero bits, as string views, integers,
// bools and aggregates of them are on x86-64, the only target with SSE2 here.
template <class T>
class zeroed {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                "T must be an implicit-lifetime type its bytes can hold");

 public:
  zeroed() noexcept { clear(std::make_index_sequence<blocks>{}); }
  zeroed(const zeroed&) = delete;
  zeroed& operator=(const zeroed&) = delete;

  T& get() noexcept { return *std::launder(reinterpret_cast<T*>(bytes_)); }
  const T& get() const noexcept { return *std::launder(reinterpret_cast<const T*>(bytes_)); }

 private:
  static constexpr std::size_t blocks = (sizeof(T) + 15) / 16;

  template <std::size_t... I>
  void clear(std::index_sequence<I...>) noexcept {
#ifdef IMPERVA_CEF_SSE2
    // The bytes of an unsigned char array may hold a T (an implicit-lifetime type).
    (_mm_store_si128(reinterpret_cast<__m128i*>(bytes_ + 16 * I), _mm_setzero_si128()), ...);
#else
    new (bytes_) T{};
#endif
  }

  alignas(16) unsigned char bytes_[16 * blocks];
};

}  // namespace imperva_cef::detail
