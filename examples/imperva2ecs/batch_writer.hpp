// Takes converted batches in input order: writes their NDJSON, adds up the
// counts, reports unreadable inputs and, with --on-error fail, the first line
// that is not CEF by input name and 1-based line number.
#pragma once

#include <cstdint>

#include "batch.hpp"
#include "batch_reader.hpp"
#include "output_sink.hpp"
#include "stats.hpp"

namespace imperva2ecs {

class batch_writer {
 public:
  batch_writer(output_sink& out, const batch_reader& reader, progress_line& progress);

  // False when the run must stop (a line failed with --on-error fail).
  bool write(const batch& b);

  const line_counts& totals() const noexcept { return totals_; }

  // 0, 1 (a line was not CEF with --on-error fail) or 2 (an input could not
  // be read; it wins over 1).
  int exit_status() const noexcept { return status_; }

 private:
  output_sink& out_;
  const batch_reader& reader_;
  progress_line& progress_;
  line_counts totals_;
  std::uint64_t line_base_ = 0;  // lines of the current input before this batch
  int status_ = 0;
};

}  // namespace imperva2ecs
