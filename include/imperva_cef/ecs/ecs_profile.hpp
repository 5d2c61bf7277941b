// The `ecs` profile (SPEC section 4): correct ECS for new deployments. The
// header's vendor and product choose the table: Imperva web protection
// events, Attack Analytics incidents, or the cef.* fallback for anything else.
//
// Unlike the sekoia profile it decodes values (SPEC section 2), reads csN by
// their labels, keeps keys no row reads under labels.* and names every value
// it had to leave out in error.message.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../cef/header.hpp"
#include "../cef/lexer.hpp"
#include "../detail/zeroed.hpp"
#include "../detail/text_arena.hpp"
#include "attack_analytics_profile.hpp"
#include "cef_fallback_profile.hpp"
#include "custom_strings.hpp"
#include "decode.hpp"
#include "document.hpp"
#include "ecs_web_profile.hpp"
#include "event_scratch.hpp"
#include "line_parts.hpp"
#include "profile.hpp"

namespace imperva_cef::ecs {

// True for the profiles that read csN by label (they declare custom_labels).
template <class Profile, class = void>
inline constexpr bool reads_custom_strings = false;
template <class Profile>
inline constexpr bool reads_custom_strings<Profile, std::void_t<decltype(Profile::custom_labels)>> = true;

// Lexer handler: values are decoded as they come; mapped keys fill slots,
// csN pairs wait for their labels, and every other pair is kept for labels.*
// (or cef.extensions.*).
template <class Profile>
struct ecs_collector {
  imperva_cef::detail::zeroed<std::array<std::string_view, Profile::slot_count>> storage;
  custom_strings_seen custom;
  std::vector<extension_pair>& unmapped;
  extension_decoder decode;
  imperva_cef::detail::text_arena& arena;

  ecs_collector(std::vector<extension_pair>& unmapped_pairs, extension_decoder decoder,
                imperva_cef::detail::text_arena& text_arena) noexcept
      : unmapped(unmapped_pairs), decode(decoder), arena(text_arena) {}

  std::array<std::string_view, Profile::slot_count>& slots() noexcept { return storage.get(); }

  void on_pair(std::string_view key, std::string_view raw) {
    const std::string_view value = decode(raw, arena);
    const int id = Profile::keys.find(key, raw.data() + raw.size());
    // Mapped keys first, with one unsigned compare: they are most pairs.
    if (static_cast<unsigned>(id) < Profile::slot_count) {
      slots()[static_cast<std::size_t>(id)] = value;
    } else if (id < 0) {
      unmapped.push_back({key, value, unmapped.size()});
    } else {
      custom.take(id, value);
    }
  }
};

// A header field decoded and trimmed, as the ecs profile reads it.
inline std::string_view header_text(const cef::header& header, line_part part,
                                    imperva_cef::detail::text_arena& arena) {
  const std::string_view raw = header_field(header, part);
  return cef::detail::trim_blanks(header.has_escapes ? decoded_header(raw, arena) : raw);
}

// Writes the document of one event whose header is already lexed.
template <class Profile, class Writer>
void write_event(std::string_view line, const cef::header& header, bool keep_original, Writer& writer,
                 imperva_cef::detail::text_arena& arena, event_scratch& scratch) {
  ecs_collector<Profile> collector(scratch.unmapped, extension_decoder(header.extension), arena);
  cef::lex_extension(header.extension, collector);
  if constexpr (reads_custom_strings<Profile>) {
    route_custom_strings<Profile>(collector.custom, collector.slots(), scratch);
  }
  for (const line_source& source : Profile::line_sources) {
    std::string_view& slot = collector.slots()[static_cast<std::size_t>(source.slot)];
    if (source.part == line_part::whole_line) {
      slot = keep_original ? cef::detail::strip_line_break(line) : std::string_view{};
    } else {
      slot = header_text(header, source.part, arena);
    }
  }
  document<Writer> doc(writer);
  write_rows<Profile>(collector.slots(), doc, arena, scratch);
  doc.finish();
}

// Chooses the table by the header's vendor and product and writes the event.
template <class Writer>
void write_ecs_event(std::string_view line, const cef::header& header, bool keep_original, Writer& writer,
                     imperva_cef::detail::text_arena& arena, event_scratch& scratch) {
  const std::string_view vendor = header_text(header, line_part::device_vendor, arena);
  const std::string_view product = header_text(header, line_part::device_product, arena);
  if (vendor == ecs_web_profile::vendor && product == ecs_web_profile::product) {
    write_event<ecs_web_profile>(line, header, keep_original, writer, arena, scratch);
  } else if (vendor == attack_analytics_profile::vendor && product == attack_analytics_profile::product) {
    write_event<attack_analytics_profile>(line, header, keep_original, writer, arena, scratch);
  } else {
    write_event<cef_fallback_profile>(line, header, keep_original, writer, arena, scratch);
  }
}

}  // namespace imperva_cef::ecs
