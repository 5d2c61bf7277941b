// --stats: totals on standard error at the end; and a progress line, redrawn
// in place, while a large input is read with standard error on a terminal.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "batch.hpp"

namespace imperva2ecs {

// "imperva2ecs: lines=N events=N errors=N empty=N bytes=N output_bytes=N seconds=S MB/s=R"
// MB is 10^6 bytes of input text (after decompression).
std::string format_stats(const line_counts& totals, double seconds);

class progress_line {
 public:
  // Draws only when `enabled` (standard error is a terminal that the output
  // does not go to), from one second after the start, four times a second.
  explicit progress_line(bool enabled);

  void update(const line_counts& totals);
  void clear();  // erases the line before anything else is printed

  double seconds() const;

 private:
  using clock = std::chrono::steady_clock;
  bool enabled_;
  bool drawn_ = false;
  clock::time_point start_;
  clock::time_point next_draw_;
};

}  // namespace imperva2ecs
