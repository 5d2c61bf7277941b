// libFuzzer target: the nlohmann::json path, both profiles.
//
// Properties, for any bytes:
// - parse_imperva_cef(line, opts) returns a JSON object or throws
//   imperva_cef::parse_error, never anything else;
// - the non-throwing overload agrees with it;
// - the document equals the string writer's output parsed back, so the two
//   writers never disagree on a value.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

#include <imperva_cef/imperva_cef.hpp>

#include "fuzz_check.hpp"

namespace {

void check_profile(std::string_view line, imperva_cef::profile which, bool keep_original) {
  imperva_cef::options opts;
  opts.profile = which;
  opts.keep_original = keep_original;

  nlohmann::json thrown_doc;
  bool threw = false;
  try {
    thrown_doc = imperva_cef::parse_imperva_cef(line, opts);
  } catch (const imperva_cef::parse_error& e) {
    threw = true;
    FUZZ_CHECK(e.code() != imperva_cef::errc::ok, "parse_error with errc::ok");
    FUZZ_CHECK(e.offset() <= line.size(), "parse_error offset past the end");
  } catch (const std::exception& e) {
    fuzz_support::fail(__FILE__, __LINE__, "only parse_error may escape", e.what());
  } catch (...) {
    fuzz_support::fail(__FILE__, __LINE__, "only parse_error may escape", "a non-std exception");
  }

  nlohmann::json value_doc;
  imperva_cef::parse_result result;
  try {
    result = imperva_cef::parse_imperva_cef(line, value_doc, opts);
  } catch (const std::exception& e) {
    fuzz_support::fail(__FILE__, __LINE__, "the non-throwing overload threw", e.what());
  }
  FUZZ_CHECK(threw == !result.ok(), "the two overloads disagree");

  std::string text;
  imperva_cef::json::string_writer writer(text);
  const imperva_cef::parse_result string_result = imperva_cef::write_imperva_cef(line, writer, opts);
  FUZZ_CHECK(string_result.code == result.code && string_result.offset == result.offset, "writers disagree on the error");
  if (threw) return;

  FUZZ_CHECK(thrown_doc.is_object(), thrown_doc.dump());
  FUZZ_CHECK(thrown_doc == value_doc, "the two overloads give different documents");
  const nlohmann::json from_string = fuzz_support::parse_json(text);
  FUZZ_CHECK(from_string == thrown_doc,
             "string_writer and nlohmann_writer disagree:\n  " + text + "\n  " +
                 thrown_doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string copy(reinterpret_cast<const char*>(data), size);
  check_profile(copy, imperva_cef::profile::sekoia, false);
  check_profile(copy, imperva_cef::profile::ecs, (size & 1) != 0);
  return 0;
}
