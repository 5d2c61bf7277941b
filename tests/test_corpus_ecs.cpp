// The ecs profile against the corpus: every document for every corpus line,
// and for thousands of generated lines, is valid ECS (each field exists in
// corpus/ecs/fields.csv with a matching JSON type, event.kind/category/type
// allowed by corpus/ecs/allowed_values.json); known lines give known values.
#include <catch2/catch.hpp>

#include <arpa/inet.h>

#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <imperva_cef/imperva_cef.hpp>

#include "support/corpus.hpp"
#include "support/line_generator.hpp"

namespace {

// fields.csv rows, quoted fields (with commas and line breaks) included.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(cell));
      cell.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (!cell.empty() || !rows.back().empty()) rows.back().push_back(std::move(cell));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

// "YYYY-MM-DDTHH:MM:SS.fffZ", the one date format the ecs profile writes.
bool is_iso_milliseconds(const std::string& text) {
  const std::string shape = "dddd-dd-ddTdd:dd:dd.dddZ";
  if (text.size() != shape.size()) return false;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 'd' ? (text[i] < '0' || text[i] > '9') : text[i] != shape[i]) return false;
  }
  return true;
}

bool is_ip(const std::string& text) {
  unsigned char buffer[16];
  return inet_pton(AF_INET, text.c_str(), buffer) == 1 || inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

// What ECS says about fields and event categorisation, from the corpus.
class ecs_schema {
 public:
  ecs_schema() {
    const auto rows = read_csv(corpus::read_text(corpus::directory() / "ecs" / "fields.csv"));
    const auto& head = rows.at(0);
    std::size_t field_column = 0, type_column = 0;
    for (std::size_t i = 0; i < head.size(); ++i) {
      if (head[i] == "Field") field_column = i;
      if (head[i] == "Type") type_column = i;
    }
    for (std::size_t r = 1; r < rows.size(); ++r) types_[rows[r].at(field_column)] = rows[r].at(type_column);
    allowed_ = corpus::read_json(corpus::directory() / "ecs" / "allowed_values.json");
  }

  std::size_t field_count() const { return types_.size(); }

  // Every way doc is not valid ECS; empty when it is.
  std::vector<std::string> problems(const nlohmann::json& doc) const {
    std::vector<std::string> found;
    if (!doc.is_object()) return {"not an object"};
    walk(doc, "", found);
    check_categorisation(doc, found);
    return found;
  }

 private:
  static bool ours(const std::string& path) {
    for (const char* prefix : {"imperva", "cef"}) {
      const std::string p(prefix);
      if (path == p || path.rfind(p + ".", 0) == 0) return true;
    }
    return false;
  }

  void walk(const nlohmann::json& value, const std::string& path, std::vector<std::string>& found) const {
    if (ours(path)) return;
    if (path == "labels") {
      if (!value.is_object()) found.push_back("labels: not an object");
      for (const auto& item : value.items()) {
        if (!item.value().is_string()) found.push_back("labels." + item.key() + ": not a string");
        if (item.key().find('.') != std::string::npos) found.push_back("labels." + item.key() + ": dotted key");
      }
      return;
    }
    const auto type = types_.find(path);
    if (value.is_object() && (type == types_.end() || type->second == "object")) {
      if (value.empty()) found.push_back(path + ": empty object");
      for (const auto& item : value.items()) walk(item.value(), path.empty() ? item.key() : path + "." + item.key(), found);
      return;
    }
    if (type == types_.end()) {
      found.push_back(path + ": not an ECS field");
      return;
    }
    if (value.is_array()) {
      if (value.empty()) found.push_back(path + ": empty array");
      for (const auto& element : value) check_type(element, path, type->second, found);
    } else {
      check_type(value, path, type->second, found);
    }
  }

  static void check_type(const nlohmann::json& value, const std::string& path, const std::string& type,
                         std::vector<std::string>& found) {
    static const std::set<std::string> texts = {"keyword", "constant_keyword", "wildcard", "match_only_text", "text"};
    static const std::set<std::string> integers = {"long", "integer", "short", "byte", "unsigned_long"};
    static const std::set<std::string> decimals = {"float", "double", "scaled_float", "half_float"};
    bool ok = false;
    if (texts.count(type)) {
      ok = value.is_string() && !value.get_ref<const std::string&>().empty();
    } else if (type == "ip") {
      ok = value.is_string() && is_ip(value.get<std::string>());
    } else if (type == "date") {
      ok = value.is_string() && is_iso_milliseconds(value.get<std::string>());
    } else if (integers.count(type)) {
      ok = value.is_number_integer();
    } else if (decimals.count(type)) {
      ok = value.is_number();
    } else if (type == "boolean") {
      ok = value.is_boolean();
    } else if (type == "geo_point") {
      ok = value.is_object() && value.size() == 2 && value.contains("lat") && value.contains("lon") &&
           value["lat"].is_number() && value["lon"].is_number() && value["lat"] >= -90 && value["lat"] <= 90 &&
           value["lon"] >= -180 && value["lon"] <= 180;
    }
    if (!ok) found.push_back(path + ": " + value.dump() + " is not a valid " + type);
  }

  void check_categorisation(const nlohmann::json& doc, std::vector<std::string>& found) const {
    const nlohmann::json* event = doc.contains("event") ? &doc["event"] : nullptr;
    if (event == nullptr || !event->contains("kind")) {
      found.push_back("event.kind: missing");
      return;
    }
    if (!allowed_["event.kind"].contains((*event)["kind"].get<std::string>())) {
      found.push_back("event.kind: " + (*event)["kind"].dump() + " not allowed");
    }
    std::set<std::string> expected_types;
    if (event->contains("category")) {
      for (const auto& category : (*event)["category"]) {
        const auto& categories = allowed_["event.category"];
        if (!categories.contains(category.get<std::string>())) {
          found.push_back("event.category: " + category.dump() + " not allowed");
          continue;
        }
        for (const auto& type : categories[category.get<std::string>()]) expected_types.insert(type);
      }
    }
    if (event->contains("type")) {
      for (const auto& type : (*event)["type"]) {
        if (!allowed_["event.type"].contains(type.get<std::string>()) || !expected_types.count(type)) {
          found.push_back("event.type: " + type.dump() + " is expected by none of the event's categories");
        }
      }
    }
  }

  std::map<std::string, std::string> types_;
  nlohmann::json allowed_;
};

const ecs_schema& schema() {
  static const ecs_schema loaded;
  return loaded;
}

imperva_cef::options ecs_options() {
  imperva_cef::options opts;
  opts.profile = imperva_cef::profile::ecs;
  opts.keep_original = true;
  return opts;
}

// The ecs document through the fast writer (what a pipeline indexes).
nlohmann::json ecs_document(const std::string& line) {
  std::string out;
  imperva_cef::json::string_writer writer(out);
  REQUIRE(imperva_cef::write_imperva_cef(line, writer, ecs_options()).ok());
  return nlohmann::json::parse(out);
}

struct corpus_line {
  std::string where;
  std::string line;
};

// Every CEF line of the corpus, named by where it comes from.
std::vector<corpus_line> corpus_lines() {
  std::vector<corpus_line> lines;
  std::vector<std::filesystem::path> samples;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus::directory() / "sekoia")) {
    if (entry.path().extension() == ".json") samples.push_back(entry.path());
  }
  std::sort(samples.begin(), samples.end());
  for (const auto& path : samples) {
    const auto relative = std::filesystem::relative(path, corpus::directory()).generic_string();
    lines.push_back({relative, corpus::read_json(path).at("input").at("message")});
  }
  std::istringstream log(corpus::read_text(corpus::directory() / "elastic_imperva" / "test-events.log"));
  bool in_events = false;
  int number = 0;
  for (std::string line; std::getline(log, line);) {
    if (in_events && !line.empty()) lines.push_back({"test-events.log:" + std::to_string(++number), line});
    if (line == "|==|") in_events = true;
  }
  number = 0;
  const nlohmann::json elastic = corpus::read_json(corpus::directory() / "elastic_imperva" / "test-event.json");
  for (const auto& event : elastic.at("events")) {
    lines.push_back({"test-event.json:" + std::to_string(++number), event.at("event").at("original")});
  }
  std::istringstream others(corpus::read_text(corpus::directory() / "other_imperva_samples.txt"));
  number = 0;
  for (std::string line; std::getline(others, line);) {
    if (!line.empty() && line[0] != '#') lines.push_back({"other_imperva_samples.txt:" + std::to_string(++number), line});
  }
  return lines;
}

