// The compile-time key map: case-insensitive, exact, and checked when built.
#include <catch2/catch.hpp>

#include <imperva_cef/ecs/key_map.hpp>
#include <imperva_cef/ecs/sekoia_profile.hpp>

using imperva_cef::ecs::key_entry;
using imperva_cef::ecs::key_map;
using imperva_cef::ecs::sekoia_profile;

namespace {
constexpr key_map small_map{std::array<key_entry, 4>{{
    {"requestMethod", 1}, {"cs1", 2}, {"cs11", 3}, {"additionalReqHeaders", 4}}}};
}  // namespace

// Lookups happen at compile time too.
static_assert(small_map.find("REQUESTMETHOD") == 1);
static_assert(small_map.find("cs12") == -1);

TEST_CASE("lookup folds ASCII case and confirms the whole key", "[key_map]") {
  CHECK(small_map.find("requestmethod") == 1);
  CHECK(small_map.find("RequestMethod") == 1);
  CHECK(small_map.find("CS1") == 2);
  CHECK(small_map.find("cs11") == 3);
  CHECK(small_map.find("additionalResHeaders") == -1);
  CHECK(small_map.find("requestMethodX") == -1);
  CHECK(small_map.find("") == -1);
  CHECK(small_map.find("cs_") == -1);  // '_' | 0x20 is not '\x7f'-confusable with a key byte
  CHECK(small_map.find("cs{") == -1);
}

TEST_CASE("every key of the sekoia table finds its own slot in every case", "[key_map]") {
  for (const key_entry& entry : sekoia_profile::keys.entries()) {
    std::string upper(entry.key), lower(entry.key);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    INFO(entry.key);
    CHECK(sekoia_profile::keys.find(entry.key) == entry.value);
    CHECK(sekoia_profile::keys.find(upper) == entry.value);
    CHECK(sekoia_profile::keys.find(lower) == entry.value);
    CHECK(sekoia_profile::keys.find(upper + "x") == -1);
  }
}
