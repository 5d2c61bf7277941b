// Opens one input (a file, or "-" for standard input) and recognises what it
// holds from its content, never from its name:
//   - an Imperva log file as downloaded: "name:value" header lines, a "|==|"
//     line, then the events, zlib-compressed (Imperva's default) or plain;
//   - a gzip or zlib stream of either of the above;
//   - plain text, one event a line.
// An encrypted Imperva file (a "key:" header line) is refused.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "byte_source.hpp"

namespace imperva2ecs {

struct opened_input {
  std::unique_ptr<byte_source> events;  // yields the event lines, decompressed
  std::string name;                     // how messages call this input
  std::size_t header_lines = 0;         // lines before the events (Imperva header and |==|)
};

// Throws input_error with a one-line message.
opened_input open_input(const std::string& path);

// The same detection over any source (for tests and for standard input).
opened_input detect_format(std::unique_ptr<byte_source> raw, std::string name);

// How messages call an input given on the command line.
std::string display_name(const std::string& path);

}  // namespace imperva2ecs
