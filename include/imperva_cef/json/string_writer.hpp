// Compact JSON appended to a caller-owned std::string: the fast path. Once the
// string has grown to fit a line, writing allocates nothing.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

#include "escape.hpp"

namespace imperva_cef::json {

class string_writer {
 public:
  explicit string_writer(std::string& out) noexcept : out_(&out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view name) {
    separate();
    append_json_string(*out_, name);
    out_->push_back(':');
    need_comma_ = false;
  }

  void string(std::string_view text) {
    separate();
    append_json_string(*out_, text);
    need_comma_ = true;
  }

  void integer(std::int64_t value) {
    separate();
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_->append(buffer, result.ptr);
    need_comma_ = true;
  }

  // Shortest text that reads back as the same double; JSON has no NaN or
  // infinity, so those become null.
  void number(double value) {
    separate();
    if (std::isfinite(value)) {
      char buffer[32];
      const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
      out_->append(buffer, result.ptr);
    } else {
      out_->append("null");
    }
    need_comma_ = true;
  }

  void boolean(bool value) {
    separate();
    out_->append(value ? "true" : "false");
    need_comma_ = true;
  }

  void raw_json(std::string_view json_text) {
    separate();
    out_->append(json_text);
    need_comma_ = true;
  }

 private:
  void separate() {
    if (need_comma_) out_->push_back(',');
  }
  void open(char bracket) {
    separate();
    out_->push_back(bracket);
    need_comma_ = false;
  }
  void close(char bracket) {
    out_->push_back(bracket);
    need_comma_ = true;
  }

  std::string* out_;
  bool need_comma_ = false;
};

}  // namespace imperva_cef::json
