// Memory stays bounded (SPEC section 7): a 66 MB input, plain or compressed,
// on one thread or two, is converted in well under 48 MB of peak resident
// memory, measured by getrusage (ru_maxrss of the child, via wait4).
#include <catch2/catch.hpp>
#include <string>

#include "fixtures.hpp"
#include "process.hpp"

using namespace cli_test;

namespace {

constexpr long limit_kib = 48 * 1024;

// About 66 MB: realistic lines, a few not CEF, a few empty.
std::string big_input() {
  std::string text;
  std::size_t first = 0;
  while (text.size() < 66'000'000) {
    text += cef_lines(1000, 997, 499, first);
    first += 1000;
  }
  return text;
}

}  // namespace

TEST_CASE("memory stays bounded on a 66 MB input", "[memory_66mb]") {
  temp_dir dir;
  const std::string events = big_input();
  const std::string expected_lines = "lines=" + std::to_string(count_lines(events)) + " ";
  const auto plain = dir.write("big.log", imperva_header() + events);
  const auto compressed = dir.write("big-z.log", imperva_header() + zlib_compress(events));

  for (const auto& file : {plain, compressed}) {
    for (const char* threads : {"1", "2"}) {
      const run_result r = run_measured({"--threads", threads, "--stats", "-o", "/dev/null", file});
      INFO(file << " --threads " << threads << ": " << r.err);
      REQUIRE(r.exit_status == 0);
      CHECK(r.err.find(expected_lines) != std::string::npos);
      WARN("peak RSS " << r.peak_rss_kib / 1024.0 << " MiB for " << events.size() / 1e6
                       << " MB, --threads " << threads
                       << (file == compressed ? ", zlib-compressed" : ", plain"));
      CHECK(r.peak_rss_kib < limit_kib);
    }
  }
}

TEST_CASE("memory is a few MB plus the longest line", "[memory_long_line]") {
  temp_dir dir;
  std::string events = cef_lines(20000);
  events += std::string(4u << 20, 'L') + "\n";  // one 4 MiB line: an error document
  events += cef_lines(20000, 0, 0, 20000);
  const auto file = dir.write("long-line.log", events);
  for (const char* threads : {"1", "2"}) {
    const run_result r = run_measured({"--threads", threads, "--stats", "-o", "/dev/null", file});
    INFO(r.err);
    REQUIRE(r.exit_status == 0);
    CHECK(r.err.find("errors=1 ") != std::string::npos);
    WARN("peak RSS " << r.peak_rss_kib / 1024.0 << " MiB with a 4 MiB line, --threads " << threads);
    CHECK(r.peak_rss_kib < limit_kib);
  }
}
