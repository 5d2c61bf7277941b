// CEF-decoded views for the ecs profile: a value without a backslash is its
// own decoding, so only values that hold one are decoded, into the arena.
#pragma once

#include <string_view>

#include "../cef/unescape.hpp"
#include "../detail/text_arena.hpp"

namespace imperva_cef::ecs {

inline std::string_view decoded_value(std::string_view raw, imperva_cef::detail::text_arena& arena) {
  if (raw.find('\\') == std::string_view::npos) return raw;
  char* out = arena.reserve(raw.size());
  return arena.commit(cef::unescape_value(raw, out));
}

inline std::string_view decoded_header(std::string_view raw, imperva_cef::detail::text_arena& arena) {
  if (raw.find('\\') == std::string_view::npos) return raw;
  char* out = arena.reserve(raw.size());
  return arena.commit(cef::unescape_header(raw, out));
}

}  // namespace imperva_cef::ecs
