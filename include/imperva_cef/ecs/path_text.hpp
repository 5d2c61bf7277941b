// A table row's keys as JSON text made at compile time, so a writer that can
// take them whole copies `"imperva":{"request":{"headers":` in one go instead
// of escaping and writing each key and brace on its own.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "field_path.hpp"

namespace imperva_cef::ecs {

struct path_text {
  static constexpr std::size_t capacity = 96;
  std::array<char, capacity> bytes{};
  std::size_t size = 0;
  // Where each segment's key starts: with k objects of the path already
  // open, the text to write is the part from starts[k].
  std::array<std::size_t, max_path_depth> starts{};

  constexpr std::string_view from_depth(std::size_t open) const noexcept {
    return std::string_view(bytes.data() + starts[open], size - starts[open]);
  }
};

constexpr path_text make_path_text(const field_path& path) {
  path_text out;
  const auto put = [&out](char c) {
    if (out.size == path_text::capacity) throw "imperva_cef: field path too long for path_text";
    out.bytes[out.size++] = c;
  };
  for (std::size_t i = 0; i < path.depth; ++i) {
    out.starts[i] = out.size;
    put('"');
    for (const char c : path.segments[i]) {
      // Copied without escaping, so only bytes JSON takes as they are.
      if (c < 0x20 || c == '"' || c == '\\' || static_cast<unsigned char>(c) >= 0x80) {
        throw "imperva_cef: field names must be printable ASCII without quotes or backslashes";
      }
      put(c);
    }
    put('"');
    put(':');
    if (i + 1 < path.depth) put('{');
  }
  return out;
}

template <class Row, std::size_t N>
constexpr std::array<path_text, N> path_texts(const std::array<Row, N>& rows) {
  std::array<path_text, N> texts{};
  for (std::size_t i = 0; i < N; ++i) texts[i] = make_path_text(rows[i].path);
  return texts;
}

}  // namespace imperva_cef::ecs
