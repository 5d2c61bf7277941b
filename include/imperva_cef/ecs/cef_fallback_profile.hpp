// The `ecs` profile for CEF from any other vendor or product: the header as
// cef.* and every extension pair, decoded, as cef.extensions.<key>.
#pragma once

#include <array>

#include "conversions.hpp"
#include "field_path.hpp"
#include "key_map.hpp"
#include "line_parts.hpp"

namespace imperva_cef::ecs {

struct cef_fallback_profile {
  enum slot : int {
    version, vendor, product, device_version, event_class_id, name, severity, original, slot_count
  };

  // No key is mapped: every pair goes to cef.extensions.
  static constexpr key_map keys{std::array<key_entry, 0>{}};

  static constexpr std::array<line_source, 8> line_sources{{
      {line_part::cef_version, version},
      {line_part::device_vendor, vendor},
      {line_part::device_product, product},
      {line_part::device_version, device_version},
      {line_part::signature_id, event_class_id},
      {line_part::name, name},
      {line_part::severity, severity},
      {line_part::whole_line, original},
  }};

  static constexpr std::array<field_row, 10> fields{{
      {"cef.version", conversion::text, version},
      {"cef.device.vendor", conversion::text, vendor},
      {"cef.device.product", conversion::text, product},
      {"cef.device.version", conversion::text, device_version},
      {"cef.device.event_class_id", conversion::text, event_class_id},
      {"cef.name", conversion::text, name},
      {"cef.severity", conversion::text, severity},
      {"cef.extensions", conversion::unmapped_keys},
      {"event.kind", conversion::constant, no_slot, no_slot, "event"},
      {"event.original", conversion::text, original},
  }};
};
static_assert(fields_are_grouped(cef_fallback_profile::fields), "cef.* fields must be grouped by parent object");
static_assert(rows_are_complete(cef_fallback_profile::fields, cef_fallback_profile::slot_count),
              "every cef.* slot is read");

}  // namespace imperva_cef::ecs
