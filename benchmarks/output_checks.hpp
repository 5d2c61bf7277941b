// The checks every benchmark runs on every generated line before it times
// anything. Each returns an empty string when the output is right, else a
// one-line description of the first difference.
//
//   check_lexing:        header fields and every key/value view equal what the
//                        generator wrote (keys as written, values trimmed, raw).
//   check_writers_agree: the string_writer output is one valid JSON object that
//                        equals the nlohmann_writer document for the same line.
//   check_sekoia_facts:  the sekoia document holds the values the generator
//                        put in the line, converted by hand from SPEC section 3.
//   check_ecs_facts:     the ecs document holds the values SPEC section 4 asks
//                        for (a subset: the unambiguous ones).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <imperva_cef/imperva_cef.hpp>
#include <nlohmann/json.hpp>

#include "corpus_generator.hpp"

namespace imperva_cef_bench {

namespace detail {

struct recording_handler {
  imperva_cef::cef::header header;
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  void on_header(const imperva_cef::cef::header& h) { header = h; }
  void on_pair(std::string_view key, std::string_view value) { pairs.emplace_back(key, value); }
};

inline std::string quoted(std::string_view text) { return nlohmann::json(std::string(text)).dump(); }

// One expected field: a JSON pointer and its value; a null value means the
// field must be absent.
struct expectation {
  std::string pointer;
  nlohmann::json value;
};

inline std::string check_expectations(const nlohmann::json& doc, const std::vector<expectation>& expected) {
  for (const expectation& e : expected) {
    const nlohmann::json::json_pointer pointer(e.pointer);
    const bool present = doc.contains(pointer);
    if (e.value.is_null()) {
      if (present) return e.pointer + ": expected absent, got " + doc.at(pointer).dump();
      continue;
    }
    if (!present) return e.pointer + ": missing, expected " + e.value.dump();
    const nlohmann::json& got = doc.at(pointer);
    // Integers must stay integers, floats stay floats (nlohmann's == would
    // call 2 and 2.0 equal).
    if (got != e.value || got.is_number_float() != e.value.is_number_float()) {
      return e.pointer + ": expected " + e.value.dump() + ", got " + got.dump();
    }
  }
  return {};
}

inline nlohmann::json header_array(const std::vector<std::pair<std::string, std::string>>& headers) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& [name, value] : headers) array.push_back({{name, value}});
  return array;
}

inline nlohmann::json text_or_absent(const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); }

inline double decimal(const std::string& text) { return std::stod(text); }

inline std::string ascii_lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return text;
}

}  // namespace detail

inline std::string check_lexing(const generated_line& g) {
  detail::recording_handler handler;
  const imperva_cef::parse_result result = imperva_cef::cef::lex(g.text, handler);
  if (!result) return "lexer error: " + result.message();
  const imperva_cef::cef::header& h = handler.header;
  if (h.version != "0" || h.device_vendor != "Incapsula" || h.device_product != "SIEMintegration" ||
      h.device_version != "1" || h.signature_id != "1" || h.name != g.name || h.severity != g.severity) {
    return "header fields differ (name " + detail::quoted(h.name) + ", severity " + detail::quoted(h.severity) + ")";
  }
  if (handler.pairs.size() != g.pairs.size()) {
    return "expected " + std::to_string(g.pairs.size()) + " pairs, lexer gave " + std::to_string(handler.pairs.size());
  }
  for (std::size_t i = 0; i < g.pairs.size(); ++i) {
    if (handler.pairs[i].first != g.pairs[i].first || handler.pairs[i].second != g.pairs[i].second) {
      return "pair " + std::to_string(i) + ": expected " + g.pairs[i].first + "=" + detail::quoted(g.pairs[i].second) +
             ", lexer gave " + std::string(handler.pairs[i].first) + "=" + detail::quoted(handler.pairs[i].second);
    }
  }
  return {};
}

// Writes the line with the string writer and with the nlohmann writer; on
// success `doc` is the (agreeing) document.
inline std::string check_writers_agree(const generated_line& g, const imperva_cef::options& opts, nlohmann::json& doc) {
  std::string out;
  imperva_cef::json::string_writer writer(out);
  const imperva_cef::parse_result result = imperva_cef::write_imperva_cef(g.text, writer, opts);
  if (!result) return "string writer: line error: " + result.message();
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(out);
  } catch (const nlohmann::json::exception& e) {
    return std::string("string writer output is not valid JSON: ") + e.what();
  }
  if (!parsed.is_object()) return "string writer output is not a JSON object";
  if (out.find('\n') != std::string::npos) return "string writer output holds a line break (not NDJSON-safe)";
  try {
    doc = imperva_cef::parse_imperva_cef(g.text, opts);
  } catch (const std::exception& e) {
    return std::string("parse_imperva_cef threw: ") + e.what();
  }
  if (doc != parsed) {
    const nlohmann::json diff = nlohmann::json::diff(doc, parsed);
    return "string writer and nlohmann writer disagree: " + diff.dump().substr(0, 400);
  }
  return {};
}

