// CEF-decoded views for the ecs profile: a value without a backslash is its
// own decoding, so only values that hold one are decoded, into the arena.
#pragma once

#include <string_view>

#include "../cef/unescape.hpp"
#include "../detail/text_arena.hpp"

namespace imperva_cef::ecs {

// Decodes the values of one extension, handed over in line order as the lexer
// finds them. Each backslash is searched for once, so a value without one
// (most are) costs a compare instead of a scan.
class extension_decoder {
 public:
  explicit extension_decoder(std::string_view extension) noexcept
      : next_(cef::detail::find_backslash(extension.data(), extension.data() + extension.size())),
        end_(extension.data() + extension.size()) {}

  std::string_view operator()(std::string_view raw, imperva_cef::detail::text_arena& arena) {
    // next_ is the first backslash after some point at or before raw, so a
    // value ending before it holds none: one compare for most values.
    if (next_ >= raw.data() + raw.size() || raw.empty()) return raw;
    if (next_ < raw.data()) {
      next_ = cef::detail::find_backslash(raw.data(), end_);
      if (next_ >= raw.data() + raw.size()) return raw;
    }
    char* out = arena.reserve(raw.size());
    return arena.commit(cef::unescape_value(raw, static_cast<std::size_t>(next_ - raw.data()), out));
  }

 private:
  const char* next_;  // the first backslash at or after the last value searched from, or end_
  const char* end_;
};

inline std::string_view decoded_header(std::string_view raw, imperva_cef::detail::text_arena& arena) {
  if (raw.find('\\') == std::string_view::npos) return raw;
  char* out = arena.reserve(raw.size());
  return arena.commit(cef::unescape_header(raw, out));
}

}  // namespace imperva_cef::ecs
