// imperva2ecs: Imperva Cloud WAF SIEM logs (CEF) in, ECS NDJSON out.
// See usage_text() in cli_options.cpp and SPEC.md section 7.

#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "batch_reader.hpp"
#include "batch_writer.hpp"
#include "cli_options.hpp"
#include "field_list.hpp"
#include "output_sink.hpp"
#include "pipeline.hpp"
#include "stats.hpp"

#ifndef IMPERVA2ECS_VERSION
#define IMPERVA2ECS_VERSION "unknown"
#endif

namespace {

constexpr const char* synopsis =
    "Usage: imperva2ecs [--profile sekoia|ecs] [--keep-original] [--threads N]\n"
    "                   [--on-error emit|skip|fail] [--stats] [-o FILE] [FILE...]\n"
    "Try 'imperva2ecs --help' for more information.\n";

[[noreturn]] void end_now(int status) {
  std::fflush(stderr);
  std::_Exit(status);
}

unsigned resolve_threads(unsigned requested) {
  if (requested != 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace imperva2ecs;

  const parsed_command_line command = parse_command_line(argc, argv);
  switch (command.what) {
    case parsed_command_line::action::help:
      fmt::print("{}", usage_text());
      return std::fflush(stdout) == 0 ? 0 : 2;
    case parsed_command_line::action::version:
      fmt::print("imperva2ecs {}\n", IMPERVA2ECS_VERSION);
      return std::fflush(stdout) == 0 ? 0 : 2;
    case parsed_command_line::action::list_fields:
      fmt::print("{}", field_table_markdown(command.options.how.profile));
      return std::fflush(stdout) == 0 ? 0 : 2;
    case parsed_command_line::action::usage_error:
      fmt::print(stderr, "imperva2ecs: {}\n{}", command.error, synopsis);
      return 2;
    case parsed_command_line::action::run:
      break;
  }
  const cli_options& options = command.options;

  // "imperva2ecs -o x.log x.log" would truncate its own input.
  if (!options.output.empty()) {
    struct stat output_info {};
    if (::stat(options.output.c_str(), &output_info) == 0 && S_ISREG(output_info.st_mode)) {
      for (const auto& input : options.inputs) {
        struct stat input_info {};
        if (input != "-" && ::stat(input.c_str(), &input_info) == 0 &&
            input_info.st_dev == output_info.st_dev && input_info.st_ino == output_info.st_ino) {
          fmt::print(stderr, "imperva2ecs: {}: the input is also the output file (-o)\n", input);
          return 2;
        }
      }
    }
  }

  std::optional<output_sink> out;
  try {
    if (options.output.empty()) {
      out.emplace();
    } else {
      out.emplace(options.output);
    }
  } catch (const output_error& error) {
    fmt::print(stderr, "imperva2ecs: {}\n", error.what());
    return 2;
  }

  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.emplace_back("-");

  const pipeline_shape shape = shape_for(resolve_threads(options.threads), *out);
  // A progress line only where a person watches it, and never on top of the output.
  progress_line progress(::isatty(STDERR_FILENO) == 1 && ::isatty(out->fd()) != 1);
  batch_reader reader(std::move(inputs), shape.batch_bytes);
  batch_writer writer(*out, reader, progress);

  run_outcome outcome = run_outcome::completed;
  int status = 0;
  try {
    outcome = run_pipeline(reader, writer, options.how, shape);
    out->close();
    status = writer.exit_status();
  } catch (const std::exception& error) {
    progress.clear();
    fmt::print(stderr, "imperva2ecs: {}\n", error.what());
    status = 2;
    // Threads may still hold the reader: end here rather than unwind.
    if (shape.threads > 1) end_now(status);
  }
  progress.clear();
  if (options.stats) {
    fmt::print(stderr, "{}\n", format_stats(writer.totals(), progress.seconds()));
  }
  if (outcome == run_outcome::stopped_threads) end_now(status);
  return status;
}
