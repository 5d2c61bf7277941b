// CEF custom strings: Imperva sends cs1..cs11 with a csNLabel saying what each
// holds. The ecs profiles read a value by its label (label -> slot) and fall
// back to Imperva's usual slot for that N when the label is missing. A value
// whose label is unknown, or whose slot another csN already filled (labelled
// ones first, then lower N first), is kept under labels.* with its label
// beside it, so its meaning is not lost.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "../detail/bits.hpp"
#include "../detail/zeroed.hpp"
#include "ascii.hpp"
#include "event_scratch.hpp"
#include "key_map.hpp"

namespace imperva_cef::ecs {

inline constexpr int custom_string_count = 11;  // Imperva uses cs1..cs11

// Key ids for csN and csNLabel in a profile's key map, above any slot number:
// custom_key_base plus the index of the pair in custom_strings_seen::texts.
inline constexpr int custom_key_base = 1 << 12;
inline constexpr int custom_label_offset = custom_string_count + 1;

inline constexpr std::array<key_entry, 2 * custom_string_count> custom_string_keys{{
    {"cs1", custom_key_base + 1},    {"cs1Label", custom_key_base + custom_label_offset + 1},
    {"cs2", custom_key_base + 2},    {"cs2Label", custom_key_base + custom_label_offset + 2},
    {"cs3", custom_key_base + 3},    {"cs3Label", custom_key_base + custom_label_offset + 3},
    {"cs4", custom_key_base + 4},    {"cs4Label", custom_key_base + custom_label_offset + 4},
    {"cs5", custom_key_base + 5},    {"cs5Label", custom_key_base + custom_label_offset + 5},
    {"cs6", custom_key_base + 6},    {"cs6Label", custom_key_base + custom_label_offset + 6},
    {"cs7", custom_key_base + 7},    {"cs7Label", custom_key_base + custom_label_offset + 7},
    {"cs8", custom_key_base + 8},    {"cs8Label", custom_key_base + custom_label_offset + 8},
    {"cs9", custom_key_base + 9},    {"cs9Label", custom_key_base + custom_label_offset + 9},
    {"cs10", custom_key_base + 10},  {"cs10Label", custom_key_base + custom_label_offset + 10},
    {"cs11", custom_key_base + 11},  {"cs11Label", custom_key_base + custom_label_offset + 11},
}};

constexpr std::string_view custom_value_key(int n) noexcept { return custom_string_keys[2 * (n - 1)].key; }
constexpr std::string_view custom_label_key(int n) noexcept { return custom_string_keys[2 * (n - 1) + 1].key; }

// A profile's plain keys followed by cs1..cs11 and their labels.
template <std::size_t N>
constexpr std::array<key_entry, N + custom_string_keys.size()> with_custom_strings(
    const std::array<key_entry, N>& plain) noexcept {
  std::array<key_entry, N + custom_string_keys.size()> all{};
  for (std::size_t i = 0; i < N; ++i) all[i] = plain[i];
  for (std::size_t i = 0; i < custom_string_keys.size(); ++i) all[N + i] = custom_string_keys[i];
  return all;
}

// What the lexer saw, decoded: csN's value at texts[N], its label at
// texts[custom_label_offset + N] (index 0 of each half unused).
struct custom_strings_seen {
  imperva_cef::detail::zeroed<std::array<std::string_view, 2 * custom_label_offset>> texts;
  std::uint32_t sent = 0;  // bit i: texts[i] was sent, so routing visits only those N
  static_assert(2 * custom_label_offset <= 32, "a bit of sent for each text");

  // Stores the pair of a csN or csNLabel key id: one store and one bit, no
  // branch on which of the two it is.
  void take(int id, std::string_view text) noexcept {
    const auto index = static_cast<std::size_t>(id - custom_key_base);
    texts.get()[index] = text;
    sent |= std::uint32_t{1} << index;
  }

