// ASCII case, exactly: CEF labels and URL schemes are compared ignoring case,
// and nothing else is folded.
#pragma once

#include <cstddef>
#include <string_view>

namespace imperva_cef::ecs::detail {

constexpr char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

constexpr bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

}  // namespace imperva_cef::ecs::detail
