// Imperva's `request` split into ECS url.* parts. Imperva writes the host and
// path without a scheme ("www.test.com/a/b.css"); other senders may add one
// ("https://example.com/login"). The query normally comes separately (qstr).
#pragma once

#include <string_view>

namespace imperva_cef::ecs {

struct url_parts {
  std::string_view scheme;  // as written, without "://"
  std::string_view domain;  // host; an IPv6 literal keeps its brackets, as ECS asks
  std::string_view port;    // text after the host's ':', unchecked
  std::string_view path;    // from the first '/' after the host, up to '?'
  std::string_view query;   // after the first '?'
};

namespace detail {

// RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
constexpr bool is_scheme(std::string_view text) noexcept {
  if (text.empty()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!alpha && (i == 0 || !other)) return false;
  }
  return true;
}

}  // namespace detail

constexpr url_parts split_request(std::string_view request) noexcept {
  url_parts parts;
  const std::size_t marker = request.find("://");
  if (marker != std::string_view::npos && detail::is_scheme(request.substr(0, marker))) {
    parts.scheme = request.substr(0, marker);
    request.remove_prefix(marker + 3);
  }
  const std::size_t question = request.find('?');
  if (question != std::string_view::npos) {
    parts.query = request.substr(question + 1);
    request = request.substr(0, question);
  }
  const std::size_t slash = request.find('/');
  std::string_view authority = request.substr(0, slash);
  if (slash != std::string_view::npos) parts.path = request.substr(slash);

  // The host starts after the last '@' (user info is not part of it). Found
  // with memchr: most authorities have no '@' and at most one ':'.
  if (authority.find('@') != std::string_view::npos) authority.remove_prefix(authority.rfind('@') + 1);
  std::size_t colon = std::string_view::npos;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close != std::string_view::npos && close + 1 < authority.size() && authority[close + 1] == ':') {
      colon = close + 1;
    }
  } else if (const std::size_t first_colon = authority.find(':');
             first_colon != std::string_view::npos && authority.find(':', first_colon + 1) == std::string_view::npos) {
    colon = first_colon;  // more than one: a bare IPv6 address, no port
  }
  if (colon != std::string_view::npos) {
    parts.port = authority.substr(colon + 1);
    authority = authority.substr(0, colon);
  }
  parts.domain = authority;
  return parts;
}

}  // namespace imperva_cef::ecs
