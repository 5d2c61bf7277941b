// Imperva's `ver` ("TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256") split into the
// parts ECS keeps as tls.version_protocol, tls.version and tls.cipher.
#pragma once

#include <cstddef>
#include <string_view>

namespace imperva_cef::ecs {

struct tls_parts {
  std::string_view protocol, version, cipher;
};

// "<protocol>v<version> <cipher>"; nothing when there is no 'v'. The short
// parts before the cipher are scanned by hand.
constexpr tls_parts split_tls(std::string_view ver) noexcept {
  const char* const end = ver.data() + ver.size();
  const auto find = [end](const char* from, char c) {
    while (from != end && *from != c) ++from;
    return from;
  };
  const char* const v = find(ver.data(), 'v');
  if (v == end) return {};
  const char* const version_end = find(v + 1, ' ');
  tls_parts parts;
  parts.protocol = std::string_view(ver.data(), static_cast<std::size_t>(v - ver.data()));
  parts.version = std::string_view(v + 1, static_cast<std::size_t>(version_end - v - 1));
  if (version_end != end) {
    // The cipher runs to the end, ~30 bytes: memchr beats a byte loop there.
    const std::string_view rest(version_end + 1, static_cast<std::size_t>(end - version_end - 1));
    parts.cipher = rest.substr(0, rest.find(' '));
  }
  return parts;
}

}  // namespace imperva_cef::ecs
