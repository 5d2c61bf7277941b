// What a table row says to do with the value(s) of its slot(s), and why a
// value was left out (recorded in event_scratch; the ecs profile publishes
// it as error.message, the sekoia profile does not).
#pragma once

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>

#include "../convert/ip.hpp"
#include "../convert/number.hpp"
#include "../convert/timestamp.hpp"
#include "../detail/always_inline.hpp"
#include "../detail/text_arena.hpp"
#include "../json/lenient.hpp"
#include "ascii.hpp"
#include "event_scratch.hpp"
#include "field_path.hpp"
#include "imperva_actions.hpp"
#include "item_lists.hpp"
#include "unmapped_keys.hpp"
#include "url_parts.hpp"
#include "value.hpp"

namespace imperva_cef::ecs {

enum class conversion : std::uint8_t {
  text,                 // as sent
  lowercase,            // ASCII lower case
  integer,              // signed 64-bit
  port,                 // integer 0..65535
  boolean,              // true/false, any case
  ip,                   // valid IPv4 or IPv6 only
  json_array,           // lenient JSON, arrays only
  comma_list,           // split on ',', empty items dropped
  geo_point,            // source = lat, second = lon
  timestamp_us,         // epoch ms -> ISO 8601 UTC, six fraction digits
  duration_ms,          // second - source, in ms, with a fraction ("2.0")
  tls_protocol,         // "TLSv1.2 CIPHER" -> "tls"
  tls_version,          // -> "1.2"
  tls_cipher,           // -> "CIPHER"
  connection_type,      // act -> ["connection", outcome]
  reference_reason,     // act -> event.reason, the reference's spelling
  constant,             // the row's literal
  // added for the ecs profile
  number,               // decimal number
  timestamp_ms,         // epoch ms -> ISO 8601 UTC, three fraction digits; second when source is not one
  duration_ns,          // (second - source) ms in ns, an integer; left out when negative
  text_list,            // ','-separated items, blanks trimmed, empty items dropped: array
  ip_list,              // the same, valid IPs only
  integer_list,         // the same, integers only
  json_array_or_text,   // a lenient JSON array, else the text
  url_scheme,           // request's own scheme, else second (app) when http or https; lower case
  url_domain,           // host part of request
  url_port,             // port in request's host part
  url_path,             // request's path, without its query
  url_query,            // source (qstr), else the query written in second (request)
  url_full,             // scheme://request?query: source = request, second = qstr, third = app
  related_ips,          // distinct valid IPs of source, second (a list) and third
  related_hosts,        // distinct source and the host of second (request)
  event_kind,           // header name -> "event" when it is Normal, else "alert"
  ecs_connection_type,  // act -> ["connection", outcome], REQ_ALL_IPS_DOWN an error
  corrected_reason,     // act -> event.reason, spelling fixed
  constant_json,        // the row's literal, a JSON text
  unmapped_keys,        // the extension pairs no row reads, as an object
  failures,             // why values were left out: an array of messages; the last row
};

constexpr std::string_view conversion_name(conversion how) noexcept {
  switch (how) {
    case conversion::text: return "text";
    case conversion::lowercase: return "lowercase";
    case conversion::integer: return "integer";
    case conversion::port: return "port";
    case conversion::boolean: return "boolean";
    case conversion::ip: return "ip";
    case conversion::json_array: return "json_array";
    case conversion::comma_list: return "comma_list";
    case conversion::geo_point: return "geo_point";
    case conversion::timestamp_us: return "timestamp_us";
    case conversion::duration_ms: return "duration_ms";
    case conversion::tls_protocol: return "tls_protocol";
    case conversion::tls_version: return "tls_version";
    case conversion::tls_cipher: return "tls_cipher";
    case conversion::connection_type: return "connection_type";
    case conversion::reference_reason: return "reference_reason";
    case conversion::constant: return "constant";
    case conversion::number: return "number";
    case conversion::timestamp_ms: return "timestamp_ms";
    case conversion::duration_ns: return "duration_ns";
    case conversion::text_list: return "text_list";
    case conversion::ip_list: return "ip_list";
    case conversion::integer_list: return "integer_list";
    case conversion::json_array_or_text: return "json_array_or_text";
    case conversion::url_scheme: return "url_scheme";
    case conversion::url_domain: return "url_domain";
    case conversion::url_port: return "url_port";
    case conversion::url_path: return "url_path";
    case conversion::url_query: return "url_query";
    case conversion::url_full: return "url_full";
    case conversion::related_ips: return "related_ips";
    case conversion::related_hosts: return "related_hosts";
    case conversion::event_kind: return "event_kind";
    case conversion::ecs_connection_type: return "ecs_connection_type";
    case conversion::corrected_reason: return "corrected_reason";
    case conversion::constant_json: return "constant_json";
    case conversion::unmapped_keys: return "unmapped_keys";
    case conversion::failures: return "failures";
  }
  return "unknown";
}

inline constexpr int no_slot = -1;

struct field_row {
  field_path path;
  conversion how;
  int source = no_slot;
  int second = no_slot;
  std::string_view literal = {};
  int third = no_slot;  // after literal, so rows without it stay short
};

// True when every slot below slot_count feeds some row, and a failures row,
// if any, comes last (it gathers what the rows before it left out).
template <std::size_t N>
constexpr bool rows_are_complete(const std::array<field_row, N>& rows, int slot_count) noexcept {
  for (std::size_t i = 0; i + 1 < N; ++i) {
    if (rows[i].how == conversion::failures) return false;
  }
  for (int slot = 0; slot < slot_count; ++slot) {
    bool read = false;
    for (const field_row& row : rows) read = read || row.source == slot || row.second == slot || row.third == slot;
    if (!read) return false;
  }
  return true;
}

namespace detail {

inline std::string_view lowercase(std::string_view text, imperva_cef::detail::text_arena& arena) {
  char* out = arena.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) out[i] = ascii_lower(text[i]);
  return arena.commit(text.size());
}

// The pieces one after the other, in the arena.
inline std::string_view concatenate(std::initializer_list<std::string_view> pieces,
                                    imperva_cef::detail::text_arena& arena) {
  std::size_t size = 0;
  for (const std::string_view piece : pieces) size += piece.size();
  char* const begin = arena.reserve(size);
  char* out = begin;
  for (const std::string_view piece : pieces) {
    if (piece.empty()) continue;  // its data() may be null
    std::memcpy(out, piece.data(), piece.size());
    out += piece.size();
  }
  return arena.commit(size);
}

inline value text_value(std::string_view text) noexcept {
  value v;
  if (!text.empty()) {
    v.type = value::kind::text;
    v.text = text;
  }
  return v;
}

inline value connection_type_value(connection_outcome outcome) noexcept {
  value v;
  v.type = value::kind::connection_type;
  v.text = outcome_name(outcome);
  v.second_text = connection_type_json(outcome);
  return v;
}

inline value raw_json_value(std::string_view json_text) noexcept {
  value v;
  if (!json_text.empty()) {
    v.type = value::kind::raw_json;
    v.text = json_text;
  }
  return v;
}

// A header array (lenient JSON) as compact JSON (raw itself when it already
// is that, else in event_scratch::json), empty when it has no items (left
// out, like empty strings); nothing when raw is not one.
inline std::optional<std::string_view> compact_json_array(std::string_view raw, event_scratch& scratch) {
  const auto json = json::lenient_array_to_json(raw, scratch.json, scratch.decoded);
  if (json && *json == "[]") return std::string_view{};
  return json;
}

// True when text is a number in to_chars' shortest form within
// [-limit, limit] (limit < 1000), told from the text without converting it.
constexpr bool is_plain_decimal_within(std::string_view text, int limit) noexcept {
  if (!convert::is_shortest_decimal(text)) return false;
  std::size_t i = text[0] == '-' ? 1 : 0;
  int integer = 0;  // at most three digits
  for (; i < text.size() && text[i] != '.'; ++i) integer = integer * 10 + (text[i] - '0');
  return integer < limit || (integer == limit && i == text.size());
}

// The time in raw formatted, once per event for each view (and again only if
// another precision is asked for). Inline: its caller's value is then built
// in place, not returned and copied.
IMPERVA_CEF_ALWAYS_INLINE value cached_timestamp(std::string_view raw, convert::fraction digits,
                                                 imperva_cef::detail::text_arena& arena, event_scratch& scratch) {
  event_scratch::time_read& time = scratch.time(raw);
  if (!time.ms) return {};
  const bool microseconds = digits == convert::fraction::microseconds;
  if (time.text.empty() || time.microseconds != microseconds) {
    char* const out = arena.reserve(sizeof(convert::iso8601_text::bytes));
    time.text = arena.commit(static_cast<std::size_t>(convert::write_epoch_ms(*time.ms, digits, scratch.dates, out) - out));
    time.microseconds = microseconds;
  }
  return text_value(time.text);
}

// scheme in lower case, "://", request and, when query is not empty, '?' and
// query: written into the arena in one piece, not built from parts.
inline std::string_view url_with_scheme(std::string_view scheme, std::string_view request, std::string_view query,
                                        imperva_cef::detail::text_arena& arena) {
  const std::size_t size = scheme.size() + 3 + request.size() + (query.empty() ? 0 : 1 + query.size());
  char* out = arena.reserve(size);
  for (const char c : scheme) *out++ = ascii_lower(c);
  std::memcpy(out, "://", 3);
  std::memcpy(out + 3, request.data(), request.size());
  out += 3 + request.size();
  if (!query.empty()) {
    *out++ = '?';
    std::memcpy(out, query.data(), query.size());
  }
  return arena.commit(size);
}

// app as a scheme when it is a web one, in lower case (a constant, not a
// copy), else empty.
constexpr std::string_view web_scheme(std::string_view app) noexcept {
  if (equal_ignoring_case(app, "https")) return "https";
  return equal_ignoring_case(app, "http") ? "http" : std::string_view{};
}

// request's own scheme (as written), else app's web scheme.
constexpr std::string_view url_scheme(const url_parts& parts, std::string_view app) noexcept {
  return parts.scheme.empty() ? web_scheme(app) : parts.scheme;
}

}  // namespace detail

