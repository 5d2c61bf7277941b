// A lexer handler that keeps everything it is given, for tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <imperva_cef/cef/lexer.hpp>

struct recording_handler {
  imperva_cef::cef::header header;
  std::vector<std::pair<std::string, std::string>> pairs;

  void on_header(const imperva_cef::cef::header& fields) { header = fields; }
  void on_pair(std::string_view key, std::string_view value) { pairs.emplace_back(key, value); }
};

using pair_list = std::vector<std::pair<std::string, std::string>>;

inline pair_list lex_pairs(std::string_view line) {
  recording_handler handler;
  const auto result = imperva_cef::cef::lex(line, handler);
  if (!result) throw imperva_cef::parse_error(result);
  return handler.pairs;
}
