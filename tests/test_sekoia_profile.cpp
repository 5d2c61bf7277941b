// The sekoia profile on the project's own fixture lines, whole documents,
// through both writers.
#include <catch2/catch.hpp>

#include <string>

#include <imperva_cef/imperva_cef.hpp>

#include "support/fixtures.hpp"

namespace {

std::string to_ndjson(std::string_view line) {
  std::string out;
  imperva_cef::json::string_writer writer(out);
  REQUIRE(imperva_cef::write_imperva_cef(line, writer).ok());
  return out;
}

}  // namespace

TEST_CASE("sekoia fixtures come out whole", "[sekoia]") {
  const auto cases = fixtures::load("sekoia");
  REQUIRE(cases.size() >= 4);
  for (const auto& c : cases) {
    INFO(c.name);
    const nlohmann::json through_nlohmann = imperva_cef::parse_imperva_cef(c.line);
    CHECK(through_nlohmann == c.expected);
    CHECK(nlohmann::json::parse(to_ndjson(c.line)) == c.expected);
  }
}

TEST_CASE("output bytes are stable and grouped by object", "[sekoia]") {
  const std::string line =
      "CEF:0|Incapsula|SIEMintegration|1|1|Normal|0|src=1.2.3.4 cpt=80 deviceFacility=ams act=REQ_PASSED "
      "cs2=true cs4=v1 start=0 cn1=200";
  const std::string out = to_ndjson(line);
  CHECK(out == to_ndjson(line));
  CHECK(out ==
        R"({"imperva":{"pop":"ams","client":{"js_support":true},"visitor":{"id":"v1"}},)"
        R"("http":{"response":{"status_code":200}},"source":{"port":80,"ip":"1.2.3.4"},)"
        R"("event":{"action":"REQ_PASSED","start":"1970-01-01T00:00:00.000000Z","kind":"event",)"
        R"("category":"network","type":["connection","allowed"]},"@timestamp":"1970-01-01T00:00:00.000000Z"})");
}