nlohmann::json document_for(const std::string& where) {
  for (const auto& entry : corpus_lines()) {
    if (entry.where == where) return ecs_document(entry.line);
  }
  FAIL("no corpus line " << where);
  return {};
}

nlohmann::json at(const nlohmann::json& doc, const std::string& pointer) {
  const nlohmann::json::json_pointer where(pointer);
  return doc.contains(where) ? doc[where] : nlohmann::json();
}

}  // namespace

TEST_CASE("ecs: the checker knows ECS", "[corpus][ecs]") {
  CHECK(schema().field_count() > 1000);
  CHECK(schema().problems(nlohmann::json::parse(R"({"event":{"kind":"event"},"source":{"ip":"1.2.3.4"}})")).empty());
  CHECK_FALSE(schema().problems(nlohmann::json::parse(R"({"event":{"kind":"event"},"source":{"ip":"x"}})")).empty());
  CHECK_FALSE(schema().problems(nlohmann::json::parse(R"({"event":{"kind":"event","duration":1.5}})")).empty());
  CHECK_FALSE(schema().problems(nlohmann::json::parse(R"({"event":{"kind":"event"},"source":{"bogus":"x"}})")).empty());
  CHECK_FALSE(schema().problems(nlohmann::json::parse(
      R"({"event":{"kind":"event","category":["web"],"type":["denied"]}})")).empty());
  CHECK_FALSE(schema().problems(nlohmann::json::parse(R"({"event":{"kind":"event"},"@timestamp":"2022-04-12T14:09:58.763000Z"})")).empty());
}

