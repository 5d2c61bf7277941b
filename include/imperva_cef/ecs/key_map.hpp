// A compile-time perfect hash from CEF keys (ASCII case-insensitive) to small
// integers: one hash, one bucket, one confirming compare. Building a map with
// a duplicate key, or with keys the hash cannot separate, fails to compile.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace imperva_cef::ecs {

namespace detail {

// Folding with 0x20 is a correct case-insensitive compare on key bytes
// ([A-Za-z0-9_.,[\]]): only the letter pairs share a folded value.
constexpr unsigned char fold(char c) noexcept { return static_cast<unsigned char>(c | 0x20); }

constexpr bool equal_folded(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

// Up to 8 folded bytes from p, little-endian.
constexpr std::uint64_t folded_word(const char* p, std::size_t n) noexcept {
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < n; ++i) word |= std::uint64_t{fold(p[i])} << (8 * i);
  return word;
}

// Hashes the length and the first and last (up to) eight bytes. The seed goes
// in before the last multiplication, so every seed mixes the keys anew.
constexpr std::uint64_t key_hash(std::string_view key, std::uint64_t seed) noexcept {
  const std::size_t n = key.size();
  const std::size_t head = n < 8 ? n : 8;
  const std::uint64_t first = folded_word(key.data(), head);
  const std::uint64_t last = folded_word(key.data() + (n - head), head);
  std::uint64_t h = (first * 0x9E3779B97F4A7C15ULL) ^ (last + n);
  h = (h ^ seed) * 0xC2B2AE3D27D4EB4FULL;
  return h ^ (h >> 32);
}

constexpr std::size_t bucket_count_for(std::size_t keys) noexcept {
  std::size_t buckets = 8;
  while (buckets < keys * 8) buckets *= 2;
  return buckets;
}

constexpr unsigned log2_of(std::size_t power_of_two) noexcept {
  unsigned bits = 0;
  while ((std::size_t{1} << bits) < power_of_two) ++bits;
  return bits;
}

}  // namespace detail

struct key_entry {
  std::string_view key;
  int value;
};

template <std::size_t N>
class key_map {
 public:
  static constexpr std::size_t buckets = detail::bucket_count_for(N);
  static constexpr unsigned shift = 64 - detail::log2_of(buckets);

  constexpr explicit key_map(const std::array<key_entry, N>& entries) : entries_(entries) {
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t j = i + 1; j < N; ++j) {
        if (detail::equal_folded(entries[i].key, entries[j].key)) {
          throw "imperva_cef: duplicate key in a mapping table";
        }
      }
    }
    for (std::uint64_t seed = 1; seed < 1000; ++seed) {
      if (try_seed(seed)) return;
    }
    throw "imperva_cef: no perfect hash found for a mapping table";
  }

  // The entry whose key equals key up to ASCII case, or nullptr.
  constexpr const key_entry* lookup(std::string_view key) const noexcept {
    const std::uint16_t slot = index_[bucket(key, seed_)];
    if (slot == 0) return nullptr;
    const key_entry& entry = entries_[slot - 1];
    return detail::equal_folded(entry.key, key) ? &entry : nullptr;
  }

  // The value stored for key, or -1.
  constexpr int find(std::string_view key) const noexcept {
    const key_entry* entry = lookup(key);
    return entry != nullptr ? entry->value : -1;
  }

  constexpr const std::array<key_entry, N>& entries() const noexcept { return entries_; }

 private:
  static constexpr std::size_t bucket(std::string_view key, std::uint64_t seed) noexcept {
    return static_cast<std::size_t>(detail::key_hash(key, seed) >> shift);
  }

  constexpr bool try_seed(std::uint64_t seed) {
    std::array<std::uint16_t, buckets> index{};
    for (std::size_t i = 0; i < N; ++i) {
      std::uint16_t& slot = index[bucket(entries_[i].key, seed)];
      if (slot != 0) return false;
      slot = static_cast<std::uint16_t>(i + 1);
    }
    index_ = index;
    seed_ = seed;
    return true;
  }

  std::array<key_entry, N> entries_;
  std::array<std::uint16_t, buckets> index_{};
  std::uint64_t seed_ = 0;
};

}  // namespace imperva_cef::ecs
