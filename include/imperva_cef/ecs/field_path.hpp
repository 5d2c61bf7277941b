// Dotted ECS field names split at compile time, and the check that a table
// lists fields grouped by parent object (so a document streams out without
// reopening an object).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace imperva_cef::ecs {

inline constexpr std::size_t max_path_depth = 5;

struct field_path {
  std::array<std::string_view, max_path_depth> segments{};
  std::size_t depth = 0;

  constexpr field_path() = default;
  // Implicit, so that tables can be written with plain literals.
  template <std::size_t N>
  constexpr field_path(const char (&dotted)[N]) : field_path(std::string_view(dotted, N - 1)) {}  // NOLINT

  constexpr explicit field_path(std::string_view dotted) {
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= dotted.size(); ++i) {
      if (i == dotted.size() || dotted[i] == '.') {
        if (depth == max_path_depth || i == begin) throw "imperva_cef: bad field path";
        segments[depth++] = dotted.substr(begin, i - begin);
        begin = i + 1;
      }
    }
  }

  constexpr std::string_view leaf() const noexcept { return segments[depth - 1]; }
};

// Length of the common parent prefix of two paths.
constexpr std::size_t shared_parents(const field_path& a, const field_path& b) noexcept {
  std::size_t n = 0;
  while (n + 1 < a.depth && n + 1 < b.depth && a.segments[n] == b.segments[n]) ++n;
  return n;
}

// For each row, how many parent objects it shares with the row before it.
// In a grouped table, what a row shares with any earlier row is the least of
// these in between, so a writer can keep objects open without comparing.
template <class Row, std::size_t N>
constexpr std::array<std::size_t, N> parents_shared_with_previous(const std::array<Row, N>& rows) noexcept {
  std::array<std::size_t, N> shared{};
  for (std::size_t i = 1; i < N; ++i) shared[i] = shared_parents(rows[i - 1].path, rows[i].path);
  return shared;
}

// True when every parent object's fields stand together, no field is written
// twice and no field is also an object. Quadratic, to stay within compilers'
// constant-evaluation limits on large tables.
template <class Row, std::size_t N>
constexpr bool fields_are_grouped(const std::array<Row, N>& rows) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    const field_path& a = rows[i].path;
    // The fewest parents row i shares with any row between it and row j.
    std::size_t shared_between = max_path_depth;
    for (std::size_t j = i + 1; j < N; ++j) {
      const field_path& b = rows[j].path;
      const std::size_t shared = shared_parents(a, b);
      if (shared + 1 == a.depth && shared + 1 == b.depth && a.leaf() == b.leaf()) return false;
      if (shared + 1 == a.depth && shared < b.depth && a.segments[shared] == b.segments[shared]) return false;
      if (shared + 1 == b.depth && shared < a.depth && a.segments[shared] == b.segments[shared]) return false;
      // A group that was left cannot come back.
      if (shared > shared_between) return false;
      if (shared < shared_between) shared_between = shared;
    }
  }
  return true;
}

}  // namespace imperva_cef::ecs
