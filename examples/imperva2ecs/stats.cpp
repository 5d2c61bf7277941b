#include "stats.hpp"

#include <fmt/core.h>

namespace imperva2ecs {

namespace {
double megabytes_per_second(std::uint64_t bytes, double seconds) {
  return seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0;
}
}  // namespace

std::string format_stats(const line_counts& totals, double seconds) {
  return fmt::format(
      "imperva2ecs: lines={} events={} errors={} empty={} bytes={} output_bytes={} seconds={:.3f} "
      "MB/s={:.1f}",
      totals.lines, totals.events, totals.errors, totals.empty, totals.bytes_in, totals.bytes_out,
      seconds, megabytes_per_second(totals.bytes_in, seconds));
}

progress_line::progress_line(bool enabled)
    : enabled_(enabled), start_(clock::now()), next_draw_(start_ + std::chrono::seconds(1)) {}

double progress_line::seconds() const {
  return std::chrono::duration<double>(clock::now() - start_).count();
}

void progress_line::update(const line_counts& totals) {
  if (!enabled_) return;
  const auto now = clock::now();
  if (now < next_draw_) return;
  next_draw_ = now + std::chrono::milliseconds(250);
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  fmt::print(stderr, "\rimperva2ecs: {:.1f} MB, {} lines, {} errors, {:.1f} MB/s\x1b[K",
             static_cast<double>(totals.bytes_in) / 1e6, totals.lines, totals.errors,
             megabytes_per_second(totals.bytes_in, elapsed));
  std::fflush(stderr);
  drawn_ = true;
}

void progress_line::clear() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace imperva2ecs
