// Single-core throughput of imperva_cef (SPEC section 8), with Google Benchmark.
//
//   lex            header + every key/value view (a handler that touches each)
//   sekoia_string  line -> sekoia NDJSON line (string_writer, reused std::string)
//   ecs_string     line -> ecs NDJSON line
//   nlohmann_json  line -> nlohmann::json (sekoia profile, the one-call API)
//
// Each benchmark first checks its output for every generated line (see
// output_checks.hpp) and stops with SkipWithError on the first mismatch. The
// corpus is generated here (corpus_generator.hpp, fixed seed) into one
// contiguous buffer, as a file read would leave it; each iteration converts
// one line, cycling through the corpus. Reported: bytes/s (input bytes),
// lines/s (items/s) and allocs_per_line, the heap allocations per line inside
// the timed loop, after one untimed warm-up pass over the corpus.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <imperva_cef/imperva_cef.hpp>
#include <nlohmann/json.hpp>

#include "alloc_counter.hpp"
#include "corpus_generator.hpp"
#include "output_checks.hpp"

namespace {

using imperva_cef_bench::generated_line;

// Lines in the benchmark corpus: about 10 MB, more than the L2 caches.
std::size_t corpus_line_count() {
  if (const char* text = std::getenv("IMPERVA_CEF_BENCH_LINES")) {
    const long n = std::strtol(text, nullptr, 10);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  return 8192;
}

struct corpus_data {
  std::vector<generated_line> lines;
  std::string buffer;                  // all lines, back to back
  std::vector<std::string_view> views; // each line, into buffer
};

const corpus_data& corpus() {
  static const corpus_data data = [] {
    corpus_data d;
    d.lines = imperva_cef_bench::generate_lines(corpus_line_count());
    std::size_t total = 0;
    for (const generated_line& g : d.lines) total += g.text.size() + 1;
    d.buffer.reserve(total);
    std::vector<std::size_t> offsets;
    for (const generated_line& g : d.lines) {
      offsets.push_back(d.buffer.size());
      d.buffer += g.text;
      d.buffer += '\n';
    }
    for (std::size_t i = 0; i < d.lines.size(); ++i) d.views.emplace_back(d.buffer.data() + offsets[i], d.lines[i].text.size());
    return d;
  }();
  return data;
}

enum class path { lex, sekoia_string, ecs_string, nlohmann_json };

std::string run_checks(path p) {
  const corpus_data& c = corpus();
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    const generated_line& g = c.lines[i];
    std::string problem;
    if (p == path::lex) {
      problem = imperva_cef_bench::check_lexing(g);
    } else {
      imperva_cef::options opts;
      opts.profile = p == path::ecs_string ? imperva_cef::profile::ecs : imperva_cef::profile::sekoia;
      nlohmann::json doc;
      problem = imperva_cef_bench::check_writers_agree(g, opts, doc);
      if (problem.empty()) {
        problem = p == path::ecs_string ? imperva_cef_bench::check_ecs_facts(g, doc)
                                        : imperva_cef_bench::check_sekoia_facts(g, doc);
      }
    }
    if (!problem.empty()) return "output check failed on generated line " + std::to_string(i) + ": " + problem;
  }
  return {};
}

// Checks run once per process and path, before the first timing.
const std::string& checked(path p) {
  static std::map<path, std::string> results;
  const auto found = results.find(p);
  if (found != results.end()) return found->second;
  return results.emplace(p, run_checks(p)).first->second;
}

// Converts the corpus lines round-robin, one per iteration, and reports bytes,
// lines and heap allocations per line.
template <class ConvertOne>
void time_lines(benchmark::State& state, ConvertOne convert_one) {
  const std::vector<std::string_view>& lines = corpus().views;
  std::uint64_t bytes = 0;
  std::size_t i = 0;
  const std::uint64_t allocations_before = imperva_cef_bench::thread_allocations();
  for (auto _ : state) {
    convert_one(lines[i]);
    bytes += lines[i].size();
    if (++i == lines.size()) i = 0;
  }
  const std::uint64_t allocations = imperva_cef_bench::thread_allocations() - allocations_before;
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["allocs_per_line"] =
      benchmark::Counter(static_cast<double>(allocations), benchmark::Counter::kAvgIterations);
}

// Touches every view the lexer hands out (size, first and last byte), so that
// nothing can be optimised away.
struct touching_handler {
  std::uint64_t sum = 0;

  static std::uint64_t touch(std::string_view text) noexcept {
    if (text.empty()) return 1;
    return text.size() * 131 + static_cast<unsigned char>(text.front()) + (static_cast<unsigned char>(text.back()) << 8);
  }
  void on_header(const imperva_cef::cef::header& h) {
    sum += touch(h.version) + touch(h.device_vendor) + touch(h.device_product) + touch(h.device_version) +
           touch(h.signature_id) + touch(h.name) + touch(h.severity);
  }
  void on_pair(std::string_view key, std::string_view value) { sum = sum * 31 + touch(key) + touch(value); }
};

void BM_lex(benchmark::State& state) {
  if (const std::string& problem = checked(path::lex); !problem.empty()) {
    state.SkipWithError(problem.c_str());
    return;
  }
  time_lines(state, [](std::string_view line) {
    touching_handler handler;
    const imperva_cef::parse_result result = imperva_cef::cef::lex(line, handler);
    benchmark::DoNotOptimize(result);
    benchmark::DoNotOptimize(handler.sum);
  });
}

void string_path(benchmark::State& state, path p) {
  if (const std::string& problem = checked(p); !problem.empty()) {
    state.SkipWithError(problem.c_str());
    return;
  }
  imperva_cef::options opts;
  opts.profile = p == path::ecs_string ? imperva_cef::profile::ecs : imperva_cef::profile::sekoia;
  std::string out;
  out.reserve(64 * 1024);
  // Warm-up: grows the output string and the library's per-thread buffers.
  for (const std::string_view line : corpus().views) {
    out.clear();
    imperva_cef::json::string_writer writer(out);
    benchmark::DoNotOptimize(imperva_cef::write_imperva_cef(line, writer, opts));
  }
  time_lines(state, [&](std::string_view line) {
    out.clear();
    imperva_cef::json::string_writer writer(out);
    const imperva_cef::parse_result result = imperva_cef::write_imperva_cef(line, writer, opts);
    out.push_back('\n');
    benchmark::DoNotOptimize(result);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  });
}

void BM_sekoia_string(benchmark::State& state) { string_path(state, path::sekoia_string); }
void BM_ecs_string(benchmark::State& state) { string_path(state, path::ecs_string); }

void BM_nlohmann_json(benchmark::State& state) {
  if (const std::string& problem = checked(path::nlohmann_json); !problem.empty()) {
    state.SkipWithError(problem.c_str());
    return;
  }
  time_lines(state, [](std::string_view line) {
    nlohmann::json doc = imperva_cef::parse_imperva_cef(line);
    benchmark::DoNotOptimize(doc);
  });
}

}  // namespace

BENCHMARK(BM_lex)->Name("lex");
BENCHMARK(BM_sekoia_string)->Name("sekoia_string");
BENCHMARK(BM_ecs_string)->Name("ecs_string");
BENCHMARK(BM_nlohmann_json)->Name("nlohmann_json");

BENCHMARK_MAIN();
