// What a table row says to do with the raw value(s) of its slot(s).
#pragma once

#include <array>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

#include "../convert/ip.hpp"
#include "../convert/number.hpp"
#include "../convert/timestamp.hpp"
#include "../detail/text_arena.hpp"
#include "field_path.hpp"
#include "imperva_actions.hpp"
#include "value.hpp"

namespace imperva_cef::ecs {

enum class conversion : std::uint8_t {
  text,              // as sent
  lowercase,         // ASCII lower case
  integer,           // signed 64-bit
  port,              // integer 0..65535
  boolean,           // true/false, any case
  ip,                // valid IPv4 or IPv6 only
  json_array,        // lenient JSON, arrays only
  comma_list,        // split on ',', empty items dropped
  geo_point,         // source = lat, second = lon
  timestamp_us,      // epoch ms -> ISO 8601 UTC, six fraction digits
  duration_ms,       // second - source, in ms, with a fraction ("2.0")
  tls_protocol,      // "TLSv1.2 CIPHER" -> "tls"
  tls_version,       // -> "1.2"
  tls_cipher,        // -> "CIPHER"
  connection_type,   // act -> ["connection", outcome]
  reference_reason,  // act -> event.reason, the reference's spelling
  constant,          // the row's literal
};

inline constexpr int no_slot = -1;

struct field_row {
  field_path path;
  conversion how;
  int source = no_slot;
  int second = no_slot;
  std::string_view literal = {};
};

namespace detail {

struct tls_parts {
  std::string_view protocol, version, cipher;
};

// "<protocol>v<version> <cipher>"; nothing when there is no 'v'.
constexpr tls_parts split_tls(std::string_view ver) noexcept {
  const std::size_t v = ver.find('v');
  if (v == std::string_view::npos) return {};
  tls_parts parts;
  parts.protocol = ver.substr(0, v);
  const std::size_t space = ver.find(' ', v + 1);
  parts.version = ver.substr(v + 1, space == std::string_view::npos ? std::string_view::npos : space - v - 1);
  if (space != std::string_view::npos) {
    const std::string_view rest = ver.substr(space + 1);
    parts.cipher = rest.substr(0, rest.find(' '));
  }
  return parts;
}

inline std::string_view lowercase(std::string_view text, imperva_cef::detail::text_arena& arena) {
  char* out = arena.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  return arena.commit(text.size());
}

inline value text_value(std::string_view text) noexcept {
  value v;
  if (!text.empty()) {
    v.type = value::kind::text;
    v.text = text;
  }
  return v;
}

inline std::optional<std::int64_t> epoch_ms(std::string_view text) noexcept {
  const auto ms = convert::to_integer(text);
  if (!ms || *ms < convert::earliest_epoch_ms || *ms > convert::latest_epoch_ms) return std::nullopt;
  return ms;
}

}  // namespace detail

template <std::size_t Slots>
value convert_field(const field_row& row, const std::array<std::string_view, Slots>& slots,
                    imperva_cef::detail::text_arena& arena) {
  const std::string_view raw = row.source >= 0 ? slots[static_cast<std::size_t>(row.source)] : std::string_view{};
  value v;
  switch (row.how) {
    case conversion::text: return detail::text_value(raw);
    case conversion::lowercase: return detail::text_value(detail::lowercase(raw, arena));
    case conversion::integer:
    case conversion::port:
      if (const auto n = convert::to_integer(raw)) {
        if (row.how == conversion::integer || (*n >= 0 && *n <= 65535)) {
          v.type = value::kind::integer;
          v.integer = *n;
        }
      }
      return v;
    case conversion::boolean:
      if (const auto b = convert::to_boolean(raw)) {
        v.type = value::kind::boolean;
        v.flag = *b;
      }
      return v;
    case conversion::ip: return convert::is_ip(raw) ? detail::text_value(raw) : v;
    case conversion::json_array:
      if (!raw.empty() && json::is_lenient_array(raw)) {
        v.type = value::kind::lenient_array;
        v.text = raw;
      }
      return v;
    case conversion::comma_list:
      if (raw.find_first_not_of(',') != std::string_view::npos) {
        v.type = value::kind::comma_list;
        v.text = raw;
      }
      return v;
    case conversion::geo_point: {
      const auto lat = convert::to_decimal(raw);
      const auto lon = convert::to_decimal(slots[static_cast<std::size_t>(row.second)]);
      if (lat && lon && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180) {
        v.type = value::kind::geo_point;
        v.number = *lat;
        v.second = *lon;
      }
      return v;
    }
    case conversion::timestamp_us:
      if (const auto ms = detail::epoch_ms(raw)) {
        const auto text = convert::format_epoch_ms(*ms, convert::fraction::microseconds);
        return detail::text_value(arena.copy(std::string_view(text->bytes, text->size)));
      }
      return v;
    case conversion::duration_ms: {
      const auto start = detail::epoch_ms(raw);
      const auto end = detail::epoch_ms(slots[static_cast<std::size_t>(row.second)]);
      if (start && end) {
        char* out = arena.reserve(24);
        char* last = std::to_chars(out, out + 22, *end - *start).ptr;
        *last++ = '.';
        *last++ = '0';
        v.type = value::kind::raw_json;
        v.text = arena.commit(static_cast<std::size_t>(last - out));
      }
      return v;
    }
    case conversion::tls_protocol:
      return detail::text_value(detail::lowercase(detail::split_tls(raw).protocol, arena));
    case conversion::tls_version: return detail::text_value(detail::split_tls(raw).version);
    case conversion::tls_cipher: return detail::text_value(detail::split_tls(raw).cipher);
    case conversion::connection_type:
      v.type = value::kind::connection_type;
      v.text = outcome_name(classify_action(raw, false));
      return v;
    case conversion::reference_reason: {
      const action_reason* reason = reason_for_action(raw);
      return reason != nullptr ? detail::text_value(reason->reference) : v;
    }
    case conversion::constant: return detail::text_value(row.literal);
  }
  return v;
}

}  // namespace imperva_cef::ecs
