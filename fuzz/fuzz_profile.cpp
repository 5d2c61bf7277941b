// libFuzzer target: one profile (IMPERVA_CEF_FUZZ_PROFILE, sekoia or ecs)
// from a line to the compact string writer.
//
// Properties, for any bytes:
// - the result is ok exactly when the line is short enough and has a CEF
//   header; an error has a known code and an offset inside the line, and
//   writes nothing;
// - an event is exactly one JSON object that nlohmann::json::parse accepts
//   (so valid UTF-8, control characters escaped, nothing after it);
// - the writer only appends, and the same line gives the same bytes again
//   (warm thread-local scratch must not leak between lines);
// - no field is an empty string, empty array or empty object (SPEC section 5),
//   and no object repeats a key, outside the JSON that Imperva sends in
//   header fields;
// - the error document for a bad line is valid JSON too and keeps the line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <imperva_cef/imperva_cef.hpp>

#include "fuzz_check.hpp"

#ifndef IMPERVA_CEF_FUZZ_PROFILE
#error "define IMPERVA_CEF_FUZZ_PROFILE as sekoia or ecs"
#endif

namespace {

// Paths whose value is JSON taken from the log as it is: emptiness inside
// them is the sender's.
bool is_passthrough(const std::string& path) {
  return path == "/imperva/request/headers" || path == "/imperva/response/headers" ||
         path == "/imperva/rule/info";
}

void check_no_empty_fields(const nlohmann::json& node, const std::string& path, const std::string& text) {
  if (node.is_string()) FUZZ_CHECK(!node.get_ref<const std::string&>().empty(), "empty string at " + path + " in " + text);
  if (node.is_array()) FUZZ_CHECK(!node.empty(), "empty array at " + path + " in " + text);
  if (node.is_object()) {
    FUZZ_CHECK(!node.empty(), "empty object at " + path + " in " + text);
    for (const auto& item : node.items()) {
      const std::string child = path + "/" + item.key();
      if (!is_passthrough(child)) check_no_empty_fields(item.value(), child, text);
    }
  }
  if (node.is_array()) {
    for (const auto& item : node) check_no_empty_fields(item, path + "/*", text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string copy(reinterpret_cast<const char*>(data), size);
  const std::string_view line(copy);

  imperva_cef::options opts;
  opts.profile = imperva_cef::profile::IMPERVA_CEF_FUZZ_PROFILE;
  opts.keep_original = (size & 1) != 0;  // both settings, decided by the input
  // Some lengths test the limit: one byte too long, and exactly at it.
  if (size % 7 == 3) opts.max_line_bytes = size - 1;
  if (size % 7 == 4) opts.max_line_bytes = size;

  const std::string prefix = "prefix\n";
  std::string out = prefix;
  imperva_cef::json::string_writer writer(out);
  const imperva_cef::parse_result result = imperva_cef::write_imperva_cef(line, writer, opts);

  imperva_cef::cef::header header;
  const imperva_cef::parse_result head = imperva_cef::cef::lex_header(line, header);
  if (size > opts.max_line_bytes) {
    FUZZ_CHECK(result.code == imperva_cef::errc::line_too_long, "long line not rejected");
  } else {
    FUZZ_CHECK(result.code == head.code && result.offset == head.offset, "result differs from lex_header");
  }
  FUZZ_CHECK(result.ok() || result.offset <= (size > opts.max_line_bytes ? opts.max_line_bytes : size),
             "error offset past the end");

  if (!result) {
    FUZZ_CHECK(out == prefix, "a line error wrote output");
    std::string error_doc;
    imperva_cef::json::string_writer error_writer(error_doc);
    imperva_cef::write_error_document(line, result, error_writer);
    const nlohmann::json parsed = fuzz_support::parse_json(error_doc);
    FUZZ_CHECK(parsed.is_object() && parsed.at("event").at("kind") == "pipeline_error", error_doc);
    return 0;
  }

  FUZZ_CHECK(out.compare(0, prefix.size(), prefix) == 0, "the writer changed bytes before its output");
  const std::string event = out.substr(prefix.size());
  FUZZ_CHECK(!event.empty() && event.front() == '{' && event.back() == '}', event);
  const nlohmann::json parsed = fuzz_support::parse_json(event);
  FUZZ_CHECK(parsed.is_object(), event);
  FUZZ_CHECK(event.find('\n') == std::string::npos, "raw LF in NDJSON output: " + event);
  check_no_empty_fields(parsed, "", event);
  fuzz_support::check_no_duplicate_keys(event);

  std::string again;
  imperva_cef::json::string_writer second(again);
  const imperva_cef::parse_result repeat = imperva_cef::write_imperva_cef(line, second, opts);
  FUZZ_CHECK(repeat.ok() && again == event, "same line, different output: " + again + "\nvs\n" + event);
  return 0;
}
