// The field mapping of each profile, read from its compile-time tables, so
// that documentation (the README table, `imperva2ecs --list-fields`) cannot
// drift from what the code does.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ecs/attack_analytics_profile.hpp"
#include "ecs/cef_fallback_profile.hpp"
#include "ecs/conversions.hpp"
#include "ecs/ecs_profile.hpp"
#include "ecs/ecs_web_profile.hpp"
#include "ecs/sekoia_profile.hpp"
#include "options.hpp"

namespace imperva_cef {

struct field_description {
  std::string applies_to;  // the lines the row is for: "any line", "Incapsula|SIEMintegration", ...
  std::string field;       // dotted ECS field name
  std::string source;      // CEF keys, csN labels or header parts read, ", "-separated; "" for constants
  std::string conversion;  // conversion name, and its literal for constants
};

namespace detail {

inline void append_source(std::string& out, std::string_view text) {
  if (!out.empty()) out += ", ";
  out += text;
}

template <class Profile>
std::string describe_slot(int slot) {
  std::string text;
  if (slot < 0) return text;
  for (const ecs::key_entry& entry : Profile::keys.entries()) {
    if (entry.value == slot) append_source(text, entry.key);
  }
  if constexpr (ecs::reads_custom_strings<Profile>) {
    for (const ecs::key_entry& entry : Profile::custom_labels.entries()) {
      if (entry.value != slot) continue;
      std::string custom = "csN labelled \"" + std::string(entry.key) + "\"";
      for (int n = 1; n <= ecs::custom_string_count; ++n) {
        if (Profile::usual_custom_slots[static_cast<std::size_t>(n)] == slot) {
          custom += " (unlabelled: " + std::string(ecs::custom_value_key(n)) + ")";
        }
      }
      append_source(text, custom);
    }
  }
  if constexpr (!std::is_same_v<Profile, ecs::sekoia_profile>) {
    for (const ecs::line_source& source : Profile::line_sources) {
      if (source.slot == slot) append_source(text, ecs::line_part_name(source.part));
    }
  }
  return text;
}

template <class Profile>
void describe_profile(std::string_view applies_to, std::vector<field_description>& out) {
  for (const ecs::field_row& row : Profile::fields) {
    field_description description{std::string(applies_to), {}, {}, std::string(ecs::conversion_name(row.how))};
    for (std::size_t i = 0; i < row.path.depth; ++i) {
      if (i > 0) description.field += '.';
      description.field += row.path.segments[i];
    }
    for (const int slot : {row.source, row.second, row.third}) {
      const std::string source = describe_slot<Profile>(slot);
      if (!source.empty()) append_source(description.source, source);
    }
    if (row.how == ecs::conversion::unmapped_keys) description.source = "every key no other row reads";
    if (row.how == ecs::conversion::failures) description.source = "the values the rows above left out";
    if (!row.literal.empty()) (description.conversion += ' ') += row.literal;
    out.push_back(std::move(description));
  }
}

template <class Profile>
std::string sender() {
  return std::string(Profile::vendor) + "|" + std::string(Profile::product);
}

}  // namespace detail

// One row per output field of the profile, in output order. The ecs profile
// lists its three tables one after the other.
inline std::vector<field_description> describe_fields(profile which) {
  std::vector<field_description> rows;
  switch (which) {
    case profile::sekoia: detail::describe_profile<ecs::sekoia_profile>("any line", rows); break;
    case profile::ecs:
      detail::describe_profile<ecs::ecs_web_profile>(detail::sender<ecs::ecs_web_profile>(), rows);
      detail::describe_profile<ecs::attack_analytics_profile>(detail::sender<ecs::attack_analytics_profile>(), rows);
      detail::describe_profile<ecs::cef_fallback_profile>("any other vendor|product", rows);
      break;
  }
  return rows;
}

}  // namespace imperva_cef
