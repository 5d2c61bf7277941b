#include "cli_options.hpp"

#include <fmt/core.h>

#include <charconv>
#include <string_view>

namespace imperva2ecs {

std::string usage_text() {
  return R"(Usage: imperva2ecs [OPTION]... [FILE]...
Convert Imperva Cloud WAF SIEM logs (CEF) to Elastic Common Schema, one JSON
document per line (NDJSON), in the order of the input lines.

FILE is a log file as Imperva delivers it (a name:value header, a |==| line,
then the events, zlib-compressed or plain), a gzip or zlib file, or plain CEF
lines; the kind is recognised from the content. With no FILE, or when FILE
is -, read standard input. Several files are read one after the other.

Options:
      --profile NAME      sekoia (default): the reference documents;
                          ecs: complete, strictly typed ECS
      --keep-original     add the input line as event.original (ecs profile)
      --on-error MODE     what to do with a line that is not CEF:
                          emit (default): write an error document
                            {"error":{...,"type":"cef_parse_error"},
                             "event":{"kind":"pipeline_error","original":LINE}}
                          skip: drop it
                          fail: stop with exit status 1, naming the line
      --threads N         convert on N threads (default 1; 0: one per core);
                          the output is the same for any N
      --stats             print lines, events, errors, bytes and MB/s to
                          standard error at the end
      --list-fields       print the profile's field mapping (a Markdown
                          table, from the library's tables) and exit
  -o, --output FILE       write to FILE instead of standard output
  -h, --help              show this help and exit
  -V, --version           show the version and exit

Empty lines are skipped; every other line gives exactly one output line
(unless skipped by --on-error skip). An encrypted Imperva file must be
decrypted first.

Exit status: 0 on success, 1 when --on-error fail stopped at a line,
2 for bad usage or an input or output that cannot be read or written.
)";
}

namespace {

bool parse_threads(std::string_view text, unsigned& threads) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value > 256) return false;
  threads = value;
  return true;
}

}  // namespace

parsed_command_line parse_command_line(int argc, const char* const* argv) {
  parsed_command_line result;
  cli_options& options = result.options;
  auto usage_error = [&](std::string message) {
    result.what = parsed_command_line::action::usage_error;
    result.error = std::move(message);
    return result;
  };

  bool only_files = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (only_files || argument == "-" || argument.empty() || argument[0] != '-') {
      options.inputs.emplace_back(argument);
      continue;
    }
    if (argument == "--") {
      only_files = true;
      continue;
    }

    // "--name=value" or "--name value"; "-oFILE" or "-o FILE".
    std::string_view name = argument;
    std::string_view inline_value;
    bool has_inline_value = false;
    if (argument.substr(0, 2) == "--") {
      if (const auto equals = argument.find('='); equals != std::string_view::npos) {
        name = argument.substr(0, equals);
        inline_value = argument.substr(equals + 1);
        has_inline_value = true;
      }
    } else if (argument.size() > 2 && argument.substr(0, 2) == "-o") {
      name = "-o";
      inline_value = argument.substr(2);
      has_inline_value = true;
    }
    auto value = [&](std::string_view& out) {
      if (has_inline_value) {
        out = inline_value;
        return true;
      }
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    auto takes_no_value = [&] { return !has_inline_value; };

    std::string_view text;
    if (name == "-h" || name == "--help") {
      if (!takes_no_value()) return usage_error(fmt::format("option {} takes no value", name));
      result.what = parsed_command_line::action::help;
      return result;
    } else if (name == "-V" || name == "--version") {
      if (!takes_no_value()) return usage_error(fmt::format("option {} takes no value", name));
      result.what = parsed_command_line::action::version;
      return result;
    } else if (name == "--list-fields") {
      if (!takes_no_value()) return usage_error("option --list-fields takes no value");
      result.what = parsed_command_line::action::list_fields;
    } else if (name == "--profile") {
      if (!value(text)) return usage_error("option --profile needs a value: sekoia or ecs");
      if (text == "sekoia") {
        options.how.profile = output_profile::sekoia;
      } else if (text == "ecs") {
        options.how.profile = output_profile::ecs;
      } else {
        return usage_error(fmt::format("unknown profile '{}': use sekoia or ecs", text));
      }
    } else if (name == "--keep-original") {
      if (!takes_no_value()) return usage_error("option --keep-original takes no value");
      options.how.keep_original = true;
    } else if (name == "--on-error") {
      if (!value(text)) return usage_error("option --on-error needs a value: emit, skip or fail");
      if (text == "emit") {
        options.how.on_error = on_error::emit;
      } else if (text == "skip") {
        options.how.on_error = on_error::skip;
      } else if (text == "fail") {
        options.how.on_error = on_error::fail;
      } else {
        return usage_error(
            fmt::format("unknown --on-error mode '{}': use emit, skip or fail", text));
      }
    } else if (name == "--threads") {
      if (!value(text)) return usage_error("option --threads needs a number");
      if (!parse_threads(text, options.threads)) {
        return usage_error(fmt::format("--threads wants a number from 0 to 256, not '{}'", text));
      }
    } else if (name == "--stats") {
      if (!takes_no_value()) return usage_error("option --stats takes no value");
      options.stats = true;
    } else if (name == "-o" || name == "--output") {
      if (!value(text) || text.empty()) return usage_error("option -o needs a file name");
      options.output = std::string(text);
    } else {
      return usage_error(fmt::format("unknown option '{}'", argument));
    }
  }
  return result;
}

}  // namespace imperva2ecs