TEST_CASE("event.type and event.reason follow every rule of the spec", "[sekoia][actions]") {
  struct expectation {
    const char* act;
    const char* type;
    const char* reason;
  };
  const expectation table[] = {
      {"REQ_PASSED", "allowed", nullptr},
      {"REQ_CACHED_FRESH", "allowed", nullptr},
      {"REQ_CACHED", "allowed", nullptr},
      {"REQ_BLOCKED_SESSION", "denied", "The request was blocked based on WAF settings"},
      {"REQ_BLOCKED_VISITOR", "denied", "The request was blocked based on WAF settings"},
      {"REQ_BLOCKED_SECURITY", "denied", "The request was blocked based on Security settings"},
      {"REQ_BLOCKED_ACL", "denied", "The request was blocked based on Security settings"},
      {"REQ_BLOCKED_DDOS", "denied", "The request was blocked due to a DDoS attack"},
      {"REQ_BLOCKED_SOMETHING_NEW", "denied", "The connection was blocked"},
      {"REQ_CHALLENGED_CAPTCHA", "denied", "A challenge was submitted to the client"},
      {"REQ_CHALLENGED", "denied", "A challenge was submitted to the client"},
      {"REQ_LOCKED_IP_VIOLATION", "denied", "The request was blocked based on Security settings"},
      {"REQ_SSL_NOT_SUPPORTED", "denied", "SSL connections are disabled"},
      {"REQ_NO_IP_FOUND", "denied", "The proxy failed to resolve the destination"},
      {"REQ_ILLEGAL_PORT", "denied", "Unsupported destination port"},
      {"REQ_DOMAIN_BLACKLISTED", "denied", "The destination was blacklisted"},
      {"REQ_ILLEGAL_IP_VIOLATION", "denied", "The proxy failed to resolve the destination"},
      {"REQ_SSL_CERT_HOST_MISMATCH", "denied", "The certifcate of the destination is invalid"},
      {"REQ_NON_SNI_FORBIDDEN", "denied", "The certificate of the destination doesn't support SNI"},
      {"REQ_CLIENT_CERT_REQUIRED", "denied", "The request was blocked as a client certificat is required"},
      {"REQ_TOO_MANY_CONNECTIONS_TO_ORIGIN", "denied", "Too many connections on the destination"},
      {"REQ_POST_TIMEOUT", "error", "The HTTP request reached the timeout"},
      {"REQ_IPV6_NOT_SUPPORTED", "error", "The destination doesn't support IPv6 addresses"},
      {"REQ_ALL_IPS_DOWN", "access", "The destination is unavailable"},
      {"REQ_BAD_PARSE_ERROR", "error", "The HTTP request was malformated"},
      {"REQ_BAD_TIMEOUT", "error", "The HTTP request reached the idle timeout"},
      {"REQ_BAD_RESP_PARSE_ERROR", "error", "The HTTP response was malformated"},
      {"REQ_BAD_CONNECTION_TO_SERVER", "error", "The destination server reset the connection"},
      {"REQ_BAD_CLIENT_CLOSED_CONNECTION", "error",
       "The client closed the connection before receiving the full response"},
      {"REQ_BAD_TIMEOUT_CONNECTION_TO_SERVER", "error", "The proxy failed to connect the destination"},
      {"REQ_BAD_CONNECTION_TO_SERVER_SSL_FAILURE", "error", "The proxy failed to connect the destination"},
      {"REQ_BAD_SERVER_CERTIFICATE", "error", "The certifcate of the destination is invalid"},
      {"REQ_BAD_SOMETHING_NEW", "error", nullptr},
      {"REQ_UNRESOLVED_SITE_UNKNOWN", "error", "The proxy failed to resolve the destination"},
      {"REQ_UNRESOLVED_SITE_DUPLICATE", "error", "The proxy failed to resolve the destination"},
      {"REQ_UNRESOLVED_SITE_INVALID_CNAME", "error", "The proxy failed to resolve the destination"},
      {"REQ_UNRESOLVED", "error", nullptr},
      {"req_passed", "access", nullptr},  // actions are matched as sent
      {"req_bad_parse_error", "access", nullptr},
      {"REQ_SOMETHING_ELSE", "access", nullptr},
      {"REQ_PASSED_TOO", "access", nullptr},  // exactly REQ_PASSED, where CACHED is a prefix
      {"REQ_CACHEDX", "allowed", nullptr},
      {"REQ_BADX", "error", nullptr},
      {"REQ_", "access", nullptr},
      {"REQ", "access", nullptr},
      {"XREQ_BAD", "access", nullptr},
  };
  for (const auto& row : table) {
    INFO(row.act);
    const auto doc = imperva_cef::parse_imperva_cef(std::string("CEF:0|Incapsula|SIEMintegration|1|1|n|0|act=") + row.act);
    nlohmann::json event = {{"action", row.act},
                            {"kind", "event"},
                            {"category", "network"},
                            {"type", {"connection", row.type}}};
    if (row.reason != nullptr) event["reason"] = row.reason;
    CHECK(doc == nlohmann::json{{"event", event}});
  }
}

TEST_CASE("an empty header array is left out, as an empty string is", "[sekoia]") {
  const auto doc = imperva_cef::parse_imperva_cef(
      "CEF:0|Incapsula|SIEMintegration|1|1|n|0|additionalReqHeaders=[] additionalResHeaders= [ ] xff=1.2.3.4");
  CHECK(doc == nlohmann::json{{"imperva", {{"request", {{"x_forwarded_for", "1.2.3.4"}}}}},
                              {"event", {{"kind", "event"}, {"category", "network"}, {"type", {"connection", "access"}}}}});
  for (const auto p : {imperva_cef::profile::sekoia, imperva_cef::profile::ecs}) {
    const auto event = imperva_cef::parse_imperva_cef(
        "CEF:0|Incapsula|SIEMintegration|1|1|n|0|additionalReqHeaders=[] additionalResHeaders=[[]]", {p});
    CHECK_FALSE(event.contains(nlohmann::json::json_pointer("/imperva/request/headers")));
    CHECK(event.at(nlohmann::json::json_pointer("/imperva/response/headers")) ==
          nlohmann::json::array({nlohmann::json::array()}));
  }
}
