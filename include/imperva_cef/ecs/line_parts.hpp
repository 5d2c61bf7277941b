// The parts of a line outside the extension that ecs profile rows can read:
// the CEF header fields (decoded and trimmed) and the whole line (for
// event.original, only when options::keep_original asks for it).
#pragma once

#include <cstdint>
#include <string_view>

#include "../cef/header.hpp"

namespace imperva_cef::ecs {

enum class line_part : std::uint8_t {
  cef_version, device_vendor, device_product, device_version, signature_id, name, severity, whole_line
};

// A profile fills `slot` with `part` before its rows are written.
struct line_source {
  line_part part;
  int slot;
};

constexpr std::string_view header_field(const cef::header& header, line_part part) noexcept {
  switch (part) {
    case line_part::cef_version: return header.version;
    case line_part::device_vendor: return header.device_vendor;
    case line_part::device_product: return header.device_product;
    case line_part::device_version: return header.device_version;
    case line_part::signature_id: return header.signature_id;
    case line_part::name: return header.name;
    case line_part::severity: return header.severity;
    case line_part::whole_line: break;
  }
  return {};
}

constexpr std::string_view line_part_name(line_part part) noexcept {
  switch (part) {
    case line_part::cef_version: return "CEF version";
    case line_part::device_vendor: return "header Device Vendor";
    case line_part::device_product: return "header Device Product";
    case line_part::device_version: return "header Device Version";
    case line_part::signature_id: return "header Signature ID";
    case line_part::name: return "header Name";
    case line_part::severity: return "header Severity";
    case line_part::whole_line: return "the whole line (options::keep_original)";
  }
  return "";
}

}  // namespace imperva_cef::ecs
