// A compile-time perfect hash from CEF keys (ASCII case-insensitive) to small
// integers: one hash, one bucket, one confirming compare. Building a map with
// a duplicate key, or with keys the hash cannot separate, fails to compile.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace imperva_cef::ecs {

namespace detail {

// Folding with 0x20 is a correct case-insensitive compare on key bytes
// ([A-Za-z0-9_.,[\]]): only the letter pairs share a folded value.
constexpr unsigned char fold(char c) noexcept { return static_cast<unsigned char>(c | 0x20); }

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define IMPERVA_CEF_WORD_LOADS 1
#endif

// A word made of the folded bytes p[0..n), n <= 8, little-endian; distinct
// keys of the same length give distinct words. At run time four bytes or more
// are one or two loads; the byte arithmetic gives the same word when the table
// is built.
constexpr std::uint64_t folded_word(const char* p, std::size_t n) noexcept {
#ifdef IMPERVA_CEF_WORD_LOADS
  if (!__builtin_is_constant_evaluated() && n >= 4) {
    std::uint64_t word = 0;
    if (n == 8) {
      std::memcpy(&word, p, 8);
    } else {
      // Two overlapping 4-byte loads; the shared bytes are equal, so OR is exact.
      std::uint32_t low = 0, high = 0;
      std::memcpy(&low, p, 4);
      std::memcpy(&high, p + n - 4, 4);
      word = std::uint64_t{low} | (std::uint64_t{high} << (8 * (n - 4)));
    }
    return word | (0x2020202020202020ULL >> (8 * (8 - n)));
  }
#endif
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < n; ++i) word |= std::uint64_t{fold(p[i])} << (8 * i);
  return word;
}

constexpr bool equal_folded(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n <= 8) return folded_word(a.data(), n) == folded_word(b.data(), n);
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    if (folded_word(a.data() + i, 8) != folded_word(b.data() + i, 8)) return false;
  }
  return folded_word(a.data() + n - 8, 8) == folded_word(b.data() + n - 8, 8);
}

// low_bytes[n] keeps the n low bytes of a word.
inline constexpr std::uint64_t low_bytes[8] = {0,          0xFF,           0xFFFF,           0xFFFFFF,
                                               0xFFFFFFFF, 0xFFFFFFFFFF,   0xFFFFFFFFFFFF,   0xFFFFFFFFFFFFFF};

// A key reduced to its length and its first and last (up to) eight folded
// bytes: what the hash mixes and what a lookup compares first.
struct key_words {
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  std::size_t size = 0;

  constexpr key_words() = default;
  constexpr explicit key_words(std::string_view key) noexcept : key_words(key, key.data() + key.size()) {}

  // Bytes up to readable_end may be read: a key shorter than eight bytes
  // then is one load too, its bytes past the key masked off.
  constexpr key_words(std::string_view key, const char* readable_end) noexcept : size(key.size()) {
#ifdef IMPERVA_CEF_WORD_LOADS
    // The words folded_word() gives, with one branch on the length: most
    // keys have eight bytes or more, and their two words are plain loads.
    if (!__builtin_is_constant_evaluated()) {
      constexpr std::uint64_t case_bits = 0x2020202020202020ULL;
      if (size >= 8) {
        std::memcpy(&first, key.data(), 8);
        std::memcpy(&last, key.data() + size - 8, 8);
        first |= case_bits;
        last |= case_bits;
        return;
      }
      const std::ptrdiff_t readable = readable_end - key.data();
      if (readable >= 8) {
        std::memcpy(&first, key.data(), 8);
        first = (first | case_bits) & low_bytes[size];  // little-endian: the key's bytes are the low ones
        last = first;
        return;
      }
      // A short key before a short value ("cpt=443"): one 4-byte load
      // instead of a byte loop.
      if (readable >= 4 && size <= 4) {
        std::uint32_t word = 0;
        std::memcpy(&word, key.data(), 4);
        first = (std::uint64_t{word} | case_bits) & low_bytes[size];
        last = first;
        return;
      }
    }
#endif
    static_cast<void>(readable_end);
    const std::size_t head = size < 8 ? size : 8;
    first = folded_word(key.data(), head);
    last = size > 8 ? folded_word(key.data() + size - 8, 8) : first;
  }

