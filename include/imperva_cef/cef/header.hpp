// The seven CEF header fields as views into the line, still escaped.
#pragma once

#include <cstddef>
#include <string_view>

namespace imperva_cef::cef {

struct header {
  std::string_view version;  // decimal digits
  std::string_view device_vendor;
  std::string_view device_product;
  std::string_view device_version;
  std::string_view signature_id;
  std::string_view name;
  std::string_view severity;
  std::string_view extension;     // everything after the seventh '|'
  std::size_t record_offset = 0;  // where "CEF:" starts in the line
  bool has_escapes = false;       // some header field holds a backslash
};

}  // namespace imperva_cef::cef
