// The compile-time key map: case-insensitive, exact, and checked when built.
#include <catch2/catch.hpp>

#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <imperva_cef/ecs/attack_analytics_profile.hpp>
#include <imperva_cef/ecs/ecs_web_profile.hpp>
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

namespace {

// The lexer's view of a key: the key, then '=' and a value in the same buffer
// (a heap copy of exactly these bytes, so ASan sees any read past them).
struct keyed_buffer {
  std::unique_ptr<char[]> bytes;
  std::string_view key;
  const char* end;

  keyed_buffer(std::string_view k, std::string_view rest) : bytes(new char[k.size() + rest.size()]) {
    std::memcpy(bytes.get(), k.data(), k.size());
    std::memcpy(bytes.get() + k.size(), rest.data(), rest.size());
    key = std::string_view(bytes.get(), k.size());
    end = bytes.get() + k.size() + rest.size();
  }
};

template <class Map>
void check_readable_lookups(const Map& map, const std::string& key) {
  // What follows the key must not matter, however much of it may be read.
  for (const std::string_view rest : {"", "=", "=x", "=1234567", "=abcdefgh ijk", "=CS1", "x=", "\xff\xff\xff\xff\xff\xff\xff\xff"}) {
    const keyed_buffer buffer(key, rest);
    INFO('"' << key << "\" followed by \"" << rest << '"');
    CHECK(map.find(buffer.key, buffer.end) == map.find(key));
  }
}

std::string with_case(std::string key, std::uint64_t bits) {
  for (std::size_t i = 0; i < key.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(key[i]);
    if ((bits >> (i % 64)) & 1) key[i] = static_cast<char>(std::isalpha(c) ? (c ^ 0x20) : c);
  }
  return key;
}

}  // namespace

static_assert(small_map.find("CS1") == 2 && small_map.find("cs") == -1 && small_map.find("cs1 ") == -1);

TEST_CASE("lookups that may read past the key give the same values", "[key_map]") {
  std::vector<std::string> keys = {"", "c", "cs", "cs1", "cs11", "cs1x", "in", "IN", "i", "ref", "xff", "cs1Label",
                                   "requestMethod", "additionalReqHeaders", "additionalResHeaderz",
                                   "requestClientApplication", "requestClientApplicatioN", "requestClientApplicationX",
                                   "requestClientApplication_and_more_than_32_bytes"};
  for (const key_entry& entry : sekoia_profile::keys.entries()) keys.emplace_back(entry.key);
  for (const key_entry& entry : imperva_cef::ecs::ecs_web_profile::keys.entries()) keys.emplace_back(entry.key);
  for (const key_entry& entry : imperva_cef::ecs::attack_analytics_profile::keys.entries()) keys.emplace_back(entry.key);
  for (const std::string& key : keys) {
    for (const std::uint64_t bits : {0x0ULL, 0x5555555555555555ULL, ~0x0ULL, 0x1ULL, 0x8000000000000000ULL}) {
      const std::string variant = with_case(key, bits);
      check_readable_lookups(sekoia_profile::keys, variant);
      check_readable_lookups(imperva_cef::ecs::ecs_web_profile::keys, variant);
      check_readable_lookups(small_map, variant);
    }
  }
}

TEST_CASE("keys of 17 to 24 bytes differing only in their middle are told apart", "[key_map]") {
  constexpr key_map long_keys{std::array<key_entry, 2>{{{"abcdefgh12345678ABCDEFGH", 1}, {"abcdefgh123x5678xy", 2}}}};
  CHECK(long_keys.find("abcdefgh12345678abcdefgh") == 1);
  CHECK(long_keys.find("abcdefgh1234x678abcdefgh") == -1);
  CHECK(long_keys.find("abcdefgh_2345678abcdefgh") == -1);
  CHECK(long_keys.find("ABCDEFGH123X5678XY") == 2);
  CHECK(long_keys.find("abcdefgh12345678xy") == -1);
  CHECK(long_keys.find("abcdefgh1z3x5678xy") == -1);
  // The middle word of a 17-byte key overlaps the last one.
  constexpr key_map seventeen{std::array<key_entry, 1>{{{"abcdefghijklmnopq", 7}}}};
  CHECK(seventeen.find("ABCDEFGHIJKLMNOPQ") == 7);
  CHECK(seventeen.find("abcdefghijklmnopr") == -1);
  CHECK(seventeen.find("abcdefghIjklmnop_") == -1);
  CHECK(seventeen.find("abcdefgh_jklmnopq") == -1);
}

TEST_CASE("keys whose words agree but whose lengths differ are told apart", "[key_map]") {
  constexpr key_map runs{std::array<key_entry, 4>{{
      {"aaaaaaaaa", 9}, {"aaaaaaaaaa", 10}, {"aaaaaaaaaaaaaaaa", 16}, {"aaaaaaaaaaaaaaaaa", 17}}}};
  CHECK(runs.find("AAAAAAAAA") == 9);
  CHECK(runs.find("aaaaaaaaaa") == 10);
  CHECK(runs.find("aaaaaaaaaaaaaaaa") == 16);
  CHECK(runs.find("aaaaaaaaaaaaaaaaa") == 17);
  CHECK(runs.find("aaaaaaaaaaa") == -1);
  CHECK(runs.find("aaaaaaaaaaaaaaaaaa") == -1);
  CHECK(runs.lookup("aaaaaaaa") == nullptr);
  CHECK(runs.lookup("aaaaaaaaaa") == &runs.entries()[1]);
}
