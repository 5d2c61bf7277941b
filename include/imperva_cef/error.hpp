// Line-level errors: a code, the byte offset where the line stopped being CEF,
// and a message. Field-level problems are never line errors.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace imperva_cef {

enum class errc {
  ok = 0,
  missing_cef_marker,  // no "CEF:" anywhere in the line
  missing_version,     // "CEF:" not followed by digits and '|'
  incomplete_header,   // fewer than seven '|' after "CEF:"
  line_too_long,       // longer than options::max_line_bytes
};

constexpr std::string_view describe(errc code) noexcept {
  switch (code) {
    case errc::ok: return "no error";
    case errc::missing_cef_marker: return "no CEF: marker";
    case errc::missing_version: return "missing CEF version";
    case errc::incomplete_header: return "incomplete CEF header";
    case errc::line_too_long: return "line longer than max_line_bytes";
  }
  return "unknown error";
}

// The outcome of parsing one line, fast_float style: check `ok()` or `code`.
struct parse_result {
  errc code = errc::ok;
  std::size_t offset = 0;  // byte offset in the line where the problem was found

  constexpr bool ok() const noexcept { return code == errc::ok; }
  constexpr explicit operator bool() const noexcept { return ok(); }

  // "<what> at byte N"
  std::string message() const {
    std::string text(describe(code));
    text += " at byte ";
    text += std::to_string(offset);
    return text;
  }
};

class parse_error : public std::runtime_error {
 public:
  explicit parse_error(const parse_result& result)
      : std::runtime_error(result.message()), code_(result.code), offset_(result.offset) {}

  errc code() const noexcept { return code_; }
  std::size_t offset() const noexcept { return offset_; }

 private:
  errc code_;
  std::size_t offset_;
};

}  // namespace imperva_cef
