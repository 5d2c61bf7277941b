// Per-event working memory of the conversions beyond the text arena: why
// values were left out (the ecs profile's error.message), the extension pairs
// no row reads (labels.*, cef.extensions.*), and buffers for building lists.
// One lives per thread and is cleared per event, so a warm thread allocates
// nothing.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../convert/timestamp.hpp"
#include "../detail/text_arena.hpp"
#include "field_path.hpp"
#include "url_parts.hpp"

namespace imperva_cef::ecs {

namespace detail {

// The same view, not merely equal text: what the per-event results below are keyed by.
constexpr bool same_view(std::string_view a, std::string_view b) noexcept {
  return a.data() == b.data() && a.size() == b.size();
}

}  // namespace detail

struct extension_pair {
  std::string_view key;
  std::string_view value;  // decoded
  std::size_t order;       // position among the pairs: the later one wins
};

struct event_scratch {
  std::vector<std::string_view> failures;  // "<field>: <reason>: \"<value>\"", in the arena
  std::vector<extension_pair> unmapped;
  std::vector<std::string_view> items;  // for sorting and de-duplicating list items
  std::string json;                     // lists and objects are built here as JSON text, one at a time
  std::string decoded;                  // a header-array string with escapes, decoded

  // The last request split and the last two times formatted, for rows that
  // read the same slot (six url.* and related.* rows; @timestamp and
  // event.start, with event.end in between). Keyed by the view itself: a
  // slot holds one view per event.
  struct formatted_time {
    std::string_view from;
    bool microseconds = false;
    std::string_view text;
  };
  std::string_view split_from;
  url_parts split;
  std::array<formatted_time, 2> times{};
  std::size_t next_time = 0;
  convert::date_memo dates;  // kept from event to event

  void clear() noexcept {
    failures.clear();
    unmapped.clear();
    split_from = {};
    split = {};
    times = {};
  }

  const url_parts& request_parts(std::string_view request) noexcept {
    if (!detail::same_view(request, split_from)) {
      split_from = request;
      split = split_request(request);
    }
    return split;
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
