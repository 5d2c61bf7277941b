// The writer contract: what the profiles call to produce one JSON event.
//
// A writer receives a well-formed sequence of calls (keys only inside objects,
// every begin matched by its end). Keys and strings are raw bytes as found in
// the log; the writer is responsible for escaping and for UTF-8 repair.
// raw_json() receives text that is already valid JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

#if defined(__cpp_concepts) && __cpp_concepts >= 201907L && __has_include(<concepts>)
#include <concepts>
#define IMPERVA_CEF_HAS_CONCEPTS 1
#endif

namespace imperva_cef {

#ifdef IMPERVA_CEF_HAS_CONCEPTS
template <class W>
concept json_writer = requires(W& w, std::string_view text, std::int64_t integer,
                               double number, bool flag) {
  w.begin_object();
  w.end_object();
  w.begin_array();
  w.end_array();
  w.key(text);
  w.string(text);
  w.integer(integer);
  w.number(number);
  w.boolean(flag);
  w.raw_json(text);
};
#define IMPERVA_CEF_WRITER ::imperva_cef::json_writer
#else
#define IMPERVA_CEF_WRITER class
#endif

// Optional members a writer may offer for speed; the profiles use them when
// present and the calls above otherwise.
//   void key_path(std::string_view json_text, std::size_t objects_opened);
//     Keys that need no escaping with objects opened between them, as JSON
//     text: `"a":{"b":` is key a, begin_object, key b (objects_opened = 1).
//   void key_path_string(std::string_view json_text, std::size_t objects_opened,
//                        std::string_view text);
//     key_path(json_text, objects_opened), then string(text), in one write.
//   void number_text(std::string_view json_text);
//     A number already written as std::to_chars writes it.
template <class Writer, class = void>
inline constexpr bool takes_key_paths = false;
template <class Writer>
inline constexpr bool takes_key_paths<
    Writer, std::void_t<decltype(std::declval<Writer&>().key_path(std::string_view{}, std::size_t{}))>> = true;

template <class Writer, class = void>
inline constexpr bool takes_key_path_strings = false;
template <class Writer>
inline constexpr bool takes_key_path_strings<
    Writer, std::void_t<decltype(std::declval<Writer&>().key_path_string(std::string_view{}, std::size_t{},
                                                                         std::string_view{}))>> = true;

template <class Writer, class = void>
inline constexpr bool takes_number_text = false;
template <class Writer>
inline constexpr bool takes_number_text<
    Writer, std::void_t<decltype(std::declval<Writer&>().number_text(std::string_view{}))>> = true;

}  // namespace imperva_cef
