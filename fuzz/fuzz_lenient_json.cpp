// libFuzzer target: the lenient JSON reader for header arrays
// (json/lenient.hpp), differentially against nlohmann::json.
//
// Properties, for any bytes:
// - lenient_array_to_json() gives the verdict and bytes of its general path
//   alone (detail::general_array_to_json): its fast path changes nothing;
// - lenient_array_to_json() accepts only what it writes as one JSON array
//   that nlohmann::json::parse accepts, and the nlohmann writer accepts it
//   too, with the same value;
// - every strict JSON array (nlohmann accepts it, at most 64 levels deep,
//   numbers finite) is accepted and read as the same value.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <imperva_cef/json/lenient.hpp>
#include <imperva_cef/json/nlohmann_writer.hpp>

#include "fuzz_check.hpp"

namespace {

// At most max_depth levels and only finite numbers: what the lenient reader
// must accept. Stops recursing past the limit, so hostile depth is harmless.
bool within_limits(const nlohmann::json& node, int depth) {
  if (node.is_number_float()) return std::isfinite(node.get<double>());
  if (!node.is_structured()) return true;
  if (depth == imperva_cef::json::max_depth) return false;
  for (const auto& child : node) {
    if (!within_limits(child, depth + 1)) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  std::string out;
  std::string scratch;
  const auto json = imperva_cef::json::lenient_array_to_json(text, out, scratch);
  const bool accepted = json.has_value();
  std::string general;
  const bool general_accepted = imperva_cef::json::detail::general_array_to_json(text, general, scratch);
  FUZZ_CHECK(accepted == general_accepted, "the fast path's verdict differs from the general path's: " + text);
  FUZZ_CHECK(!accepted || *json == general,
             "the fast path's bytes differ from the general path's: " + std::string(*json) + " vs " + general);

  nlohmann::json strict;
  bool strict_ok = false;
  try {
    strict = nlohmann::json::parse(text);
    strict_ok = strict.is_array() && within_limits(strict, 0);
  } catch (const nlohmann::json::exception&) {
    strict_ok = false;
  }
  // nlohmann skips a UTF-8 byte order mark and stops at a NUL byte as if the
  // input ended there; neither is JSON text, and the lenient reader takes
  // neither.
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) strict_ok = false;
  if (text.find('\0') != std::string::npos) strict_ok = false;
  if (strict_ok) FUZZ_CHECK(accepted, "strict JSON array rejected: " + text);
  if (!accepted) return 0;

  const std::string compact(*json);
  const nlohmann::json parsed = fuzz_support::parse_json(compact);
  FUZZ_CHECK(parsed.is_array(), compact);

  imperva_cef::json::nlohmann_writer tree;
  try {
    FUZZ_CHECK(imperva_cef::json::write_lenient_array(text, tree, scratch), "nlohmann_writer path rejected: " + text);
  } catch (const std::exception& e) {
    fuzz_support::fail(__FILE__, __LINE__, "nlohmann_writer threw", e.what());
  }
  FUZZ_CHECK(tree.result() == parsed, "the two writers disagree: " + compact);
  if (strict_ok) FUZZ_CHECK(parsed == strict, "a strict array read differently: " + compact + " vs " + text);
  return 0;
}
