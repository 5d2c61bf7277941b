// The `ecs` profile for Imperva web protection events
// (`Incapsula|SIEMintegration`, SPEC section 4): decoded values, ECS types
// and categorisation, every key kept. To map another key, add a slot, a key
// row and a field row.
#pragma once

#include <array>
#include <string_view>

#include "conversions.hpp"
#include "custom_strings.hpp"
#include "field_path.hpp"
#include "key_map.hpp"
#include "line_parts.hpp"

namespace imperva_cef::ecs {

struct ecs_web_profile {
  static constexpr std::string_view vendor = "Incapsula";
  static constexpr std::string_view product = "SIEMintegration";

  enum slot : int {
    // extension keys
    site, site_id, account_id, account_tag, site_tag, customer, pop, session_id, source_ip,
    source_port, country, city, destination_ip, destination_port, app, xff, request, query,
    referrer, method, status_code, bytes_in, request_id, post_body, request_headers,
    response_headers, user_agent, dproc, tls, action, start, end, attack_types, attack_ids,
    // custom strings, found by their labels
    captcha_support, js_support, cookie_support, visitor_id, app_signature, user_agent_name,
    latitude, longitude, rule_names, rule_info, rule_additional_info,
    // line parts
    name, severity, original,
    slot_count
  };

  static constexpr key_map keys{with_custom_strings(std::array<key_entry, 34>{{
      {"sourceServiceName", site},
      {"siteid", site_id},
      {"suid", account_id},
      {"tag", account_tag},
      {"siteTag", site_tag},
      {"Customer", customer},
      {"deviceFacility", pop},
      {"fileId", session_id},
      {"src", source_ip},
      {"cpt", source_port},
      {"ccode", country},
      {"cicode", city},
      {"sip", destination_ip},
      {"spt", destination_port},
      {"app", app},
      {"xff", xff},
      {"request", request},
      {"qstr", query},
      {"ref", referrer},
      {"requestMethod", method},
      {"cn1", status_code},
      {"in", bytes_in},
      {"deviceExternalId", request_id},
      {"postbody", post_body},
      {"additionalReqHeaders", request_headers},
      {"additionalResHeaders", response_headers},
      {"requestClientApplication", user_agent},
      {"dproc", dproc},
      {"ver", tls},
      {"act", action},
      {"start", start},
      {"end", end},
      {"filetype", attack_types},
      {"filepermission", attack_ids},
  }})};

  static constexpr key_map custom_labels{std::array<key_entry, 11>{{
      {"Cap Support", captcha_support},
      {"Javascript Support", js_support},
      {"CO Support", cookie_support},
      {"VID", visitor_id},
      {"clappsig", app_signature},
      {"clapp", user_agent_name},
      {"latitude", latitude},
      {"longitude", longitude},
      {"Rule name", rule_names},
      {"Rule Info", rule_info},
      {"Rule Additional Info", rule_additional_info},
  }}};

  // Where Imperva puts each csN: read from there when the label is missing.
  static constexpr std::array<int, custom_string_count + 1> usual_custom_slots{{
      no_slot, captcha_support, js_support, cookie_support, visitor_id, app_signature,
      user_agent_name, latitude, longitude, rule_names, rule_info, rule_additional_info,
  }};

  static constexpr std::array<line_source, 3> line_sources{{
      {line_part::name, name},
      {line_part::severity, severity},
      {line_part::whole_line, original},
  }};

