// The command line of imperva2ecs.
#pragma once

#include <string>
#include <vector>

#include "convert.hpp"

namespace imperva2ecs {

struct cli_options {
  conversion how;                   // --profile, --keep-original, --on-error
  unsigned threads = 1;             // --threads; 0 asks for one per core
  bool stats = false;               // --stats
  std::string output;               // -o FILE; empty for standard output
  std::vector<std::string> inputs;  // FILE... ("-" is standard input); none: standard input
};

struct parsed_command_line {
  enum class action { run, help, version, list_fields, usage_error };
  parsed_command_line::action what = action::run;
  cli_options options;
  std::string error;  // for usage_error: what was wrong, one line
};

parsed_command_line parse_command_line(int argc, const char* const* argv);

// The --help text.
std::string usage_text();

}  // namespace imperva2ecs
