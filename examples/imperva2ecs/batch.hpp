// The unit of work: a block of whole lines from one input and the NDJSON made
// from it. Batches are recycled, so their buffers stop allocating once warm.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "byte_buffer.hpp"

namespace imperva2ecs {

struct line_counts {
  std::uint64_t lines = 0;      // lines read, empty ones included
  std::uint64_t empty = 0;      // empty lines ("" or "\r"): no output
  std::uint64_t events = 0;     // lines converted to an event
  std::uint64_t errors = 0;     // lines that are not CEF
  std::uint64_t bytes_in = 0;   // bytes of those lines, newlines included
  std::uint64_t bytes_out = 0;  // NDJSON bytes written

  line_counts& operator+=(const line_counts& other) noexcept {
    lines += other.lines;
    empty += other.empty;
    events += other.events;
    errors += other.errors;
    bytes_in += other.bytes_in;
    bytes_out += other.bytes_out;
    return *this;
  }
};

struct batch {
  // Filled by the reader.
  byte_buffer input;             // whole lines, each ended by '\n'
  bool added_newline = false;    // the last '\n' was added (input without a final newline)
  std::size_t input_index = 0;   // which command-line input the lines come from
  bool first_of_input = false;   // the first batch of that input
  std::size_t header_lines = 0;  // lines of that input before the events
  std::string input_error;       // instead of lines: why the input cannot be read

  // Filled by the converter.
  std::string output;  // NDJSON
  line_counts counts;
  std::uint64_t failed_line = 0;  // --on-error fail: 1-based line in this batch, 0 for none
  std::string failure;            // and the parse error's message

  void reset_for_reading() {
    input.clear();
    added_newline = false;
    input_index = 0;
    first_of_input = false;
    header_lines = 0;
    input_error.clear();
    output.clear();
    counts = {};
    failed_line = 0;
    failure.clear();
  }
};

}  // namespace imperva2ecs
