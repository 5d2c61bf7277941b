// A converted field value, and how each kind is written. Conversions decide
// presence first, so parent objects are only opened for fields that exist.
#pragma once

#include <cstdint>
#include <string_view>

#include "../convert/number.hpp"
#include "../detail/always_inline.hpp"
#include "../json/writer.hpp"

namespace imperva_cef::ecs {

struct value {
  enum class kind : std::uint8_t {
    absent,
    text,
    integer,
    number,
    boolean,
    raw_json,         // text is valid JSON
    comma_list,       // text split on ',', empty items dropped (at least one is not)
    geo_point,        // {"lat": number, "lon": second}
    connection_type,  // ["connection", text], written out in second_text
    text_array        // [text] or, when second_text is not empty, [text, second_text]
  };

  kind type = kind::absent;
  bool flag = false;             // in type's padding: 64 bytes, not 72, returned by every converted row
  std::string_view text;         // for numbers: the (first) number as to_chars writes it, if known (then number is unset)
  std::string_view second_text;  // geo_point: the same for second; connection_type: the JSON text
  std::int64_t integer = 0;
  double number = 0;
  double second = 0;

  constexpr bool present() const noexcept { return type != kind::absent; }
};

// The number is shortest_text when that is not empty (as std::to_chars
// writes it, so it is copied or, for a writer that wants a double,
// converted here), else number.
template <class Writer>
void write_number(Writer& writer, double number, std::string_view shortest_text) {
  if (shortest_text.empty()) return writer.number(number);
  if constexpr (takes_number_text<Writer>) {
    writer.number_text(shortest_text);
  } else {
    writer.number(convert::to_decimal(shortest_text).value_or(0));
  }
}

namespace detail {

template <class Writer>
IMPERVA_CEF_NOINLINE void write_comma_list(Writer& writer, std::string_view list) {
  writer.begin_array();
  std::size_t begin = 0;
  while (begin <= list.size()) {
    std::size_t comma = list.find(',', begin);
    if (comma == std::string_view::npos) comma = list.size();
    if (comma > begin) writer.string(list.substr(begin, comma - begin));
    begin = comma + 1;
  }
  writer.end_array();
}

template <class Writer>
IMPERVA_CEF_NOINLINE void write_geo_point(Writer& writer, const value& v) {
  writer.begin_object();
  writer.key("lat");
  write_number(writer, v.number, v.text);
  writer.key("lon");
  write_number(writer, v.second, v.second_text);
  writer.end_object();
}

template <class Writer>
IMPERVA_CEF_NOINLINE void write_connection_array(Writer& writer, std::string_view outcome) {
  writer.begin_array();
  writer.string("connection");
  writer.string(outcome);
  writer.end_array();
}

template <class Writer>
IMPERVA_CEF_NOINLINE void write_text_array(Writer& writer, std::string_view first, std::string_view second) {
  writer.begin_array();
  writer.string(first);
  if (!second.empty()) writer.string(second);
  writer.end_array();
}

}  // namespace detail

// The kinds written in several calls are out of line: inlined, their loops
// and calls made the dispatch of every value save and restore more registers.
template <class Writer>
void write_value(Writer& writer, const value& v) {
  switch (v.type) {
    case value::kind::absent: break;
    case value::kind::text: writer.string(v.text); break;
    case value::kind::integer:
      if constexpr (takes_number_text<Writer>) {
        if (!v.text.empty()) return writer.number_text(v.text);
      }
      writer.integer(v.integer);
      break;
    case value::kind::number: write_number(writer, v.number, v.text); break;
    case value::kind::boolean: writer.boolean(v.flag); break;
    case value::kind::raw_json: writer.raw_json(v.text); break;
    case value::kind::comma_list: detail::write_comma_list(writer, v.text); break;
    case value::kind::geo_point: detail::write_geo_point(writer, v); break;
    case value::kind::connection_type:
      if constexpr (takes_key_paths<Writer>) {  // a writer of JSON text: one constant is cheaper than four calls
        writer.raw_json(v.second_text);
      } else {
        detail::write_connection_array(writer, v.text);
      }
      break;
    case value::kind::text_array: detail::write_text_array(writer, v.text, v.second_text); break;
  }
}

}  // namespace imperva_cef::ecs
