// Compact JSON appended to a caller-owned std::string: the fast path.
//
// While an event is being written the string is grown ahead and filled
// through a cursor (one bounds check per write, no per-call append); each
// time a top-level value is complete the string is trimmed to exactly what
// was written, so between events the caller may read it or append to it
// (a '\n' for NDJSON): the next top-level value starts at its end. Top-level
// values are not separated. Once the string's capacity fits a line, nothing
// is allocated.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "../detail/always_inline.hpp"
#include "../detail/string_growth.hpp"
#include "escape.hpp"

namespace imperva_cef::json {

class string_writer {
 public:
  explicit string_writer(std::string& out) noexcept : out_(&out), value_start_(out.size()) { restart_at_end(); }
  // An event left unfinished (an exception in a caller's code) keeps what
  // was written, without the room grown ahead.
  ~string_writer() {
    if (depth_ != 0) settle();
  }
  string_writer(const string_writer&) = delete;
  string_writer& operator=(const string_writer&) = delete;

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view name) {
    write_quoted<true>(name);
    need_comma_ = false;
  }

  // Keys that need no escaping, with the objects between them opened, as
  // JSON text (see writer.hpp). Inside an object only: the fast path for
  // the tables' compile-time field names.
  IMPERVA_CEF_ALWAYS_INLINE void key_path(std::string_view json_text, std::size_t objects_opened) {
    char* p = room(json_text.size() + 1);
    char* const begin = p;
    if (need_comma_) *p++ = ',';
    detail::copy_bytes(p, reinterpret_cast<const unsigned char*>(json_text.data()), json_text.size());
    advance(static_cast<std::size_t>(p - begin) + json_text.size());
    depth_ += objects_opened;
    need_comma_ = false;
  }

  // key_path() then string(), with one bounds check and one cursor update:
  // a table's text rows, the commonest fields.
  IMPERVA_CEF_ALWAYS_INLINE void key_path_string(std::string_view json_text, std::size_t objects_opened,
                                                 std::string_view text) {
    depth_ += objects_opened;
    if (!write_plain<false>(text, json_text)) {
      key_path(json_text, 0);
      write_escaped_quoted<false>(text);
    }
    need_comma_ = true;
  }

  void string(std::string_view text) {
    write_quoted<false>(text);
    value_done();
  }

  void integer(std::int64_t value) {
    separate();
    char* p = room(20);
    advance(static_cast<std::size_t>(std::to_chars(p, p + 20, value).ptr - p));
    value_done();
  }

  // Shortest text that reads back as the same double; JSON has no NaN or
  // infinity, so those become null.
  void number(double value) {
    separate();
    if (std::isfinite(value)) {
      char* p = room(32);
      advance(static_cast<std::size_t>(std::to_chars(p, p + 32, value).ptr - p));
    } else {
      put_text("null");
    }
    value_done();
  }

  void number_text(std::string_view json_text) { raw_json(json_text); }

  void boolean(bool value) {
    separate();
    put_text(value ? "true" : "false");
    value_done();
  }

  void raw_json(std::string_view json_text) {
    separate();
    put_text(json_text);
    value_done();
  }

  // The output interface of write_escaped(): room for n bytes at the cursor.
  // A cursor and a limit rather than the string's size: the check is one
  // compare of two members, on every write.
  char* room(std::size_t n) {
    if (static_cast<std::size_t>(limit_ - cursor_) < n) grow(n);
    return cursor_;
  }
  void advance(std::size_t n) noexcept { cursor_ += n; }

 private:
  std::size_t used() const noexcept { return static_cast<std::size_t>(cursor_ - out_->data()); }

  // Growing may zero-fill (before C++23), so it grows by what this value has
  // written so far, and at first by the size of the previous value (events of
  // one stream are alike): usually once per value, and the bytes grown stay
  // within about twice its size. A writer's first value has no previous one:
  // it guesses the size of an Imperva event, so that a writer made per event
  // (as in the usage example) grows once or twice, not four times from a
  // small guess.
  void grow(std::size_t n) {
    const std::size_t used = this->used();
    const std::size_t written = used - value_start_;
    imperva_cef::detail::resize_for_overwrite(*out_, used + std::max({n, written, previous_size_}));
    cursor_ = out_->data() + used;
    limit_ = out_->data() + out_->size();
  }

  // Trims the string to what was written: it is valid JSON text again.
  void settle() {
    const std::size_t used = this->used();
    previous_size_ = std::max(used - value_start_ + 64, std::size_t{512});
    out_->resize(used);
    restart_at_end();
  }

  // The caller may have appended to, or reallocated, the string since.
  void restart_at_end() noexcept { cursor_ = limit_ = out_->data() + out_->size(); }

  // [,]"text"[:] -- clean text (the usual case) takes one bounds check and
  // one copy; text that needs escapes takes the general path, kept out of
  // line so that this one stays small.
  template <bool IsKey>
  IMPERVA_CEF_ALWAYS_INLINE void write_quoted(std::string_view text) {
    if (depth_ == 0 || !write_plain<IsKey>(text)) write_escaped_quoted<IsKey>(text);
  }

  // [,]key_path"text"[:] inside a container, key_path being JSON text (a
  // table row's keys) or nothing; false, with nothing committed, when text
  // needs escapes.
  template <bool IsKey>
  IMPERVA_CEF_ALWAYS_INLINE bool write_plain(std::string_view text, std::string_view key_path = {}) {
    const std::size_t n = text.size();
    char* p = room(key_path.size() + n + 4);
    char* const begin = p;
    if (need_comma_) *p++ = ',';
    detail::copy_bytes(p, reinterpret_cast<const unsigned char*>(key_path.data()), key_path.size());
    p += key_path.size();
    *p++ = '"';
    if (!detail::copy_if_plain(p, reinterpret_cast<const unsigned char*>(text.data()), n)) return false;
    p += n;
    *p++ = '"';
    if (IsKey) *p++ = ':';
    advance(static_cast<std::size_t>(p - begin));
    return true;
  }

  template <bool IsKey>
  IMPERVA_CEF_NOINLINE void write_escaped_quoted(std::string_view text) {
    separate();
    put('"');
    write_escaped(*this, text);
    put('"');
    if (IsKey) put(':');
  }

  void put(char c) {
    *room(1) = c;
    advance(1);
  }
  void put_text(std::string_view text) {
    // Mostly numbers and literals: a short copy inline, not a library call.
    detail::copy_bytes(room(text.size()), reinterpret_cast<const unsigned char*>(text.data()), text.size());
    advance(text.size());
  }
  // Before any value or key: a comma inside a container, or, for a new
  // top-level value, a fresh start at the string's current end.
  void separate() {
    if (depth_ == 0) {
      value_start_ = out_->size();
      restart_at_end();
      need_comma_ = false;
    } else if (need_comma_) {
      put(',');
    }
  }
  void value_done() {
    need_comma_ = true;
    if (depth_ == 0) settle();
  }
  void open(char bracket) {
    separate();
    put(bracket);
    ++depth_;
    need_comma_ = false;
  }
  void close(char bracket) {
    put(bracket);
    --depth_;
    value_done();
  }

  std::string* out_;
  char* cursor_;  // the end of the written output, within *out_
  char* limit_;   // the end of *out_
  std::size_t value_start_;  // where the current top-level value began
  std::size_t previous_size_ = 2000;  // the last value's size, and some; at first a typical event's
  std::size_t depth_ = 0;
  bool need_comma_ = false;
};

}  // namespace imperva_cef::json
