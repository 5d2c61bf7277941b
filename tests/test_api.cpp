// The public API: one call, the non-throwing form, options, a caller's own
// writer, and the error document.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <imperva_cef/imperva_cef.hpp>

namespace {

// A caller's own writer: flattens the event to "dotted.path=value" lines.
class flat_writer {
 public:
  std::vector<std::string> lines;

  void begin_object() { enter(); }
  void end_object() { leave(); }
  void begin_array() { enter(); }
  void end_array() { leave(); }
  void key(std::string_view name) { key_ = std::string(name); }
  void string(std::string_view text) { emit(std::string(text)); }
  void integer(std::int64_t value) { emit(std::to_string(value)); }
  void number(double value) { emit(std::to_string(value)); }
  void boolean(bool value) { emit(value ? "true" : "false"); }
  void raw_json(std::string_view text) { emit(std::string(text)); }

 private:
  void enter() {
    path_.push_back(key_);
    key_.clear();
  }
  void leave() { path_.pop_back(); }
  void emit(const std::string& text) {
    std::string name;
    for (const auto& part : path_) {
      if (!part.empty()) name += part + ".";
    }
    lines.push_back(name + key_ + "=" + text);
  }
  std::vector<std::string> path_;
  std::string key_;
};

#ifdef IMPERVA_CEF_HAS_CONCEPTS
static_assert(imperva_cef::json_writer<flat_writer>);
static_assert(imperva_cef::json_writer<imperva_cef::json::string_writer>);
static_assert(imperva_cef::json_writer<imperva_cef::json::nlohmann_writer>);
static_assert(!imperva_cef::json_writer<int>);
#endif

constexpr std::string_view small_line =
    "CEF:0|Incapsula|SIEMintegration|1|1|Normal|0|src=1.2.3.4 cn1=200 cs9=a,b";

}  // namespace

TEST_CASE("parse_imperva_cef returns the document", "[api]") {
  const nlohmann::json expected = {
      {"imperva", {{"rule", {{"names", {"a", "b"}}}}}},
      {"http", {{"response", {{"status_code", 200}}}}},
      {"source", {{"ip", "1.2.3.4"}}},
      {"event", {{"kind", "event"}, {"category", "network"}, {"type", {"connection", "access"}}}},
      {"rule", {{"name", "a,b"}}}};
  CHECK(imperva_cef::parse_imperva_cef(small_line) == expected);
  CHECK(imperva_cef::parse_imperva_cef(small_line, imperva_cef::options{}) == expected);
}

TEST_CASE("parse_imperva_cef throws parse_error with code and offset", "[api]") {
  const std::string truncated = "syslog junk CEF:0|Incapsula|SIEMintegration|1";  // 45 bytes
  try {
    imperva_cef::parse_imperva_cef(truncated);
    FAIL("no exception");
  } catch (const imperva_cef::parse_error& error) {
    CHECK(error.code() == imperva_cef::errc::incomplete_header);
    CHECK(error.offset() == truncated.size());
    CHECK(std::string(error.what()) == "incomplete CEF header at byte 45");
  }
  CHECK_THROWS_AS(imperva_cef::parse_imperva_cef("not cef"), std::runtime_error);
}

TEST_CASE("the non-throwing form returns the error as a value", "[api]") {
  nlohmann::json doc = "untouched";
  const imperva_cef::parse_result bad = imperva_cef::parse_imperva_cef("CEF:x", doc);
  CHECK_FALSE(bad.ok());
  CHECK(bad.code == imperva_cef::errc::missing_version);
  CHECK(bad.offset == 4);
  CHECK(bad.message() == "missing CEF version at byte 4");
  CHECK(doc == "untouched");

  const imperva_cef::parse_result good = imperva_cef::parse_imperva_cef(small_line, doc);
  CHECK(good.ok());
  CHECK(doc["source"]["ip"] == "1.2.3.4");
}

TEST_CASE("a line error writes nothing into the writer", "[api]") {
  std::string out = "kept";
  imperva_cef::json::string_writer writer(out);
  CHECK(imperva_cef::write_imperva_cef("no marker", writer).code == imperva_cef::errc::missing_cef_marker);
  CHECK(out == "kept");
}

TEST_CASE("lines longer than max_line_bytes are rejected whole", "[api]") {
  imperva_cef::options opts;
  opts.max_line_bytes = 40;
  std::string out;
  imperva_cef::json::string_writer writer(out);
  const std::string line = std::string(small_line);
  const auto result = imperva_cef::write_imperva_cef(line, writer, opts);
  CHECK(result.code == imperva_cef::errc::line_too_long);
  CHECK(result.offset == 40);
  CHECK(out.empty());
  opts.max_line_bytes = line.size();
  CHECK(imperva_cef::write_imperva_cef(line, writer, opts).ok());
}

TEST_CASE("any writer can receive the event", "[api]") {
  flat_writer writer;
  REQUIRE(imperva_cef::write_imperva_cef(small_line, writer).ok());
  CHECK(writer.lines == std::vector<std::string>{
                           "imperva.rule.names.=a", "imperva.rule.names.=b", "http.response.status_code=200",
                           "source.ip=1.2.3.4", "event.kind=event", "event.category=network",
                           "event.type.=connection", "event.type.=access", "rule.name=a,b"});
}

TEST_CASE("the error document is the one SPEC section 7 prescribes", "[api]") {
  const std::string line = "bad \"line\"\t\xFF";
  const auto result = imperva_cef::parse_imperva_cef(line, *std::make_unique<nlohmann::json>());
  std::string out;
  imperva_cef::json::string_writer writer(out);
  imperva_cef::write_error_document(line, result, writer);
  CHECK(out ==
        R"({"error":{"message":"no CEF: marker at byte 0","type":"cef_parse_error"},)"
        R"("event":{"kind":"pipeline_error","original":"bad \"line\"\t)"
        "\xEF\xBF\xBD"
        R"("}})");
}