  // Output order: grouped by object; error.message last, as it gathers what
  // the rows before it left out.
  static constexpr std::array<field_row, 72> fields{{
      {"@timestamp", conversion::timestamp_ms, start, end},
      {"event.kind", conversion::event_kind, name},
      {"event.category", conversion::constant_json, no_slot, no_slot, R"(["network","web"])"},
      {"event.type", conversion::ecs_connection_type, action},
      {"event.action", conversion::text, action},
      {"event.reason", conversion::corrected_reason, action},
      {"event.severity", conversion::integer, severity},
      {"event.start", conversion::timestamp_ms, start},
      {"event.end", conversion::timestamp_ms, end},
      {"event.duration", conversion::duration_ns, start, end},
      {"event.module", conversion::constant, no_slot, no_slot, "imperva"},
      {"event.dataset", conversion::constant, no_slot, no_slot, "imperva.waf"},
      {"event.original", conversion::text, original},
      {"observer.vendor", conversion::constant, no_slot, no_slot, "Imperva"},
      {"observer.product", conversion::constant, no_slot, no_slot, "Cloud WAF"},
      {"observer.type", conversion::constant, no_slot, no_slot, "waf"},
      {"source.address", conversion::text, source_ip},
      {"source.ip", conversion::ip, source_ip},
      {"source.port", conversion::port, source_port},
      {"source.geo.country_iso_code", conversion::text, country},
      {"source.geo.city_name", conversion::text, city},
      {"source.geo.location", conversion::geo_point, latitude, longitude},
      {"destination.domain", conversion::text, site},
      {"destination.ip", conversion::ip, destination_ip},
      {"destination.port", conversion::port, destination_port},
      {"network.protocol", conversion::lowercase, app},
      {"network.forwarded_ip", conversion::ip_list, xff},
      {"url.original", conversion::text, request},
      {"url.scheme", conversion::url_scheme, request, app},
      {"url.domain", conversion::url_domain, request},
      {"url.port", conversion::url_port, request},
      {"url.path", conversion::url_path, request},
      {"url.query", conversion::url_query, query, request},
      {"url.full", conversion::url_full, request, query, {}, app},
      {"http.request.method", conversion::text, method},
      {"http.request.bytes", conversion::integer, bytes_in},
      {"http.request.id", conversion::text, request_id},
      {"http.request.referrer", conversion::text, referrer},
      {"http.request.body.content", conversion::text, post_body},
      {"http.response.status_code", conversion::integer, status_code},
      {"tls.version_protocol", conversion::tls_protocol, tls},
      {"tls.version", conversion::tls_version, tls},
      {"tls.cipher", conversion::tls_cipher, tls},
      {"user_agent.original", conversion::text, user_agent},
      {"user_agent.name", conversion::text, user_agent_name},
      {"rule.name", conversion::text_list, rule_names},
      {"organization.name", conversion::text, customer},
      {"related.ip", conversion::related_ips, source_ip, xff, {}, destination_ip},
      {"related.hosts", conversion::related_hosts, site, request},
      {"imperva.account.id", conversion::text, account_id},
      {"imperva.account.tag", conversion::text, account_tag},
      {"imperva.site.id", conversion::text, site_id},
      {"imperva.site.tag", conversion::text, site_tag},
      {"imperva.pop", conversion::text, pop},
      {"imperva.session.id", conversion::text, session_id},
      {"imperva.event.class_id", conversion::text, name},
      {"imperva.request.headers", conversion::json_array, request_headers},
      {"imperva.request.x_forwarded_for", conversion::text, xff},
      {"imperva.response.headers", conversion::json_array, response_headers},
      {"imperva.client.js_support", conversion::boolean, js_support},
      {"imperva.client.cookie_support", conversion::boolean, cookie_support},
      {"imperva.client.captcha_support", conversion::text, captcha_support},
      {"imperva.client.app_signature", conversion::text, app_signature},
      {"imperva.visitor.id", conversion::text, visitor_id},
      {"imperva.user_agent.type", conversion::text, dproc},
      {"imperva.attack.type_ids", conversion::integer_list, attack_types},
      {"imperva.attack.ids", conversion::integer_list, attack_ids},
      {"imperva.rule.names", conversion::text_list, rule_names},
      {"imperva.rule.info", conversion::json_array_or_text, rule_info},
      {"imperva.rule.additional_info", conversion::text, rule_additional_info},
      {"labels", conversion::unmapped_keys},
      {"error.message", conversion::failures},
  }};
};
static_assert(fields_are_grouped(ecs_web_profile::fields), "ecs web fields must be grouped by parent object");
static_assert(rows_are_complete(ecs_web_profile::fields, ecs_web_profile::slot_count),
              "every ecs web slot is read, and failures are gathered last");

}  // namespace imperva_cef::ecs
