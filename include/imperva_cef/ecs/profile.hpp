// The machinery every table-driven profile shares: collect the raw values of
// the keys a profile knows, then convert and write its rows in order.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "../cef/header.hpp"
#include "../detail/always_inline.hpp"
#include "../detail/zeroed.hpp"
#include "../detail/text_arena.hpp"
#include "conversions.hpp"
#include "document.hpp"
#include "event_scratch.hpp"
#include "path_text.hpp"

namespace imperva_cef::ecs {

// Lexer handler: keeps the last value of each key the profile maps.
template <class Profile>
struct slot_collector {
  imperva_cef::detail::zeroed<std::array<std::string_view, Profile::slot_count>> storage;

  std::array<std::string_view, Profile::slot_count>& slots() noexcept { return storage.get(); }

  void on_header(const cef::header&) {}  // table profiles read extension pairs only
  void on_pair(std::string_view key, std::string_view value) {
    const int slot = Profile::keys.find(key, value.data() + value.size());
    if (slot >= 0) slots()[static_cast<std::size_t>(slot)] = value;
  }
};

template <class Profile>
struct row_layout {
  static constexpr auto shared = parents_shared_with_previous(Profile::fields);
  static constexpr auto keys = path_texts(Profile::fields);
};

// Row I of Profile::fields, when its value is present. keep is how many open
// objects the next row may share; the row is a compile-time constant, so
// its conversion and keys are chosen when compiling.
template <class Profile, std::size_t I, class Writer>
void write_row(const std::array<std::string_view, Profile::slot_count>& slots, document<Writer>& doc,
               imperva_cef::detail::text_arena& arena, event_scratch& scratch,
               std::size_t& keep) {
  constexpr const field_row& row = Profile::fields[I];
  keep = std::min(keep, row_layout<Profile>::shared[I]);
  if constexpr (is_verbatim(row.how)) {
    static_assert(row.how == conversion::constant || row.source >= 0, "a text row reads a slot");
    const std::string_view text =
        row.how == conversion::constant ? row.literal : slots[static_cast<std::size_t>(row.source)];
    if (!text.empty()) {
      doc.string_field(row.path, row_layout<Profile>::keys[I], keep, text);
      keep = row.path.depth - 1;
    }
  } else {
    const value v = convert_field<row.how>(row, slots, arena, scratch);
    if (v.present()) {
      write_value(doc.field(row.path, row_layout<Profile>::keys[I], keep), v);
      keep = row.path.depth - 1;
    }
  }
}

// Out of line: it runs once per event, and whether GCC inlined it into its
// caller swung a profile's instruction count by up to 2% on unrelated edits.
template <class Profile, class Writer, std::size_t... I>
IMPERVA_CEF_NOINLINE void write_rows(const std::array<std::string_view, Profile::slot_count>& slots,
                                     document<Writer>& doc, imperva_cef::detail::text_arena& arena,
                                     event_scratch& scratch, std::index_sequence<I...>) {
  std::size_t keep = 0;
  (write_row<Profile, I>(slots, doc, arena, scratch, keep), ...);
}

// Writes every row of Profile::fields whose value is present, in table order.
template <class Profile, class Writer>
void write_rows(const std::array<std::string_view, Profile::slot_count>& slots, document<Writer>& doc,
                imperva_cef::detail::text_arena& arena, event_scratch& scratch) {
  write_rows<Profile>(slots, doc, arena, scratch, std::make_index_sequence<Profile::fields.size()>{});
}

}  // namespace imperva_cef::ecs