  // One multiplication by an odd factor; the bucket is the top bits. The
  // table build tries factors until no two keys share a bucket. The sum is
  // two lea instructions; doubling last keeps it apart from first, which it
  // equals for keys of up to eight bytes.
  constexpr std::uint64_t hash(std::uint64_t factor) const noexcept { return (first + 2 * last + size) * factor; }
};

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

namespace detail {

// A key's words with its value beside them: one cache line serves both the
// check and the result.
struct key_slot {
  key_words words;
  int value = -1;
};

}  // namespace detail

template <std::size_t N>
class key_map {
 public:
  static constexpr std::size_t buckets = detail::bucket_count_for(N);
  static constexpr unsigned shift = 64 - detail::log2_of(buckets);

  constexpr explicit key_map(const std::array<key_entry, N>& entries) : entries_(entries), slots_(slots_of(entries)) {
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t j = i + 1; j < N; ++j) {
        if (detail::equal_folded(entries[i].key, entries[j].key)) {
          throw "imperva_cef: duplicate key in a mapping table";
        }
      }
    }
    for (std::uint64_t seed = 1; seed < 1000; ++seed) {
      if (try_factor(seed * 0x9E3779B97F4A7C16ULL + 1)) return;
    }
    throw "imperva_cef: no perfect hash found for a mapping table";
  }

  // The entry whose key equals key up to ASCII case, or nullptr.
  constexpr const key_entry* lookup(std::string_view key) const noexcept {
    return lookup(key, key.data() + key.size());
  }

  // The same, reading bytes up to readable_end (at or after the key's end)
  // where that saves work: the lexer's keys are followed by '=' and a value.
  constexpr const key_entry* lookup(std::string_view key, const char* readable_end) const noexcept {
    const std::size_t slot = slot_of(key, readable_end);
    return slot != 0 ? &entries_[slot - 1] : nullptr;
  }

  // The value stored for key, or -1.
  constexpr int find(std::string_view key) const noexcept { return find(key, key.data() + key.size()); }

  constexpr int find(std::string_view key, const char* readable_end) const noexcept {
    return slots_[slot_of(key, readable_end)].value;
  }

  constexpr const std::array<key_entry, N>& entries() const noexcept { return entries_; }

 private:
  static constexpr std::size_t bucket(const detail::key_words& words, std::uint64_t factor) noexcept {
    return static_cast<std::size_t>(words.hash(factor) >> shift);
  }

  // The slot of the entry matching key, or 0. An empty bucket gives slot 0,
  // whose size no key has, so one compare rejects both a free bucket and a
  // different key.
  constexpr std::size_t slot_of(std::string_view key, const char* readable_end) const noexcept {
    const detail::key_words words(key, readable_end);
    const std::size_t slot = index_[bucket(words, factor_)];
    const detail::key_words& candidate = slots_[slot].words;
    if (((candidate.first ^ words.first) | (candidate.last ^ words.last) | (candidate.size ^ words.size)) != 0) {
      return 0;
    }
    // Keys of up to 16 bytes are wholly covered by the two words, keys of up
    // to 24 with the word at offset 8.
    if (words.size <= 16) return slot;
    const std::string_view entry = entries_[slot - 1].key;
    if (words.size <= 24) {
      return detail::folded_word(entry.data() + 8, 8) == detail::folded_word(key.data() + 8, 8) ? slot : 0;
    }
    return detail::equal_folded(entry, key) ? slot : 0;
  }

  constexpr bool try_factor(std::uint64_t factor) {
    std::array<std::uint16_t, buckets> index{};
    for (std::size_t i = 1; i <= N; ++i) {
      std::uint16_t& slot = index[bucket(slots_[i].words, factor)];
      if (slot != 0) return false;
      slot = static_cast<std::uint16_t>(i);
    }
    index_ = index;
    factor_ = factor;
    return true;
  }

  static constexpr std::array<detail::key_slot, N + 1> slots_of(const std::array<key_entry, N>& entries) {
    std::array<detail::key_slot, N + 1> slots{};
    slots[0].words.size = ~std::size_t{0};
    for (std::size_t i = 0; i < N; ++i) slots[i + 1] = {detail::key_words(entries[i].key), entries[i].value};
    return slots;
  }

  std::array<key_entry, N> entries_;
  std::array<detail::key_slot, N + 1> slots_;  // slot 0 matches no key
  std::array<std::uint16_t, buckets> index_{};
  std::uint64_t factor_ = 0;
};

}  // namespace imperva_cef::ecs
