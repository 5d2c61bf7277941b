// Per-event working memory of the conversions beyond the text arena: why
// values were left out (the ecs profile's error.message), the extension pairs
// no row reads (labels.*, cef.extensions.*), and buffers for building lists.
// One lives per thread and is cleared per event, so a warm thread allocates
// nothing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../detail/text_arena.hpp"
#include "field_path.hpp"

namespace imperva_cef::ecs {

struct extension_pair {
  std::string_view key;
  std::string_view value;  // raw, as in the line
  std::size_t order;       // position among the pairs: the later one wins
};

struct event_scratch {
  std::vector<std::string_view> failures;  // "<field>: <reason>: \"<value>\"", in the arena
  std::vector<extension_pair> unmapped;
  std::vector<std::string_view> items;  // for sorting and de-duplicating list items
  std::string json;                     // lists and objects are built here as JSON text
  std::string decoded;                  // a header-array string with escapes, decoded

  void clear() noexcept {
    failures.clear();
    unmapped.clear();
  }

  // Records that the value for path was left out, and why.
  void left_out(const field_path& path, std::string_view reason, std::string_view value,
                imperva_cef::detail::text_arena& arena) {
    // The dotted path (segments and depth - 1 dots), ": ", reason, ": \"", value, "\"".
    std::size_t size = reason.size() + value.size() + 5;
    for (std::size_t i = 0; i < path.depth; ++i) size += path.segments[i].size() + 1;
    char* const begin = arena.reserve(size);
    char* out = begin;
    const auto put = [&out](std::string_view text) {
      for (const char c : text) *out++ = c;
    };
    for (std::size_t i = 0; i < path.depth; ++i) {
      if (i > 0) *out++ = '.';
      put(path.segments[i]);
    }
    put(": ");
    put(reason);
    put(": \"");
    put(value);
    *out++ = '"';
    failures.push_back(arena.commit(static_cast<std::size_t>(out - begin)));
  }
};

}  // namespace imperva_cef::ecs
