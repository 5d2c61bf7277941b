// The `sekoia` profile (SPEC section 3): reproduces the reference documents,
// quirks included. Values are raw, as written in the log. To map another key,
// add a slot, a key row and a field row.
#pragma once

#include <array>

#include "conversions.hpp"
#include "key_map.hpp"

namespace imperva_cef::ecs {

struct sekoia_profile {
  enum slot : int {
    device_facility, request_headers, xff, response_headers, file_id, js_support,
    cookie_support, captcha_support, visitor_id, dproc, attack_type, attack_id,
    rule_additional_info, rule_names, user_agent, user_agent_name, country, city, latitude,
    longitude, request, query, referrer, method, status_code, bytes_in, request_id, app,
    source_port, source_ip, tls, action, start, end, slot_count
  };

  static constexpr key_map keys{std::array<key_entry, slot_count>{{
      {"deviceFacility", device_facility},
      {"additionalReqHeaders", request_headers},
      {"xff", xff},
      {"additionalResHeaders", response_headers},
      {"fileId", file_id},
      {"cs2", js_support},
      {"cs3", cookie_support},
      {"cs1", captcha_support},
      {"cs4", visitor_id},
      {"dproc", dproc},
      {"filetype", attack_type},
      {"filepermission", attack_id},
      {"cs11", rule_additional_info},
      {"cs9", rule_names},
      {"requestClientApplication", user_agent},
      {"cs6", user_agent_name},
      {"ccode", country},
      {"cicode", city},
      {"cs7", latitude},
      {"cs8", longitude},
      {"request", request},
      {"qstr", query},
      {"ref", referrer},
      {"requestMethod", method},
      {"cn1", status_code},
      {"in", bytes_in},
      {"deviceExternalId", request_id},
      {"app", app},
      {"cpt", source_port},
      {"src", source_ip},
      {"ver", tls},
      {"act", action},
      {"start", start},
      {"end", end},
  }}};

  // Output order: grouped by object, as the reference documents are.
  static constexpr std::array<field_row, 43> fields{{
      {"imperva.pop", conversion::text, device_facility},
      {"imperva.request.headers", conversion::json_array, request_headers},
      {"imperva.request.x_forwarded_for", conversion::text, xff},
      {"imperva.response.headers", conversion::json_array, response_headers},
      {"imperva.session.id", conversion::integer, file_id},
      {"imperva.client.js_support", conversion::boolean, js_support},
      {"imperva.client.cookie_support", conversion::boolean, cookie_support},
      {"imperva.client.captcha_support", conversion::text, captcha_support},
      {"imperva.visitor.id", conversion::text, visitor_id},
      {"imperva.user_agent.type", conversion::text, dproc},
      {"imperva.attack.type", conversion::text, attack_type},
      {"imperva.attack.id", conversion::text, attack_id},
      {"imperva.rule.names", conversion::comma_list, rule_names},
      {"imperva.rule.additional_info", conversion::text, rule_additional_info},
      {"user_agent.original", conversion::text, user_agent},
      {"user_agent.name", conversion::text, user_agent_name},
      {"client.geo.country_iso_code", conversion::text, country},
      {"client.geo.city_name", conversion::text, city},
      {"client.geo.location", conversion::geo_point, latitude, longitude},
      {"url.full", conversion::text, request},
      {"url.original", conversion::text, request},
      {"url.query", conversion::text, query},
      {"http.request.referrer", conversion::text, referrer},
      {"http.request.method", conversion::text, method},
      {"http.request.bytes", conversion::integer, bytes_in},
      {"http.request.id", conversion::text, request_id},
      {"http.response.status_code", conversion::integer, status_code},
      {"network.protocol", conversion::lowercase, app},
      {"source.port", conversion::port, source_port},
      {"source.ip", conversion::ip, source_ip},
      {"tls.version_protocol", conversion::tls_protocol, tls},
      {"tls.version", conversion::tls_version, tls},
      {"tls.cipher", conversion::tls_cipher, tls},
      {"event.action", conversion::text, action},
      {"event.start", conversion::timestamp_us, start},
      {"event.end", conversion::timestamp_us, end},
      {"event.duration", conversion::duration_ms, start, end},
      {"event.kind", conversion::constant, no_slot, no_slot, "event"},
      {"event.category", conversion::constant, no_slot, no_slot, "network"},
      {"event.type", conversion::connection_type, action},
      {"event.reason", conversion::reference_reason, action},
      {"rule.name", conversion::text, rule_names},
      {"@timestamp", conversion::timestamp_us, start},
  }};
};
static_assert(fields_are_grouped(sekoia_profile::fields), "sekoia fields must be grouped by parent object");

}  // namespace imperva_cef::ecs
