// profile_lines PATH [LINES] [PASSES]
//
// A driver for profilers (valgrind --tool=callgrind, perf): generates LINES
// lines (default 2000), then converts them PASSES times (default 1) through
// PATH: lex, sekoia, ecs (string writer) or nlohmann. Only run_path() does the
// work, so callgrind can collect just that:
//
//   valgrind --tool=callgrind --toggle-collect='*run_path*' build-bench/benchmarks/profile_lines sekoia 2000
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <imperva_cef/imperva_cef.hpp>
#include <nlohmann/json.hpp>

#include "corpus_generator.hpp"

namespace {

struct sum_handler {
  std::size_t sum = 0;
  void on_header(const imperva_cef::cef::header& h) { sum += h.name.size(); }
  void on_pair(std::string_view key, std::string_view value) { sum += key.size() + value.size(); }
};

[[gnu::noinline]] std::size_t run_path(const std::string& path, const std::vector<std::string_view>& lines,
                                       int passes) {
  std::size_t checksum = 0;
  std::string out;
  out.reserve(64 * 1024);
  imperva_cef::options opts;
  opts.profile = path == "ecs" ? imperva_cef::profile::ecs : imperva_cef::profile::sekoia;
  for (int pass = 0; pass < passes; ++pass) {
    for (const std::string_view line : lines) {
      if (path == "lex") {
        sum_handler handler;
        imperva_cef::cef::lex(line, handler);
        checksum += handler.sum;
      } else if (path == "nlohmann") {
        checksum += imperva_cef::parse_imperva_cef(line, opts).size();
      } else {
        out.clear();
        imperva_cef::json::string_writer writer(out);
        imperva_cef::write_imperva_cef(line, writer, opts);
        out.push_back('\n');
        checksum += out.size();
      }
    }
  }
  return checksum;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "";
  if (path != "lex" && path != "sekoia" && path != "ecs" && path != "nlohmann") {
    std::fprintf(stderr, "usage: profile_lines lex|sekoia|ecs|nlohmann [LINES] [PASSES]\n");
    return 2;
  }
  const long count = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 2000;
  const long passes = argc > 3 ? std::strtol(argv[3], nullptr, 10) : 1;
  if (count <= 0 || passes <= 0) {
    std::fprintf(stderr, "profile_lines: LINES and PASSES must be positive\n");
    return 2;
  }
  const std::vector<imperva_cef_bench::generated_line> generated =
      imperva_cef_bench::generate_lines(static_cast<std::size_t>(count));
  std::vector<std::string_view> lines;
  std::size_t bytes = 0;
  for (const auto& g : generated) {
    lines.emplace_back(g.text);
    bytes += g.text.size();
  }
  const std::size_t checksum = run_path(path, lines, static_cast<int>(passes));
  std::printf("%s: %zu lines, %zu bytes, %ld passes, checksum %zu\n", path.c_str(), lines.size(), bytes, passes,
              checksum);
  return 0;
}