  std::string_view value(std::size_t n) const noexcept { return texts.get()[n]; }
  std::string_view label(std::size_t n) const noexcept { return texts.get()[custom_label_offset + n]; }
  // Bit N: csN or csNLabel was sent.
  constexpr std::uint32_t sent_numbers() const noexcept {
    return (sent | sent >> custom_label_offset) & ((std::uint32_t{1} << custom_label_offset) - 1);
  }
};

namespace detail {

// a == b without a call: labels are short, and memcmp's call costs more than
// comparing them a word at a time.
inline bool same_bytes(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n < 8) {
    for (std::size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }
  const auto word = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  };
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    if (word(a.data() + i) != word(b.data() + i)) return false;
  }
  return word(a.data() + n - 8) == word(b.data() + n - 8);
}

}  // namespace detail

// The slot a label names in labels (a map label -> slot), or -1. Labels match
// ignoring ASCII case; the map's own compare folds more loosely, so confirm
// (senders mostly use the table's spelling: an exact compare settles it).
template <class LabelMap>
constexpr int slot_for_label(const LabelMap& labels, std::string_view label) noexcept {
  const key_entry* entry = labels.lookup(label);
  if (entry == nullptr) return -1;
  return entry->key == label || detail::equal_ignoring_case(entry->key, label) ? entry->value : -1;
}

// For each N, the label of Imperva's usual slot for csN (empty when there is
// none): what senders almost always write, so it is tried before the map.
template <class Profile>
inline constexpr auto usual_custom_labels = [] {
  std::array<std::string_view, custom_string_count + 1> labels{};
  for (std::size_t n = 1; n < labels.size(); ++n) {
    for (const key_entry& entry : Profile::custom_labels.entries()) {
      if (entry.value == Profile::usual_custom_slots[n]) labels[n] = entry.key;
    }
  }
  return labels;
}();

// Puts csN's value in slot when there is one and it is still free; else keeps
// the value, and a label that says something, under labels.*.
template <std::size_t Slots>
void place_custom_string(int n, int slot, std::string_view value, std::string_view label,
                         std::array<std::string_view, Slots>& slots, event_scratch& scratch) {
  if (slot >= 0 && !value.empty() && slots[static_cast<std::size_t>(slot)].empty()) {
    slots[static_cast<std::size_t>(slot)] = value;
    return;
  }
  // A known label without a value says nothing; anything else is kept.
  if (!value.empty()) scratch.unmapped.push_back({custom_value_key(n), value, scratch.unmapped.size()});
  if (!label.empty() && (slot < 0 || !value.empty())) {
    scratch.unmapped.push_back({custom_label_key(n), label, scratch.unmapped.size()});
  }
}

// Moves each csN value into the slot its label names, then each unlabelled
// one into its usual slot if still free (a label is better evidence than a
// habit); the rest goes to scratch.unmapped. Both in the order of N.
template <class Profile, std::size_t Slots>
void route_custom_strings(const custom_strings_seen& seen, std::array<std::string_view, Slots>& slots,
                          event_scratch& scratch) {
  std::uint32_t unlabelled = 0;
  for (std::uint32_t left = seen.sent_numbers(); left != 0; left &= left - 1) {
    const int n = static_cast<int>(imperva_cef::detail::lowest_bit(left));
    const auto index = static_cast<std::size_t>(n);
    const std::string_view label = seen.label(index);
    if (label.empty()) {
      if (!seen.value(index).empty()) unlabelled |= std::uint32_t{1} << n;
      continue;
    }
    const int slot = detail::same_bytes(label, usual_custom_labels<Profile>[index])
                         ? Profile::usual_custom_slots[index]
                         : slot_for_label(Profile::custom_labels, label);
    place_custom_string(n, slot, seen.value(index), label, slots, scratch);
  }
  for (; unlabelled != 0; unlabelled &= unlabelled - 1) {
    const int n = static_cast<int>(imperva_cef::detail::lowest_bit(unlabelled));
    const auto index = static_cast<std::size_t>(n);
    place_custom_string(n, Profile::usual_custom_slots[index], seen.value(index), {}, slots, scratch);
  }
}

}  // namespace imperva_cef::ecs
