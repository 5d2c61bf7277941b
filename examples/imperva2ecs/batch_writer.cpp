#include "batch_writer.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace imperva2ecs {

batch_writer::batch_writer(output_sink& out, const batch_reader& reader, progress_line& progress)
    : out_(out), reader_(reader), progress_(progress) {}

bool batch_writer::write(const batch& b) {
  if (!b.input_error.empty()) {
    progress_.clear();
    fmt::print(stderr, "imperva2ecs: {}\n", b.input_error);
    status_ = std::max(status_, 2);
    return true;
  }
  if (b.first_of_input) line_base_ = b.header_lines;
  out_.write(b.output);
  totals_ += b.counts;
  if (b.failed_line != 0) {
    progress_.clear();
    fmt::print(stderr,
               "imperva2ecs: {}, line {}: not a CEF event ({}); stopped by --on-error fail\n",
               reader_.input_name(b.input_index), line_base_ + b.failed_line, b.failure);
    status_ = std::max(status_, 1);
    return false;
  }
  line_base_ += b.counts.lines;
  progress_.update(totals_);
  return true;
}

}  // namespace imperva2ecs
