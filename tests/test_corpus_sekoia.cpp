// The reference: the nine seed samples (sekoia/2022-04) must come out field
// for field; every other corpus line must parse.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <imperva_cef/imperva_cef.hpp>

#include "support/corpus.hpp"

namespace {

// The reference counts "" as absent and echoes the input as "message".
nlohmann::json without_empty_strings(const nlohmann::json& doc) {
  if (!doc.is_object()) return doc;
  nlohmann::json result = nlohmann::json::object();
  for (const auto& [key, value] : doc.items()) {
    if (value.is_string() && value.get_ref<const std::string&>().empty()) continue;
    result[key] = without_empty_strings(value);
  }
  return result;
}

std::string to_ndjson(std::string_view line) {
  std::string out;
  imperva_cef::json::string_writer writer(out);
  REQUIRE(imperva_cef::write_imperva_cef(line, writer).ok());
  return out;
}

}  // namespace

TEST_CASE("the nine seed samples come out field for field", "[corpus][sekoia]") {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus::directory() / "sekoia" / "2022-04")) {
    const nlohmann::json sample = corpus::read_json(entry.path());
    const std::string line = sample.at("input").at("message");
    nlohmann::json expected = without_empty_strings(sample.at("expected"));
    expected.erase("message");
    INFO(entry.path().filename().string());
    CHECK(imperva_cef::parse_imperva_cef(line) == expected);
    CHECK(nlohmann::json::parse(to_ndjson(line)) == expected);
    ++checked;
  }
  CHECK(checked == 9);
}

TEST_CASE("every corpus CEF line parses in the sekoia profile", "[corpus][sekoia]") {
  std::vector<std::string> lines;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus::directory() / "sekoia")) {
    if (entry.path().extension() == ".json") {
      lines.push_back(corpus::read_json(entry.path()).at("input").at("message"));
    }
  }
  std::istringstream samples(corpus::read_text(corpus::directory() / "other_imperva_samples.txt"));
  for (std::string line; std::getline(samples, line);) {
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  CHECK(lines.size() == 21 + 4);
  for (const auto& line : lines) {
    INFO(line);
    const nlohmann::json doc = imperva_cef::parse_imperva_cef(line);
    CHECK(doc.at("event").at("kind") == "event");
    CHECK(nlohmann::json::parse(to_ndjson(line)) == doc);
  }
}

TEST_CASE("other_imperva_samples: the quirks each line was kept for", "[corpus][sekoia]") {
  std::istringstream samples(corpus::read_text(corpus::directory() / "other_imperva_samples.txt"));
  std::vector<nlohmann::json> docs;
  for (std::string line; std::getline(samples, line);) {
    if (!line.empty() && line[0] != '#') docs.push_back(imperva_cef::parse_imperva_cef(line));
  }
  REQUIRE(docs.size() == 4);
  // "ver= TLSv1.2 ..." with a leading space; an empty cs9; an invalid IP in xff.
  CHECK(docs[0]["tls"] == nlohmann::json{{"version_protocol", "tls"}, {"version", "1.2"},
                                         {"cipher", "ECDHE-RSA-AES128-GCM-SHA256"}});
  CHECK_FALSE(docs[0]["imperva"].contains("rule"));
  CHECK(docs[0]["imperva"]["request"]["x_forwarded_for"] == "12.206.204.56, 186.240.270.97, 103.28.41.7");
  // Imperva's documented example: '=' inside a value, case variants of keys.
  CHECK(docs[1]["http"]["request"]["method"] == "GET");
  CHECK(docs[1]["http"]["request"]["id"] == "33411452762204224");
  CHECK(docs[1]["imperva"]["attack"] == nlohmann::json{{"type", "30037,1001,"}, {"id", "2,1,"}});
  CHECK(docs[1]["url"]["query"] == "p\\=%2fetc%2fpasswd");
  CHECK(docs[2]["imperva"] == nlohmann::json{{"pop", "iad"}, {"session", {{"id", 486000240000010094}}}});
  // No space after the last '|', an apostrophe and a space in cicode.
  CHECK(docs[3]["client"]["geo"]["city_name"] == "Al 'Ayyat");
  CHECK(docs[3]["url"]["original"] == "https://example.com/login");
}
