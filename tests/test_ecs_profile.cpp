// The ecs profile (SPEC section 4): whole expected documents for hand-written
// lines of each kind (tests/fixtures/ecs), and the rules behind them one by one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <imperva_cef/imperva_cef.hpp>

#include "support/fixtures.hpp"
#include "support/json_compare.hpp"
#include "support/repeated_keys.hpp"

namespace {

imperva_cef::options ecs_options(bool keep_original = false) {
  imperva_cef::options opts;
  opts.profile = imperva_cef::profile::ecs;
  opts.keep_original = keep_original;
  return opts;
}

// The document through the fast writer, checked to be one JSON object with
// no repeated key and to equal what the nlohmann writer builds.
nlohmann::json ecs_document(std::string_view line, bool keep_original = false) {
  std::string out;
  imperva_cef::json::string_writer writer(out);
  REQUIRE(imperva_cef::write_imperva_cef(line, writer, ecs_options(keep_original)).ok());
  std::string repeated;
  REQUIRE(json_checks::find_repeated_key(out, repeated));
  INFO(out);
  CHECK(repeated.empty());
  const nlohmann::json doc = nlohmann::json::parse(out);
  CHECK(doc == imperva_cef::parse_imperva_cef(line, ecs_options(keep_original)));
  return doc;
}

constexpr std::string_view web_header = "CEF:0|Incapsula|SIEMintegration|1|1|Normal|0|";

nlohmann::json web(const std::string& extension) { return ecs_document(std::string(web_header) + extension); }

}  // namespace

TEST_CASE("ecs fixtures: whole documents", "[ecs][fixtures]") {
  const auto cases = fixtures::load("ecs");
  REQUIRE(cases.size() >= 5);
  for (const auto& c : cases) {
    INFO(c.name);
    const bool keep_original = c.expected.contains(nlohmann::json::json_pointer("/event/original"));
    const nlohmann::json actual = ecs_document(c.line, keep_original);
    CHECK(json_compare::first_difference(c.expected, actual) == "");
  }
}

TEST_CASE("ecs: the header chooses the table", "[ecs]") {
  CHECK(web("")["observer"]["product"] == "Cloud WAF");
  CHECK(ecs_document("CEF:0|Imperva Inc|Attack Analytics|0|1|x|MAJOR|")["event"]["dataset"] ==
        "imperva.attack_analytics");
  // Vendor and product are compared decoded and trimmed, and exactly otherwise.
  CHECK(ecs_document("CEF:0| Incapsula |SIEMintegration|1|1|Normal|0|")["event"]["dataset"] == "imperva.waf");
  const nlohmann::json other = ecs_document("CEF:0|incapsula|SIEMintegration|1|1|Normal|0|a=1");
  CHECK(other["cef"]["device"]["vendor"] == "incapsula");
  CHECK(other["cef"]["extensions"]["a"] == "1");
  CHECK_FALSE(other.contains("labels"));
}

TEST_CASE("ecs: an empty extension still gives a valid event", "[ecs]") {
  const nlohmann::json doc = web("");
  CHECK(doc["event"]["kind"] == "event");
  CHECK(doc["event"]["type"] == nlohmann::json({"connection", "access"}));
  CHECK_FALSE(doc.contains("error"));
  CHECK_FALSE(doc.contains("labels"));
  CHECK_FALSE(doc.contains("@timestamp"));
}

TEST_CASE("ecs: values are decoded, header fields too", "[ecs][decode]") {
  const nlohmann::json doc = ecs_document(
      "CEF:0|Incapsula|SIEMintegration|1|1|a\\|b\\\\c|0| cs11=x\\\\y\\=z\\|w\\nv\\rq\\t cs11Label=Rule Additional Info");
  CHECK(doc["imperva"]["event"]["class_id"] == "a|b\\c");
  CHECK(doc["imperva"]["rule"]["additional_info"] == "x\\y=z|w\nv\rq\\t");
}

TEST_CASE("ecs: timestamps in milliseconds, duration in nanoseconds", "[ecs][time]") {
  const nlohmann::json doc = web("start=1649772598763 end=1649772598765");
  CHECK(doc["@timestamp"] == "2022-04-12T14:09:58.763Z");
  CHECK(doc["event"]["duration"].is_number_integer());
  CHECK(doc["event"]["duration"] == 2000000);
  // Negative: left out, and not an error (start and end are both kept).
  const nlohmann::json backwards = web("start=1649772598765 end=1649772598763");
  CHECK_FALSE(backwards["event"].contains("duration"));
  CHECK_FALSE(backwards.contains("error"));
  // @timestamp falls back to end.
  CHECK(web("end=0")["@timestamp"] == "1970-01-01T00:00:00.000Z");
  // Too long for nanoseconds in a long.
  const nlohmann::json huge = web("start=0 end=253402300799999");
  CHECK_FALSE(huge["event"].contains("duration"));
  CHECK(huge["error"]["message"][0] ==
        "event.duration: end - start does not fit a long in nanoseconds: \"253402300799999 - 0\"");
}

