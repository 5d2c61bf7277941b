// CEF escape decoding. Views stay views until a caller asks for bytes.
#pragma once

#include <string>
#include <string_view>

namespace imperva_cef::cef {

// Header field: "\|" -> '|', "\\" -> '\'; any other backslash is kept.
inline void append_unescaped_header(std::string& out, std::string_view field) {
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (c == '\\' && i + 1 < field.size() && (field[i + 1] == '|' || field[i + 1] == '\\')) {
      out.push_back(field[++i]);
    } else {
      out.push_back(c);
    }
  }
}

// Extension value: "\\" "\=" "\|" "\n" "\r" decode; any other backslash is kept.
inline void append_unescaped_value(std::string& out, std::string_view value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c != '\\' || i + 1 == value.size()) {
      out.push_back(c);
      continue;
    }
    switch (value[i + 1]) {
      case '\\': out.push_back('\\'); ++i; break;
      case '=': out.push_back('='); ++i; break;
      case '|': out.push_back('|'); ++i; break;
      case 'n': out.push_back('\n'); ++i; break;
      case 'r': out.push_back('\r'); ++i; break;
      default: out.push_back('\\');
    }
  }
}

}  // namespace imperva_cef::cef
