// Extension pairs that no table row reads, kept as one flat JSON object
// (labels.* for Imperva events, cef.extensions.* for other senders), so that
// no data is dropped.
//
// Keys are written as sent except that '.' becomes '_': a dotted key would
// otherwise open nested objects, which ECS labels (flat keywords) forbid and
// which would clash with a key equal to its prefix ("a" and "a.b"). Keys equal
// up to ASCII case and '.'/'_' are one key, and the last pair wins, as for
// every key (SPEC section 2). Keys come out sorted, so equal lines give equal
// bytes; sorting also keeps de-duplication O(n log n) however many pairs a
// hostile line holds.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "../detail/text_arena.hpp"
#include "../json/escape.hpp"
#include "event_scratch.hpp"
#include "key_map.hpp"

namespace imperva_cef::ecs {

namespace detail {

constexpr unsigned char label_fold(char c) noexcept { return fold(c == '.' ? '_' : c); }

inline int compare_label_keys(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char x = label_fold(a[i]), y = label_fold(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

inline std::string_view label_key(std::string_view key, imperva_cef::detail::text_arena& arena) {
  if (key.find('.') == std::string_view::npos) return key;
  char* out = arena.reserve(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) out[i] = key[i] == '.' ? '_' : key[i];
  return arena.commit(key.size());
}

}  // namespace detail

// The pairs as a JSON object in json (empty values left out), or an empty
// view when nothing is left. Reorders pairs.
inline std::string_view unmapped_object(std::vector<extension_pair>& pairs, std::string& json,
                                        imperva_cef::detail::text_arena& arena) {
  std::sort(pairs.begin(), pairs.end(), [](const extension_pair& a, const extension_pair& b) {
    const int order = detail::compare_label_keys(a.key, b.key);
    return order != 0 ? order < 0 : a.order < b.order;
  });
  json.clear();
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const bool superseded = i + 1 < pairs.size() && detail::compare_label_keys(pairs[i].key, pairs[i + 1].key) == 0;
    if (superseded || pairs[i].value.empty()) continue;
    json.push_back(json.empty() ? '{' : ',');
    json::append_json_string(json, detail::label_key(pairs[i].key, arena));
    json.push_back(':');
    json::append_json_string(json, pairs[i].value);
  }
  if (json.empty()) return {};
  json.push_back('}');
  return json;
}

}  // namespace imperva_cef::ecs
