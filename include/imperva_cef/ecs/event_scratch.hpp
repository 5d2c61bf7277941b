// Per-event working memory of the conversions beyond the text arena: why
// values were left out (the ecs profile's error.message), the extension pairs
// no row reads (labels.*, cef.extensions.*), and buffers for building lists.
// One lives per thread and is cleared per event, so a warm thread allocates
// nothing.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../convert/ip.hpp"
#include "../convert/timestamp.hpp"
#include "../detail/text_arena.hpp"
#include "field_path.hpp"
#include "tls_parts.hpp"
#include "url_parts.hpp"

namespace imperva_cef::ecs {

namespace detail {

// The same view, not merely equal text: what the per-event results below are keyed by.
constexpr bool same_view(std::string_view a, std::string_view b) noexcept {
  return a.data() == b.data() && a.size() == b.size();
}

// A view that no text given to the caches below is (none lies in this
// byte): the key of a cache emptied for a new event. Resetting only the keys
// to it, not whole caches to {}, keeps GCC from clearing them as one block
// with `rep stos`, slow to start on AMD.
inline constexpr char no_text_byte = 0;
constexpr std::string_view no_text() noexcept { return std::string_view(&no_text_byte, 0); }

// The parts split from the last view given, so that the rows reading one
// slot split it once per event.
template <class Parts, Parts (*Split)(std::string_view) noexcept>
class split_once {
 public:
  const Parts& of(std::string_view text) noexcept {
    if (!same_view(text, from_)) {
      from_ = text;
      parts_ = Split(text);
    }
    return parts_;
  }

  void forget() noexcept { from_ = no_text(); }

 private:
  std::string_view from_ = no_text();
  Parts parts_;
};

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
  std::string text_list_json;           // text lists are built here, kept for the next row listing the same view
  std::string decoded;                  // a header-array string with escapes, decoded

  // The last request split, TLS text split, two times read and text list
  // built, for rows that read the same slot (six url.* and related.* rows;
  // three tls.* rows; @timestamp, event.start, event.end and event.duration
  // read start and end). Keyed by the view itself: a slot holds one view per
  // event.
  struct time_read {
    std::string_view from = detail::no_text();
    std::optional<std::int64_t> ms;  // from as epoch milliseconds, when it is one
    bool microseconds = false;       // the precision text was formatted with
    std::string_view text;           // formatted, once asked for
  };
  detail::split_once<url_parts, split_request> requests;
  detail::split_once<tls_parts, split_tls> tls_versions;
  std::array<time_read, 2> times{};
  // The last text list built (rule.name and imperva.rule.names list one slot).
  struct text_list_read {
    std::string_view from = detail::no_text();
    std::string_view json;  // in text_list_json; empty when from has no items
  };
  text_list_read text_list{};
  std::size_t next_time = 0;
  convert::date_memo dates;  // kept from event to event
  // Views found to be IP addresses: related.ip checks again what source.ip,
  // destination.ip and network.forwarded_ip checked. The first few only.
  std::array<std::string_view, 8> valid_ips{};
  std::size_t valid_ip_count = 0;

  void clear() noexcept {
    failures.clear();
    unmapped.clear();
    requests.forget();
    tls_versions.forget();
    for (time_read& read : times) read.from = detail::no_text();
    text_list.from = detail::no_text();
    valid_ip_count = 0;
  }

  const url_parts& request_parts(std::string_view request) noexcept { return requests.of(request); }
  const tls_parts& tls_version_parts(std::string_view ver) noexcept { return tls_versions.of(ver); }

  // The time read from text, once per event for each view.
  time_read& time(std::string_view text) noexcept {
    for (time_read& read : times) {
      if (detail::same_view(text, read.from)) return read;
    }
    time_read& read = times[next_time++ % times.size()];
    read = {text, convert::epoch_ms(text), false, {}};
    return read;
  }

  // convert::is_ip, remembered for the event.
  bool is_ip(std::string_view text) noexcept {
    for (std::size_t i = 0; i < valid_ip_count; ++i) {
      if (detail::same_view(text, valid_ips[i])) return true;
    }
    if (!convert::is_ip(text)) return false;
    if (valid_ip_count < valid_ips.size()) valid_ips[valid_ip_count++] = text;
    return true;
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
