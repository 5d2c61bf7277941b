// Imperva's `act` values -> ECS event.type and event.reason (SPEC section 3),
// shared by both profiles.
#pragma once

#include <array>
#include <string_view>

#include "key_map.hpp"

namespace imperva_cef::ecs {

// The second value of event.type; the first is always "connection".
enum class connection_outcome { access, allowed, denied, error };

constexpr std::string_view outcome_name(connection_outcome outcome) noexcept {
  switch (outcome) {
    case connection_outcome::access: return "access";
    case connection_outcome::allowed: return "allowed";
    case connection_outcome::denied: return "denied";
    case connection_outcome::error: return "error";
  }
  return "access";
}

// event.type as JSON text, for writers that take it.
constexpr std::string_view connection_type_json(connection_outcome outcome) noexcept {
  switch (outcome) {
    case connection_outcome::access: return R"(["connection","access"])";
    case connection_outcome::allowed: return R"(["connection","allowed"])";
    case connection_outcome::denied: return R"(["connection","denied"])";
    case connection_outcome::error: return R"(["connection","error"])";
  }
  return R"(["connection","access"])";
}

namespace detail {

// By hand: the prefixes are literals, so the loop unrolls into a few compares
// that mostly fail at the first byte, where memcmp would be a call.
constexpr bool starts_with(std::string_view text, std::string_view prefix) noexcept {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (text[i] != prefix[i]) return false;
  }
  return true;
}

enum : int { denied_connection, failed_connection, down_or_access };

// Step 2's lists (and REQ_ALL_IPS_DOWN, an error for the ecs profile only).
inline constexpr key_map outcome_by_action{std::array<key_entry, 13>{{
    {"REQ_SSL_NOT_SUPPORTED", denied_connection},
    {"REQ_NO_IP_FOUND", denied_connection},
    {"REQ_ILLEGAL_PORT", denied_connection},
    {"REQ_LOCKED_IP_VIOLATION", denied_connection},
    {"REQ_DOMAIN_BLACKLISTED", denied_connection},
    {"REQ_ILLEGAL_IP_VIOLATION", denied_connection},
    {"REQ_SSL_CERT_HOST_MISMATCH", denied_connection},
    {"REQ_NON_SNI_FORBIDDEN", denied_connection},
    {"REQ_CLIENT_CERT_REQUIRED", denied_connection},
    {"REQ_TOO_MANY_CONNECTIONS_TO_ORIGIN", denied_connection},
    {"REQ_POST_TIMEOUT", failed_connection},
    {"REQ_IPV6_NOT_SUPPORTED", failed_connection},
    {"REQ_ALL_IPS_DOWN", down_or_access},
}}};

}  // namespace detail

// SPEC section 3 steps 1-6, later steps overriding earlier ones: the last
// that applies is looked for first. The ecs profile also files
// REQ_ALL_IPS_DOWN under errors.
constexpr connection_outcome classify_action(std::string_view act, bool all_ips_down_is_error) noexcept {
  using detail::starts_with;
  if (starts_with(act, "REQ_")) {  // as every prefix of steps 3-6 does
    const std::string_view rest = act.substr(4);
    if (starts_with(rest, "BAD") || starts_with(rest, "UNRESOLVED")) return connection_outcome::error;
    if (starts_with(rest, "BLOCKED") || starts_with(rest, "CHALLENGED")) return connection_outcome::denied;
    if ((rest.size() == 6 && starts_with(rest, "PASSED")) || starts_with(rest, "CACHED")) {
      return connection_outcome::allowed;
    }
  }
  // The map folds case; actions are matched as sent.
  const key_entry* exact = detail::outcome_by_action.lookup(act);
  if (exact == nullptr || exact->key != act) return connection_outcome::access;
  switch (exact->value) {
    case detail::denied_connection: return connection_outcome::denied;
    case detail::failed_connection: return connection_outcome::error;
    default: return all_ips_down_is_error ? connection_outcome::error : connection_outcome::access;
  }
}

struct action_reason {
  std::string_view reference;  // as the reference writes it, typos included
  std::string_view corrected;  // spelling fixed, for the ecs profile
};

