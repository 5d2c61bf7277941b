// imperva_cef: Imperva Cloud WAF SIEM logs (CEF) -> Elastic Common Schema.
//
//   nlohmann::json doc = imperva_cef::parse_imperva_cef(line);      // throws parse_error
//
//   std::string out;                                                 // the fast path
//   imperva_cef::json::string_writer writer(out);
//   imperva_cef::parse_result r = imperva_cef::write_imperva_cef(line, writer);
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "cef/lexer.hpp"
#include "detail/text_arena.hpp"
#include "detail/zeroed.hpp"
#include "describe_fields.hpp"
#include "ecs/document.hpp"
#include "ecs/ecs_profile.hpp"
#include "ecs/event_scratch.hpp"
#include "ecs/profile.hpp"
#include "ecs/sekoia_profile.hpp"
#include "error.hpp"
#include "json/nlohmann_writer.hpp"
#include "json/string_writer.hpp"
#include "json/writer.hpp"
#include "options.hpp"
#include "version.hpp"

namespace imperva_cef {

namespace detail {

// Per-thread buffers the conversions reuse, so a warm thread allocates nothing.
struct scratch_space {
  text_arena arena;
  ecs::event_scratch event;
};

inline scratch_space& thread_scratch() {
  thread_local scratch_space scratch;
  scratch.arena.reset();
  scratch.event.clear();
  return scratch;
}

template <class Profile, class Writer>
parse_result write_table_profile(std::string_view line, Writer& writer) {
  ecs::slot_collector<Profile> collector;
  const parse_result result = cef::lex(line, collector);
  if (!result) return result;
  scratch_space& scratch = thread_scratch();
  ecs::document<Writer> doc(writer);
  ecs::write_rows<Profile>(collector.slots(), doc, scratch.arena, scratch.event);
  doc.finish();
  return result;
}

template <class Writer>
parse_result write_ecs_profile(std::string_view line, Writer& writer, bool keep_original) {
  imperva_cef::detail::zeroed<cef::header> storage;
  cef::header& header = storage.get();
  const parse_result result = cef::lex_header(line, header);
  if (!result) return result;
  scratch_space& scratch = thread_scratch();
  ecs::write_ecs_event(line, header, keep_original, writer, scratch.arena, scratch.event);
  return result;
}

}  // namespace detail

// Writes the event for one line into writer and returns ok, or returns the
// line error and writes nothing. Never throws for bad input.
template <IMPERVA_CEF_WRITER Writer>
parse_result write_imperva_cef(std::string_view line, Writer& writer, const options& opts = {}) {
  if (line.size() > opts.max_line_bytes) return {errc::line_too_long, opts.max_line_bytes};
  if (opts.profile == profile::ecs) return detail::write_ecs_profile(line, writer, opts.keep_original);
  return detail::write_table_profile<ecs::sekoia_profile>(line, writer);
}

// The document SPEC section 7 prescribes for a line that is not CEF.
template <IMPERVA_CEF_WRITER Writer>
void write_error_document(std::string_view line, const parse_result& error, Writer& writer) {
  writer.begin_object();
  writer.key("error");
  writer.begin_object();
  writer.key("message");
  writer.string(error.message());
  writer.key("type");
  writer.string("cef_parse_error");
  writer.end_object();
  writer.key("event");
  writer.begin_object();
  writer.key("kind");
  writer.string("pipeline_error");
  writer.key("original");
  writer.string(line);
  writer.end_object();
  writer.end_object();
}

// Non-throwing: out holds the event when the result is ok.
inline parse_result parse_imperva_cef(std::string_view line, nlohmann::json& out, const options& opts = {}) {
  json::nlohmann_writer writer;
  const parse_result result = write_imperva_cef(line, writer, opts);
  if (result) out = std::move(writer.result());
  return result;
}

// The one-call API: throws parse_error for a line that is not CEF.
inline nlohmann::json parse_imperva_cef(std::string_view line, const options& opts = {}) {
  nlohmann::json event;
  const parse_result result = parse_imperva_cef(line, event, opts);
  if (!result) throw parse_error(result);
  return event;
}

}  // namespace imperva_cef