TEST_CASE("ecs: every corpus document is valid ECS", "[corpus][ecs]") {
  const auto lines = corpus_lines();
  CHECK(lines.size() == 21 + 1 + 2 + 4);
  for (const auto& entry : lines) {
    INFO(entry.where);
    const nlohmann::json doc = ecs_document(entry.line);
    INFO(doc.dump());
    CHECK(schema().problems(doc) == std::vector<std::string>{});
    CHECK(doc["event"]["original"] == entry.line);
  }
}

TEST_CASE("ecs: generated lines give valid ECS documents", "[corpus][ecs][generated]") {
  const auto lines = generator::odd_lines(20240412, 4000);
  std::size_t documents = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // Every third line as Attack Analytics and every third as another vendor,
    // so that all three tables see the same oddities.
    std::string line = lines[i];
    const std::size_t product = line.find("|SIEMintegration|");
    if (product != std::string::npos && i % 3 != 0) {
      const std::size_t vendor = line.rfind('|', product - 1);
      line.replace(vendor + 1, product + 16 - vendor - 1,
                   i % 3 == 1 ? "Imperva Inc|Attack Analytics" : "Some Vendor|Some Product");
    }
    std::string out;
    imperva_cef::json::string_writer writer(out);
    if (!imperva_cef::write_imperva_cef(line, writer, ecs_options()).ok()) continue;
    ++documents;
    INFO("line " << i << ": " << line);
    INFO(out);
    const nlohmann::json doc = nlohmann::json::parse(out);
    const auto problems = schema().problems(doc);
    CHECK(problems == std::vector<std::string>{});
  }
  CHECK(documents > 3000);
}

