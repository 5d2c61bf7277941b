#include "field_list.hpp"

#include <fmt/core.h>

#include <imperva_cef/describe_fields.hpp>

namespace imperva2ecs {

namespace {

// '|' would end a Markdown table cell.
std::string cell(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == '|') escaped += '\\';
    escaped += c;
  }
  return escaped.empty() ? std::string("—") : escaped;
}

}  // namespace

std::string field_table_markdown(output_profile profile) {
  const auto rows = imperva_cef::describe_fields(profile == output_profile::ecs ? imperva_cef::profile::ecs
                                                                                 : imperva_cef::profile::sekoia);
  std::string table = "| lines | ECS field | from | conversion |\n| --- | --- | --- | --- |\n";
  for (const auto& row : rows) {
    table += fmt::format("| {} | `{}` | {} | {} |\n", cell(row.applies_to), row.field, cell(row.source),
                         cell(row.conversion));
  }
  return table;
}

}  // namespace imperva2ecs