// Rows whose value is their slot or their literal as it is: the commonest
// rows, written without building a value (see write_row).
constexpr bool is_verbatim(conversion how) noexcept { return how == conversion::text || how == conversion::constant; }

// The value of row, whose conversion is How (row.how): a template parameter,
// so that each row compiles to its own case rather than a switch per row.
// Lists and objects view event_scratch::json, so write the value before
// converting the next row.
template <conversion How, std::size_t Slots>
value convert_field(const field_row& row, const std::array<std::string_view, Slots>& slots,
                    imperva_cef::detail::text_arena& arena, event_scratch& scratch) {
  static_assert(!is_verbatim(How), "verbatim rows are written as they are, by write_row");
  const auto slot = [&slots](int index) {
    return index >= 0 ? slots[static_cast<std::size_t>(index)] : std::string_view{};
  };
  const std::string_view raw = slot(row.source);
  // Leaves the field out; a value that was there but does not fit is recorded.
  const auto unfit = [&](std::string_view reason, std::string_view what) {
    if (!what.empty()) scratch.left_out(row.path, reason, what, arena);
    return value{};
  };
  value v;
  switch (How) {
    case conversion::text:
    case conversion::constant: break;  // verbatim: never converted
    case conversion::lowercase: return detail::text_value(detail::lowercase(raw, arena));
    case conversion::integer:
    case conversion::port:
      if (const auto n = convert::to_integer(raw)) {
        if (How == conversion::integer || (*n >= 0 && *n <= 65535)) {
          v.type = value::kind::integer;
          v.integer = *n;
          if (convert::is_shortest_integer(raw)) v.text = raw;
          return v;
        }
      }
      return unfit(How == conversion::port ? "not a port number" : "not an integer", raw);
    case conversion::boolean:
      if (const auto b = convert::to_boolean(raw)) {
        v.type = value::kind::boolean;
        v.flag = *b;
        return v;
      }
      return unfit("not a boolean", raw);
    case conversion::ip: return scratch.is_ip(raw) ? detail::text_value(raw) : unfit("not an IP address", raw);
    case conversion::json_array:
      if (raw.empty()) return v;
      if (const auto array = detail::compact_json_array(raw, scratch)) return detail::raw_json_value(*array);
      return unfit("not a JSON array", raw);
    case conversion::comma_list:
      if (raw.find_first_not_of(',') != std::string_view::npos) {
        v.type = value::kind::comma_list;
        v.text = raw;
      }
      return v;
    case conversion::geo_point: {
      const std::string_view lon_raw = slot(row.second);
      if (detail::is_plain_decimal_within(raw, 90) && detail::is_plain_decimal_within(lon_raw, 180)) {
        v.type = value::kind::geo_point;  // as text: converted only for a writer that wants doubles
        v.text = raw;
        v.second_text = lon_raw;
        return v;
      }
      const auto lat = convert::to_decimal(raw);
      const auto lon = convert::to_decimal(lon_raw);
      if (lat && lon && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180) {
        v.type = value::kind::geo_point;
        v.number = *lat;
        v.second = *lon;
        return v;
      }
      if (raw.empty() && lon_raw.empty()) return v;
      return unfit("not a latitude and longitude", detail::concatenate({raw, ",", lon_raw}, arena));
    }
    case conversion::timestamp_us:
      v = detail::cached_timestamp(raw, convert::fraction::microseconds, arena, scratch);
      return v.present() ? v : unfit("not a time in epoch milliseconds", raw);
    case conversion::duration_ms: {
      const auto start = scratch.time(raw).ms;
      const auto end = scratch.time(slot(row.second)).ms;
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
      return detail::text_value(detail::lowercase(scratch.tls_version_parts(raw).protocol, arena));
    case conversion::tls_version: {
      const std::string_view version = scratch.tls_version_parts(raw).version;
      return version.empty() ? unfit("not a TLS protocol and version", raw) : detail::text_value(version);
    }
    case conversion::tls_cipher: return detail::text_value(scratch.tls_version_parts(raw).cipher);
    case conversion::connection_type: return detail::connection_type_value(classify_action(raw, false));
    case conversion::reference_reason: {
      const action_reason* reason = reason_for_action(raw);
      return reason != nullptr ? detail::text_value(reason->reference) : v;
    }
    case conversion::number:
      if (convert::is_shortest_decimal(raw)) {
        v.type = value::kind::number;
        v.text = raw;
        return v;
      }
      if (const auto n = convert::to_decimal(raw)) {
        v.type = value::kind::number;
        v.number = *n;
        return v;
      }
      return unfit("not a number", raw);
    case conversion::timestamp_ms:
      v = detail::cached_timestamp(raw, convert::fraction::milliseconds, arena, scratch);
      if (!v.present()) v = detail::cached_timestamp(slot(row.second), convert::fraction::milliseconds, arena, scratch);
      return v.present() ? v : unfit("not a time in epoch milliseconds", raw.empty() ? slot(row.second) : raw);
    case conversion::duration_ns: {
      const auto start = scratch.time(raw).ms;
      const auto end = scratch.time(slot(row.second)).ms;
      if (!start || !end || *end < *start) return v;
      constexpr std::int64_t ns_per_ms = 1000000;
      if (*end - *start > std::numeric_limits<std::int64_t>::max() / ns_per_ms) {
        return unfit("end - start does not fit a long in nanoseconds", detail::concatenate({slot(row.second), " - ", raw}, arena));
      }
      v.type = value::kind::integer;
      v.integer = (*end - *start) * ns_per_ms;
      return v;
    }
    case conversion::text_list:
      if (!detail::same_view(raw, scratch.text_list.from)) {
        json_array_text list(scratch.text_list_json);
        for_each_item(raw, [&list](std::string_view item) { list.string(item); });
        scratch.text_list = {raw, list.finish()};
      }
      return detail::raw_json_value(scratch.text_list.json);
    case conversion::ip_list:
      scratch.items.clear();
      for_each_item(raw, [&](std::string_view item) {
        if (scratch.is_ip(item)) {
          scratch.items.push_back(item);
        } else {
          unfit("not an IP address", item);
        }
      });
      return detail::raw_json_value(plain_string_array(scratch.items, arena));
    case conversion::integer_list: {
      json_array_text list(scratch.json);
      for_each_item(raw, [&](std::string_view item) {
        if (const auto n = convert::to_integer(item)) {
          list.integer(*n);
        } else {
          unfit("not an integer", item);
        }
      });
      return detail::raw_json_value(list.finish());
    }
    case conversion::json_array_or_text:
      if (raw.empty()) return v;
      if (const auto array = detail::compact_json_array(raw, scratch)) return detail::raw_json_value(*array);
      return detail::text_value(raw);
    case conversion::url_scheme: {
      if (raw.empty()) return v;
      const url_parts& parts = scratch.request_parts(raw);
      return detail::text_value(parts.scheme.empty() ? detail::web_scheme(slot(row.second))
                                                     : detail::lowercase(parts.scheme, arena));
    }
    case conversion::url_domain: return detail::text_value(scratch.request_parts(raw).domain);
    case conversion::url_port: {
      const std::string_view port = scratch.request_parts(raw).port;
      if (const auto n = convert::to_integer(port); n && *n >= 0 && *n <= 65535) {
        v.type = value::kind::integer;
        v.integer = *n;
        return v;
      }
      return unfit("not a port number", port);
    }
    case conversion::url_path: return detail::text_value(scratch.request_parts(raw).path);
    case conversion::url_query:
      return detail::text_value(raw.empty() ? scratch.request_parts(slot(row.second)).query : raw);
    case conversion::url_full: {
      const url_parts& parts = scratch.request_parts(raw);
      const std::string_view scheme = detail::url_scheme(parts, slot(row.third));
      if (raw.empty() || scheme.empty()) return v;
      const std::string_view query = slot(row.second);
      const bool add_query = !query.empty() && raw.find('?') == std::string_view::npos;
      if (!parts.scheme.empty()) {
        return detail::text_value(add_query ? detail::concatenate({raw, "?", query}, arena) : raw);
      }
      return detail::text_value(detail::url_with_scheme(scheme, raw, add_query ? query : std::string_view{}, arena));
    }
    case conversion::related_ips: {
      scratch.items.clear();
      const auto add = [&scratch](std::string_view item) {
        if (scratch.is_ip(item)) scratch.items.push_back(item);
      };
      add(raw);
      for_each_item(slot(row.second), add);
      add(slot(row.third));
      sort_distinct(scratch.items);
      return detail::raw_json_value(plain_string_array(scratch.items, arena));
    }
    case conversion::related_hosts: {
      // Two hosts at most: one compare sorts them (an empty one first) and
      // tells a repeat, without sort_distinct; the writer writes them as an
      // array, not built as JSON text first.
      std::string_view first = raw;
      std::string_view last = scratch.request_parts(slot(row.second)).domain;
      if (last < first) std::swap(first, last);
      if (last.empty()) return v;  // and so is first
      v.type = value::kind::text_array;
      if (first.empty() || first == last) {
        v.text = last;
      } else {
        v.text = first;
        v.second_text = last;
      }
      return v;
    }
    case conversion::event_kind: return detail::text_value(raw == "Normal" ? "event" : "alert");
    case conversion::ecs_connection_type: return detail::connection_type_value(classify_action(raw, true));
    case conversion::corrected_reason: {
      const action_reason* reason = reason_for_action(raw);
      return reason != nullptr ? detail::text_value(reason->corrected) : v;
    }
    case conversion::constant_json: return detail::raw_json_value(row.literal);
    case conversion::unmapped_keys:
      return detail::raw_json_value(unmapped_object(scratch.unmapped, scratch.json, arena));
    case conversion::failures: {
      json_array_text list(scratch.json);
      for (const std::string_view message : scratch.failures) list.string(message);
      return detail::raw_json_value(list.finish());
    }
  }
  return v;
}

}  // namespace imperva_cef::ecs