namespace detail {

inline constexpr action_reason reasons[] = {
    {"The HTTP request was malformated", "The HTTP request was malformed"},
    {"The HTTP request reached the idle timeout", "The HTTP request reached the idle timeout"},
    {"The HTTP response was malformated", "The HTTP response was malformed"},
    {"The destination server reset the connection", "The destination server reset the connection"},
    {"The client closed the connection before receiving the full response",
     "The client closed the connection before receiving the full response"},
    {"The request was blocked based on WAF settings", "The request was blocked based on WAF settings"},
    {"The request was blocked based on Security settings",
     "The request was blocked based on Security settings"},
    {"The request was blocked due to a DDoS attack", "The request was blocked due to a DDoS attack"},
    {"The proxy failed to connect the destination", "The proxy failed to connect to the destination"},
    {"The proxy failed to resolve the destination", "The proxy failed to resolve the destination"},
    {"SSL connections are disabled", "SSL connections are disabled"},
    {"Unsupported destination port", "Unsupported destination port"},
    {"The destination is unavailable", "The destination is unavailable"},
    {"The HTTP request reached the timeout", "The HTTP request reached the timeout"},
    {"The certifcate of the destination is invalid", "The certificate of the destination is invalid"},
    {"The destination doesn't support IPv6 addresses", "The destination doesn't support IPv6 addresses"},
    {"The destination was blacklisted", "The destination was blocklisted"},
    {"The certificate of the destination doesn't support SNI",
     "The certificate of the destination doesn't support SNI"},
    {"The request was blocked as a client certificat is required",
     "The request was blocked as a client certificate is required"},
    {"Too many connections on the destination", "Too many connections on the destination"},
    {"The connection was blocked", "The connection was blocked"},
    {"A challenge was submitted to the client", "A challenge was submitted to the client"},
};

enum reason_id : int {
  malformed_request, idle_timeout, malformed_response, server_reset, client_closed,
  blocked_waf, blocked_security, blocked_ddos, connect_failed, resolve_failed, ssl_disabled,
  illegal_port, all_ips_down, post_timeout, bad_certificate, no_ipv6, blacklisted, no_sni,
  client_certificate, too_many_connections, blocked, challenged,
};

inline constexpr key_map reason_by_action{std::array<key_entry, 29>{{
    {"REQ_BAD_PARSE_ERROR", malformed_request},
    {"REQ_BAD_TIMEOUT", idle_timeout},
    {"REQ_BAD_RESP_PARSE_ERROR", malformed_response},
    {"REQ_BAD_CONNECTION_TO_SERVER", server_reset},
    {"REQ_BAD_CLIENT_CLOSED_CONNECTION", client_closed},
    {"REQ_BLOCKED_SESSION", blocked_waf},
    {"REQ_BLOCKED_VISITOR", blocked_waf},
    {"REQ_BLOCKED_SECURITY", blocked_security},
    {"REQ_BLOCKED_ACL", blocked_security},
    {"REQ_LOCKED_IP_VIOLATION", blocked_security},
    {"REQ_BLOCKED_DDOS", blocked_ddos},
    {"REQ_BAD_TIMEOUT_CONNECTION_TO_SERVER", connect_failed},
    {"REQ_BAD_CONNECTION_TO_SERVER_SSL_FAILURE", connect_failed},
    {"REQ_UNRESOLVED_SITE_UNKNOWN", resolve_failed},
    {"REQ_UNRESOLVED_SITE_DUPLICATE", resolve_failed},
    {"REQ_UNRESOLVED_SITE_INVALID_CNAME", resolve_failed},
    {"REQ_NO_IP_FOUND", resolve_failed},
    {"REQ_ILLEGAL_IP_VIOLATION", resolve_failed},
    {"REQ_SSL_NOT_SUPPORTED", ssl_disabled},
    {"REQ_ILLEGAL_PORT", illegal_port},
    {"REQ_ALL_IPS_DOWN", all_ips_down},
    {"REQ_POST_TIMEOUT", post_timeout},
    {"REQ_BAD_SERVER_CERTIFICATE", bad_certificate},
    {"REQ_SSL_CERT_HOST_MISMATCH", bad_certificate},
    {"REQ_IPV6_NOT_SUPPORTED", no_ipv6},
    {"REQ_DOMAIN_BLACKLISTED", blacklisted},
    {"REQ_NON_SNI_FORBIDDEN", no_sni},
    {"REQ_CLIENT_CERT_REQUIRED", client_certificate},
    {"REQ_TOO_MANY_CONNECTIONS_TO_ORIGIN", too_many_connections},
}}};

}  // namespace detail

// event.reason for act (steps 4, 5 and 7), or nullptr.
constexpr const action_reason* reason_for_action(std::string_view act) noexcept {
  using detail::starts_with;
  // The map folds case; actions are matched as sent.
  const key_entry* exact = detail::reason_by_action.lookup(act);
  if (exact != nullptr && exact->key == act) return &detail::reasons[exact->value];
  if (starts_with(act, "REQ_CHALLENGED")) return &detail::reasons[detail::challenged];
  if (starts_with(act, "REQ_BLOCKED")) return &detail::reasons[detail::blocked];
  return nullptr;
}

}  // namespace imperva_cef::ecs