TEST_CASE("ecs: url parts", "[ecs][url]") {
  using imperva_cef::ecs::split_request;
  const auto plain = split_request("www.test.com/a/b.css");
  CHECK(plain.domain == "www.test.com");
  CHECK(plain.path == "/a/b.css");
  CHECK(plain.scheme.empty());
  const auto full = split_request("HTTPS://user@[2001:db8::1]:8443/p?q=1/2");
  CHECK(full.scheme == "HTTPS");
  CHECK(full.domain == "[2001:db8::1]");
  CHECK(full.port == "8443");
  CHECK(full.path == "/p");
  CHECK(full.query == "q=1/2");
  CHECK(split_request("2001:db8::1/x").domain == "2001:db8::1");
  CHECK(split_request("2001:db8::1/x").port.empty());
  CHECK(split_request("/only/path").domain.empty());
  CHECK(split_request("Distributed").path.empty());

  const nlohmann::json own_scheme = web("request=https://example.com/login app=HTTP");
  CHECK(own_scheme["url"]["scheme"] == "https");
  CHECK(own_scheme["url"]["full"] == "https://example.com/login");
  // No web scheme known: no url.full.
  const nlohmann::json no_scheme = web("request=example.com/x app=FTP qstr=a\\=1");
  CHECK_FALSE(no_scheme["url"].contains("scheme"));
  CHECK_FALSE(no_scheme["url"].contains("full"));
  CHECK(no_scheme["url"]["query"] == "a=1");
  // A query written in request: url.query when there is no qstr, and not added twice.
  const nlohmann::json inline_query = web("request=example.com/x?a\\=1 app=http");
  CHECK(inline_query["url"]["path"] == "/x");
  CHECK(inline_query["url"]["query"] == "a=1");
  CHECK(inline_query["url"]["full"] == "http://example.com/x?a=1");
}

namespace {

// The host and port of an authority as first written (rfind and find), the
// reference for split_request's one-pass scan.
std::pair<std::string_view, std::string_view> reference_host_and_port(std::string_view authority) {
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::size_t colon = std::string_view::npos;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close != std::string_view::npos && close + 1 < authority.size() && authority[close + 1] == ':') {
      colon = close + 1;
    }
  } else if (authority.find(':') == authority.rfind(':')) {
    colon = authority.find(':');
  }
  if (colon == std::string_view::npos) return {authority, {}};
  return {authority.substr(0, colon), authority.substr(colon + 1)};
}

}  // namespace

TEST_CASE("ecs: url domain and port agree with the reference on every short authority", "[ecs][url]") {
  // Every text of up to six bytes over the bytes that matter, then a path.
  const std::string alphabet = "a1@:[]";
  std::string authority;
  std::size_t checked = 0;
  const auto check_all = [&](const auto& self, std::size_t length) -> void {
    const std::string request = authority + "/p";
    const auto parts = imperva_cef::ecs::split_request(request);
    const auto expected = reference_host_and_port(authority);
    INFO(request);
    REQUIRE(parts.domain == expected.first);
    REQUIRE(parts.port == expected.second);
    ++checked;
    if (length == 6) return;
    for (const char c : alphabet) {
      authority.push_back(c);
      self(self, length + 1);
      authority.pop_back();
    }
  };
  check_all(check_all, 0);
  CHECK(checked == 55987);  // 1 + 6 + ... + 6^6
}

TEST_CASE("TLS protocol, version and cipher from ver", "[ecs][tls]") {
  using imperva_cef::ecs::split_tls;
  const auto check = [](std::string_view ver, std::string_view protocol, std::string_view version,
                        std::string_view cipher) {
    const auto parts = split_tls(ver);
    CHECK(parts.protocol == protocol);
    CHECK(parts.version == version);
    CHECK(parts.cipher == cipher);
  };
  check("TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256", "TLS", "1.2", "ECDHE-RSA-AES128-GCM-SHA256");
  check("TLSv1.3 TLS_AES_256_GCM_SHA384 extra", "TLS", "1.3", "TLS_AES_256_GCM_SHA384");
  check("TLSv1.3", "TLS", "1.3", "");
  check("TLSv1.3 ", "TLS", "1.3", "");
  check("v", "", "", "");
  check("SSL3 cipher with v", "SSL3 cipher with ", "", "");
  check("no marker here", "", "", "");
  check("", "", "", "");
  static_assert(split_tls("TLSv1.1 X").version == "1.1");
}

