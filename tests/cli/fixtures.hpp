// Test inputs for the CLI tests, made by the tests themselves: realistic
// Imperva CEF lines, Imperva log files (header, |==|, events plain or
// zlib-compressed), gzip files, and the NDJSON the library makes of them
// (the oracle the CLI output is compared with).
#pragma once

#include <cstddef>
#include <imperva_cef/imperva_cef.hpp>
#include <string>
#include <vector>

namespace cli_test {

// A realistic Imperva web-protection event line (about 900 bytes), varying with n.
std::string cef_line(std::size_t n);

// `count` lines (ending with '\n'); every `bad_every`-th line (when non-zero)
// is not CEF and every `empty_every`-th is empty.
std::string cef_lines(std::size_t count, std::size_t bad_every = 0, std::size_t empty_every = 0,
                      std::size_t first = 0);

// The download header of an Imperva log file, |==| line included (7 lines).
std::string imperva_header(bool encrypted = false, const std::string& format = "CEF");
constexpr std::size_t imperva_header_lines = 7;

std::string zlib_compress(const std::string& bytes);
std::string gzip_compress(const std::string& bytes);

enum class error_mode { emit, skip };

// What the tool must print for `text`: one line per non-empty line, made by
// the library exactly as SPEC section 7 says.
std::string expected_ndjson(const std::string& text, const imperva_cef::options& options = {},
                            error_mode mode = error_mode::emit);

// A fresh directory for one test, removed at exit.
class temp_dir {
 public:
  temp_dir();
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  std::string path(const std::string& name) const;
  std::string write(const std::string& name, const std::string& bytes) const;

 private:
  std::string dir_;
};

std::string read_file(const std::string& path);
std::size_t count_lines(const std::string& text);
std::vector<std::string> split_lines(const std::string& text);

}  // namespace cli_test
