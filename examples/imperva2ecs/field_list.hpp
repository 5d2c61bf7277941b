// imperva2ecs --list-fields: each profile's mapping, read from the library's
// compile-time tables, as a Markdown table (the README's tables are this
// output, and a test keeps them equal).
#pragma once

#include <string>

#include "convert.hpp"

namespace imperva2ecs {

std::string field_table_markdown(output_profile profile);

}  // namespace imperva2ecs
