// Comma-separated values as JSON arrays (xff, cs9, filetype, the Attack
// Analytics lists) and the de-duplicated related.* sets. Lists are built as
// JSON text in event_scratch::json and handed to the writer as raw JSON: items
// go through the same escaping and UTF-8 repair as any string.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../cef/lexer.hpp"
#include "../detail/text_arena.hpp"
#include "../json/escape.hpp"

namespace imperva_cef::ecs {

// Calls f(item) for each ','-separated item, blanks around it trimmed, empty
// items skipped.
template <class F>
void for_each_item(std::string_view list, F&& f) {
  std::size_t begin = 0;
  while (begin <= list.size()) {
    std::size_t comma = list.find(',', begin);
    if (comma == std::string_view::npos) comma = list.size();
    const std::string_view item = cef::detail::trim_blanks(list.substr(begin, comma - begin));
    if (!item.empty()) f(item);
    begin = comma + 1;
  }
}

// A JSON array appended item by item to a reused string.
class json_array_text {
 public:
  explicit json_array_text(std::string& out) : out_(out) { out_.clear(); }

  void string(std::string_view text) {
    separate();
    json::append_json_string(out_, text);
  }

  void integer(std::int64_t n) {
    separate();
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  }

  // The array, or an empty view when no item was added. It views the reused
  // string: valid until the next list is built there.
  std::string_view finish() {
    if (out_.empty()) return {};
    out_.push_back(']');
    return out_;
  }

 private:
  void separate() { out_.push_back(out_.empty() ? '[' : ','); }

  std::string& out_;
};

// items, known to need no escaping (valid IP addresses), as a JSON array of
// strings written in the arena in one piece, its size known ahead: no
// appends one at a time. Empty when there are no items.
inline std::string_view plain_string_array(const std::vector<std::string_view>& items,
                                           imperva_cef::detail::text_arena& arena) {
  if (items.empty()) return {};
  std::size_t size = 1;  // each item with its quotes and the ',' or '[' before it, then ']'
  for (const std::string_view item : items) size += item.size() + 3;
  char* const begin = arena.reserve(size);
  char* out = begin;
  for (const std::string_view item : items) {
    out[0] = ',';
    out[1] = '"';
    json::detail::copy_bytes(out + 2, reinterpret_cast<const unsigned char*>(item.data()), item.size());
    out += item.size() + 2;
    *out++ = '"';
  }
  *out = ']';
  *begin = '[';
  return arena.commit(size);
}

// Sorts items and drops repeats: the related.* sets, in a stable order
// whatever order the values came in. They gather a handful of items, for
// which an insertion sort that skips repeats as it goes costs a fraction of
// std::sort and std::unique; long lists (hostile input) take those.
inline void sort_distinct(std::vector<std::string_view>& items) {
  constexpr std::size_t few = 16;
  if (items.size() > few) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    return;
  }
  std::size_t kept = 0;  // items[0, kept) are sorted and distinct
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string_view item = items[i];
    std::size_t at = kept;
    int order = 1;  // of item against items[at - 1]: one compare tells both place and repeat
    while (at > 0 && (order = item.compare(items[at - 1])) < 0) --at;
    if (order == 0) continue;
    for (std::size_t j = kept; j > at; --j) items[j] = items[j - 1];  // j <= i: nothing unread is overwritten
    items[at] = item;
    ++kept;
  }
  items.resize(kept);
}

}  // namespace imperva_cef::ecs