TEST_CASE("ecs: known corpus lines, field by field", "[corpus][ecs]") {
  SECTION("a bad request (sekoia 2022-04)") {
    const auto doc = document_for("sekoia/2022-04/access_security_bad.json");
    CHECK(doc["@timestamp"] == "2022-04-12T14:09:58.763Z");
    CHECK(doc["event"]["end"] == "2022-04-12T14:09:58.765Z");
    CHECK(doc["event"]["duration"] == 2000000);
    CHECK(doc["event"]["kind"] == "alert");
    CHECK(doc["event"]["type"] == nlohmann::json({"connection", "error"}));
    CHECK(doc["event"]["reason"] == "The HTTP request was malformed");
    CHECK(doc["event"]["severity"] == -1);
    CHECK(doc["source"]["geo"]["location"] == nlohmann::json({{"lat", 48.34}, {"lon", 7.4508}}));
    CHECK(doc["imperva"]["session"]["id"] == "393000630126853202");
    CHECK(doc["imperva"]["client"]["js_support"] == true);
    CHECK(doc["imperva"]["client"]["app_signature"].get<std::string>().rfind("438c978a", 0) == 0);
    CHECK(doc["user_agent"]["name"] == "Webkit Browser");
    CHECK(doc["organization"]["name"] == "mycustomer@example.org");
    CHECK_FALSE(doc.contains("labels"));
    CHECK_FALSE(doc.contains("error"));
  }
  SECTION("header arrays are decoded (sekoia 2022-04 access)") {
    const auto doc = document_for("sekoia/2022-04/access.json");
    CHECK(doc["event"]["kind"] == "event");
    CHECK(doc["imperva"]["response"]["headers"] ==
          nlohmann::json::parse(R"([{"Content-Type":"text/html; charset=UTF-8"}])"));
    CHECK(doc["url"]["full"] == "http://site123.abcd.info/main.css");
    CHECK(doc["url"]["domain"] == "site123.abcd.info");
    CHECK(doc["url"]["path"] == "/main.css");
    CHECK(doc["http"]["request"]["referrer"] == "www.incapsula.com/lama");
    CHECK(doc["event"]["duration"] == 100000000000000);
  }
  SECTION("reasons with their spelling fixed") {
    CHECK(document_for("sekoia/2022-04/access_security_blacklisted.json")["event"]["reason"] ==
          "The destination was blocklisted");
    CHECK(document_for("sekoia/2022-04/access_security_blocked.json")["event"]["type"] ==
          nlohmann::json({"connection", "denied"}));
  }
  SECTION("a challenged request: query, rules, attack ids") {
    const auto doc = document_for("sekoia/2022-04/access_security_challenged.json");
    CHECK(doc["url"]["query"] == "p=%2fetc%2fpasswd");
    CHECK(doc["url"]["full"] == "http://site123.abcd.info/?p=%2fetc%2fpasswd");
    CHECK(doc["rule"]["name"] == nlohmann::json({"Block Malicious User", "High Risk Resources"}));
    CHECK(doc["imperva"]["attack"]["type_ids"] == nlohmann::json({30037, 1001}));
    CHECK(doc["imperva"]["attack"]["ids"] == nlohmann::json({2, 1}));
    CHECK(doc["imperva"]["rule"]["additional_info"] ==
          R"(,,[{"api_specification_violation_type":"INVALID_PARAM_NAME","parameter_name":"somename"}])");
    CHECK(doc["event"]["reason"] == "A challenge was submitted to the client");
  }
  SECTION("Attack Analytics (sekoia 2025-08 access_2)") {
    const auto doc = document_for("sekoia/2025-08/access_2.json");
    CHECK(doc["event"]["kind"] == "alert");
    CHECK(doc["event"]["category"] == nlohmann::json({"intrusion_detection"}));
    CHECK(doc["event"]["type"] == nlohmann::json({"info"}));
    CHECK(doc["event"]["dataset"] == "imperva.attack_analytics");
    CHECK(doc["event"]["duration"] == 9737000000);
    CHECK(doc["rule"]["description"] ==
          "Illegal Resource Access attack by a single IP from Indonesia using python-requests HackingTool");
    CHECK(doc["message"] ==
          R"(On host \"www.host.com\" targeting the URL pattern \"/*****/*****/phpunit/*****/*****/*****/*****\")");
    CHECK(doc["source"]["ip"] == "1.2.3.4");
    CHECK(doc["source"]["geo"]["country_name"] == "Indonesia");
    CHECK(doc["destination"]["domain"] == "www.host.com");
    CHECK(doc["url"]["original"] == "Distributed");
    CHECK(doc["vulnerability"]["id"] == nlohmann::json({"CVE-2017-1234", "CVE-2023-5678"}));
    CHECK(doc["related"]["ip"] == nlohmann::json({"1.2.3.4"}));
    const auto& aa = doc["imperva"]["attack_analytics"];
    CHECK(aa["severity"] == "MAJOR");
    CHECK(aa["event_count"] == 7);
    CHECK(aa["percent_blocked"] == 100);
    CHECK(aa["platform"] == "CloudWAF");
    CHECK(aa["sample_event_ids"].size() == 3);
    CHECK(aa["attack_type"] == "Illegal Resource Access");
    CHECK(aa["dominant_site_ids"] == nlohmann::json({"627764935"}));
  }
  SECTION("unknown labels are kept; a query in request (sekoia 2025-08 blocked_2)") {
    const auto doc = document_for("sekoia/2025-08/access_security_blocked_2.json");
    CHECK(doc["labels"]["cs5Label"] == "clapaaaa");
    CHECK(doc["labels"]["cs6"] == "Bot");
    CHECK(doc["url"]["path"] == "/chakisg.htm");
    CHECK(doc["url"]["query"] == "Sip=1.1.1.1 | cat /etc/passwd");
    CHECK(doc["url"]["scheme"] == "https");
    CHECK_FALSE(doc.contains("rule"));
  }
  SECTION("bad src, end before start, a lone latitude (sekoia 2025-08 cached_2)") {
    const auto doc = document_for("sekoia/2025-08/access_security_cached_2.json");
    CHECK(doc["source"]["address"] == "92.140.985.97");
    CHECK_FALSE(doc["source"].contains("ip"));
    CHECK_FALSE(doc["event"].contains("duration"));
    CHECK(doc["destination"]["ip"] == "0.0.0.0");
    CHECK(doc["destination"]["port"] == 0);
    CHECK(doc["imperva"]["rule"]["info"] == "10.2444");
    CHECK(doc["labels"]["cs4Label"] == "VOD");
    CHECK(doc["error"]["message"] ==
          nlohmann::json({"source.ip: not an IP address: \"92.140.985.97\"",
                          "source.geo.location: not a latitude and longitude: \"50.6219,\""}));
  }
  SECTION("Elastic's samples: sip, spt, several xff") {
    const auto doc = document_for("test-event.json:2");
    CHECK(doc["destination"]["ip"] == "10.1.0.1");
    CHECK(doc["destination"]["port"] == 80);
    CHECK(doc["network"]["forwarded_ip"] == nlohmann::json({"1.128.0.0", "81.2.69.144"}));
    CHECK(doc["related"]["ip"] == nlohmann::json({"1.128.0.0", "1.128.0.1", "10.1.0.1", "81.2.69.144"}));
    CHECK(doc["imperva"]["request"]["x_forwarded_for"] == "1.128.0.0, 81.2.69.144");
    const auto log = document_for("test-events.log:1");
    CHECK(log["event"]["duration"] == 113010549556000000);
    CHECK(log["imperva"]["site"]["tag"] == "my-site-tag");
  }
  SECTION("other samples: a leading space in ver, empty cs9, a bad IP in xff") {
    const auto doc = document_for("other_imperva_samples.txt:1");
    CHECK(doc["tls"] == nlohmann::json({{"version_protocol", "tls"}, {"version", "1.2"}, {"cipher", "ECDHE-RSA-AES128-GCM-SHA256"}}));
    CHECK_FALSE(doc.contains("rule"));
    CHECK(doc["event"]["severity"] == 11);
    CHECK(doc["network"]["forwarded_ip"] == nlohmann::json({"12.206.204.56", "103.28.41.7"}));
    CHECK(doc["error"]["message"] == nlohmann::json({"network.forwarded_ip: not an IP address: \"186.240.270.97\""}));
    CHECK(doc["imperva"]["attack"]["type_ids"] == nlohmann::json({90879}));
  }
  SECTION("other samples: Imperva's documented example and an unescaped apostrophe") {
    const auto doc = document_for("other_imperva_samples.txt:2");
    CHECK(doc["labels"] == nlohmann::json({{"caIP", "13.13.13.13"},
                                           {"cs5", "de3c633ac428e0678f3aac20cf7f239431e54cbb8a17e8302f53653923305e1835a9cd871db32aa4fc7b8a9463366cc4"},
                                           {"cs5Label", "clappsigdproc=Browser"}}));
    CHECK(doc["url"]["query"] == "p=%2fetc%2fpasswd");
    CHECK(doc["http"]["request"]["method"] == "GET");
    CHECK(at(document_for("other_imperva_samples.txt:4"), "/source/geo/city_name") == "Al 'Ayyat");
    CHECK(at(document_for("other_imperva_samples.txt:4"), "/url/scheme") == "https");
  }
}
