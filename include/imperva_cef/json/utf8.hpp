// UTF-8 validation shared by the writers: every string that leaves the library
// is valid UTF-8, with each maximal invalid subpart replaced by U+FFFD.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace imperva_cef::json {

inline constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence starting at p (p < end, *p >= 0x80), or,
// negated, how many bytes form the maximal invalid subpart to replace (>= 1).
inline int utf8_sequence(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned char lead = *p;
  int length;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return -1;
  }
  int i = 1;
  for (; i < length; ++i) {
    if (p + i >= end) return -i;
    const unsigned char c = p[i];
    const unsigned char lo = i == 1 ? low : 0x80;
    const unsigned char hi = i == 1 ? high : 0xBF;
    if (c < lo || c > hi) return -i;
  }
  return length;
}

// Appends text to out with invalid UTF-8 replaced (no JSON escaping).
inline void append_utf8_repaired(std::string& out, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  const auto* run = p;
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const int n = utf8_sequence(p, end);
    if (n > 0) {
      p += n;
      continue;
    }
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
    out.append(replacement_character);
    p += -n;
    run = p;
  }
  out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
}

}  // namespace imperva_cef::json