inline std::vector<detail::expectation> sekoia_expectations(const generated_line& g) {
  using nlohmann::json;
  const std::int64_t duration = g.end_ms - g.start_ms;
  std::vector<detail::expectation> e = {
      {"/imperva/pop", g.pop},
      {"/imperva/request/headers", g.has_req_headers ? detail::header_array(g.req_headers) : json()},
      {"/imperva/request/x_forwarded_for", detail::text_or_absent(g.xff)},
      {"/imperva/response/headers", g.has_res_headers ? detail::header_array(g.res_headers) : json()},
      {"/imperva/session/id", g.session_id},
      {"/imperva/client/js_support", g.js_support},
      {"/imperva/client/cookie_support", g.cookie_support},
      {"/imperva/client/captcha_support", g.captcha_support},
      {"/imperva/visitor/id", g.visitor_id},
      {"/imperva/user_agent/type", g.dproc},
      {"/imperva/attack/type", detail::text_or_absent(g.attack_type)},
      {"/imperva/attack/id", detail::text_or_absent(g.attack_id)},
      {"/imperva/rule/names", g.rule_names.empty() ? json() : json(g.rule_names)},
      {"/imperva/rule/additional_info", detail::text_or_absent(g.rule_additional_info)},
      {"/rule/name", detail::text_or_absent(g.rule_names_raw)},
      {"/user_agent/original", g.user_agent},
      {"/user_agent/name", g.ua_name},
      {"/client/geo/country_iso_code", g.country},
      {"/client/geo/city_name", g.city},
      {"/client/geo/location", {{"lat", detail::decimal(g.lat_text)}, {"lon", detail::decimal(g.lon_text)}}},
      {"/url/full", g.request},
      {"/url/original", g.request},
      {"/url/query", detail::text_or_absent(g.qstr_raw)},
      {"/http/request/referrer", detail::text_or_absent(g.referrer)},
      {"/http/request/method", g.method},
      {"/http/request/bytes", g.bytes_in},
      {"/http/request/id", g.request_id},
      {"/http/response/status_code", g.status_code != 0 ? json(g.status_code) : json()},
      {"/network/protocol", detail::ascii_lower(g.app)},
      {"/source/port", g.source_port},
      {"/source/ip", g.src_is_ip ? json(g.src) : json()},
      {"/tls/version_protocol", g.has_tls ? json(g.tls_protocol) : json()},
      {"/tls/version", g.has_tls ? json(g.tls_version) : json()},
      {"/tls/cipher", g.has_tls ? json(g.tls_cipher) : json()},
      {"/event/action", g.action},
      {"/event/start", g.start_iso_us},
      {"/event/end", g.end_iso_us},
      {"/event/duration", static_cast<double>(duration)},
      {"/event/kind", "event"},
      {"/event/category", "network"},
      {"/event/type", {"connection", g.outcome}},
      {"/event/reason", detail::text_or_absent(g.reason)},
      {"/@timestamp", g.start_iso_us},
  };
  return e;
}

inline std::string check_sekoia_facts(const generated_line& g, const nlohmann::json& doc) {
  return detail::check_expectations(doc, sekoia_expectations(g));
}

inline std::vector<detail::expectation> ecs_expectations(const generated_line& g) {
  using nlohmann::json;
  // event.module first: without it the document is not an ecs-profile one.
  std::vector<detail::expectation> e = {
      {"/event/module", "imperva"},
      {"/@timestamp", g.start_iso_ms},
      {"/event/start", g.start_iso_ms},
      {"/event/end", g.end_iso_ms},
      {"/event/duration", (g.end_ms - g.start_ms) * 1000000},
      {"/event/kind", g.name == "Normal" ? "event" : "alert"},
      {"/event/action", g.action},
      {"/event/dataset", "imperva.waf"},
      {"/observer/vendor", "Imperva"},
      {"/observer/product", "Cloud WAF"},
      {"/observer/type", "waf"},
      {"/source/ip", g.src_is_ip ? json(g.src) : json()},
      {"/source/address", g.src},
      {"/source/port", g.source_port},
      {"/source/geo/country_iso_code", g.country},
      {"/source/geo/city_name", g.city},
      {"/destination/domain", g.site},
      {"/destination/ip", detail::text_or_absent(g.sip)},
      {"/destination/port", g.spt != 0 ? json(g.spt) : json()},
      {"/network/protocol", detail::ascii_lower(g.app)},
      {"/url/original", g.request_decoded},
      {"/url/query", detail::text_or_absent(g.qstr_decoded)},
      {"/http/request/method", g.method},
      {"/http/request/bytes", g.bytes_in},
      {"/http/request/id", g.request_id},
      {"/http/response/status_code", g.status_code != 0 ? json(g.status_code) : json()},
      {"/user_agent/original", detail::cef_decode(g.user_agent)},
      {"/user_agent/name", g.ua_name},
      {"/organization/name", g.customer},
      {"/imperva/pop", g.pop},
      {"/tls/version", g.has_tls ? json(g.tls_version) : json()},
      {"/tls/cipher", g.has_tls ? json(g.tls_cipher) : json()},
  };
  return e;
}

inline std::string check_ecs_facts(const generated_line& g, const nlohmann::json& doc) {
  return detail::check_expectations(doc, ecs_expectations(g));
}

}  // namespace imperva_cef_bench
