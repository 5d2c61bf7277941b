#include "imperva_header.hpp"

#include <fmt/core.h>

#include <string_view>

namespace imperva2ecs {

namespace {

constexpr std::size_t max_header_bytes = 64 * 1024;
constexpr std::size_t max_header_lines = 64;
constexpr std::string_view separator = "|==|";

bool is_alpha(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// "name:value" with a name of letters, digits, '_', '-', '.', and no '|'
// anywhere (so a CEF line, which has "CEF:" too, never passes).
bool split_header_line(std::string_view line, std::string_view& name, std::string_view& value) {
  if (line.empty() || !is_alpha(line[0])) return false;
  std::size_t i = 1;
  while (i < line.size() && (is_alpha(line[i]) || is_digit(line[i]) || line[i] == '_' ||
                             line[i] == '-' || line[i] == '.')) {
    ++i;
  }
  if (i == line.size() || line[i] != ':') return false;
  if (line.find('|') != std::string_view::npos) return false;
  name = line.substr(0, i);
  value = line.substr(i + 1);
  return true;
}

std::string_view without_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

const std::string* imperva_header::field(const char* name) const {
  for (const auto& [key, value] : fields) {
    if (equal_ignoring_case(key, name)) return &value;
  }
  return nullptr;
}

imperva_header read_imperva_header(byte_source& source, std::string& head, bool& ended) {
  imperva_header header;
  std::size_t position = 0;
  for (;;) {
    const std::size_t newline = head.find('\n', position);
    if (newline == std::string::npos) {
      if (!ended && head.size() < max_header_bytes) {
        const std::size_t old_size = head.size();
        head.resize(max_header_bytes);
        const std::size_t count =
            source.read_some(head.data() + old_size, max_header_bytes - old_size);
        head.resize(old_size + count);
        if (count == 0) ended = true;
        continue;
      }
      // A header that ends the file without a newline after |==|: no events.
      const std::string_view last = without_cr(std::string_view(head).substr(position));
      if (ended && last == separator && !header.fields.empty()) {
        header.found = true;
        header.lines += 1;
        header.events_offset = head.size();
      }
      if (!header.found) header = imperva_header{};
      return header;
    }
    const std::string_view line =
        without_cr(std::string_view(head).substr(position, newline - position));
    if (line == separator) {
      if (header.fields.empty()) return imperva_header{};
      header.found = true;
      header.lines += 1;
      header.events_offset = newline + 1;
      return header;
    }
    std::string_view name, value;
    if (header.lines == max_header_lines || !split_header_line(line, name, value)) {
      return imperva_header{};
    }
    header.fields.emplace_back(std::string(name), std::string(value));
    header.lines += 1;
    position = newline + 1;
  }
}

void check_imperva_header(const imperva_header& header, const std::string& name) {
  if (header.field("key") != nullptr) {
    throw input_error(fmt::format(
        "{}: this Imperva log file is encrypted (its header has a key: line); decrypt it "
        "first with your private key (for example with Imperva's LogsDownloader), then "
        "convert the decrypted file",
        name));
  }
  if (const std::string* format = header.field("format")) {
    std::string_view value = *format;
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    if (!value.empty() && !equal_ignoring_case(value, "CEF")) {
      throw input_error(fmt::format(
          "{}: this Imperva log file is in {} format; imperva2ecs reads CEF only (choose CEF "
          "as the log format in the Imperva console)",
          name, value));
    }
  }
}

}  // namespace imperva2ecs