TEST_CASE("related.* sets: sorted and distinct, short lists and long alike", "[ecs][related]") {
  // Against std::sort and std::unique, on lists of 0 to 40 items drawn from a
  // few short texts (so repeats and shared prefixes are common); above 16
  // items sort_distinct takes another path.
  const std::vector<std::string> texts = {"", "a", "ab", "b", "10.0.0.1", "10.0.0.10", "::1", "A"};
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string_view> items(rng() % 41);
    for (auto& item : items) item = texts[rng() % texts.size()];
    std::vector<std::string_view> expected = items;
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    imperva_cef::ecs::sort_distinct(items);
    REQUIRE(items == expected);
  }
}

TEST_CASE("ecs: csN by label, by usual slot, or kept", "[ecs][labels]") {
  // Labels match ignoring case, and go before unlabelled values in their usual slots.
  const nlohmann::json by_label = web("cs3=true cs3Label=javascript support cs2=false cs1=NA");
  CHECK(by_label["imperva"]["client"]["js_support"] == true);
  CHECK(by_label["imperva"]["client"]["captcha_support"] == "NA");
  CHECK_FALSE(by_label["imperva"]["client"].contains("cookie_support"));
  CHECK(by_label["labels"] == nlohmann::json({{"cs2", "false"}}));
  // Two csN with one label: the lower N takes the slot, the other is kept with its label.
  const nlohmann::json twice = web("cs5=A cs5Label=clapp cs6=B cs6Label=clapp");
  CHECK(twice["user_agent"]["name"] == "A");
  CHECK(twice["labels"] == nlohmann::json({{"cs6", "B"}, {"cs6Label", "clapp"}}));
  // A known label alone says nothing; an unknown one is kept.
  const nlohmann::json alone = web("cs1Label=Cap Support cs12Label=Mystery cs3Label=Other");
  CHECK(alone["labels"] == nlohmann::json({{"cs12Label", "Mystery"}, {"cs3Label", "Other"}}));
}

TEST_CASE("ecs: unmapped keys under labels, flat and de-duplicated", "[ecs][labels]") {
  const nlohmann::json doc = web("b.c=1 a=x B_C=2 a=y z= q=\\=");
  CHECK(doc["labels"] == nlohmann::json({{"B_C", "2"}, {"a", "y"}, {"q", "="}}));
  // A hostile number of keys stays fast (sorting, not pairwise comparison).
  std::string many;
  for (int i = 0; i < 50000; ++i) many += "k" + std::to_string(i % 1000) + "=" + std::to_string(i) + " ";
  const nlohmann::json big = web(many);
  CHECK(big["labels"].size() == 1000);
  CHECK(big["labels"]["k999"] == "49999");
}

TEST_CASE("ecs: related.* are distinct valid values", "[ecs][related]") {
  const nlohmann::json doc = web(
      "src=1.2.3.4 xff=1.2.3.4,5.6.7.8, 5.6.7.8 ,bad sip=5.6.7.8 sourceServiceName=a.example request=a.example/x");
  CHECK(doc["related"]["ip"] == nlohmann::json({"1.2.3.4", "5.6.7.8"}));
  CHECK(doc["related"]["hosts"] == nlohmann::json({"a.example"}));
  CHECK(doc["network"]["forwarded_ip"] == nlohmann::json({"1.2.3.4", "5.6.7.8", "5.6.7.8"}));
  CHECK(doc["error"]["message"] == nlohmann::json({"network.forwarded_ip: not an IP address: \"bad\""}));
}

TEST_CASE("ecs: rule info is JSON when it is a JSON array", "[ecs]") {
  CHECK(web("cs10=[1,\"a\"]")["imperva"]["rule"]["info"] == nlohmann::json({1, "a"}));
  CHECK(web("cs10={\"a\":1}")["imperva"]["rule"]["info"] == "{\"a\":1}");
}

TEST_CASE("describe_fields lists every table row", "[ecs][describe]") {
  const auto sekoia = imperva_cef::describe_fields(imperva_cef::profile::sekoia);
  CHECK(sekoia.size() == imperva_cef::ecs::sekoia_profile::fields.size());
  CHECK(sekoia.front().field == "imperva.pop");
  CHECK(sekoia.front().source == "deviceFacility");
  CHECK(sekoia.front().conversion == "text");

  const auto ecs = imperva_cef::describe_fields(imperva_cef::profile::ecs);
  CHECK(ecs.size() == imperva_cef::ecs::ecs_web_profile::fields.size() +
                          imperva_cef::ecs::attack_analytics_profile::fields.size() +
                          imperva_cef::ecs::cef_fallback_profile::fields.size());
  bool found_location = false;
  for (const auto& row : ecs) {
    CHECK_FALSE(row.field.empty());
    CHECK_FALSE(row.conversion.empty());
    if (row.applies_to == "Incapsula|SIEMintegration" && row.field == "source.geo.location") {
      found_location = true;
      CHECK(row.source == "csN labelled \"latitude\" (unlabelled: cs7), csN labelled \"longitude\" (unlabelled: cs8)");
      CHECK(row.conversion == "geo_point");
    }
  }
  CHECK(found_location);
}
