// ctest `alloc_check`: the string-writer path allocates nothing once warm
// (SPEC section 5), for both profiles.
//
// It replaces the global operator new (alloc_counter.cpp), which is why it is
// its own executable. For each profile:
//   1. a warm-up pass over the first half of the generated corpus, with an
//      output string reserved as a caller would;
//   2. the same lines again: must allocate nothing;
//   3. the second half, lines never seen before: must allocate nothing either
//      (the per-thread buffers are sized by then).
// Exit status 0 when every count is zero, 1 otherwise.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <imperva_cef/imperva_cef.hpp>

#include "alloc_counter.hpp"
#include "corpus_generator.hpp"

namespace {

struct pass_result {
  std::uint64_t allocations = 0;
  std::size_t errors = 0;
};

pass_result convert_all(const std::vector<imperva_cef_bench::generated_line>& lines, std::size_t begin,
                        std::size_t end, const imperva_cef::options& opts, std::string& out) {
  pass_result r;
  const std::uint64_t before = imperva_cef_bench::thread_allocations();
  for (std::size_t i = begin; i < end; ++i) {
    out.clear();
    imperva_cef::json::string_writer writer(out);
    if (!imperva_cef::write_imperva_cef(std::string_view(lines[i].text), writer, opts)) ++r.errors;
    out.push_back('\n');
  }
  r.allocations = imperva_cef_bench::thread_allocations() - before;
  return r;
}

}  // namespace

int main() {
  const std::vector<imperva_cef_bench::generated_line> lines = imperva_cef_bench::generate_lines(2000);
  const std::size_t half = lines.size() / 2;
  int status = 0;
  for (const auto& [name, profile] : {std::pair{"sekoia", imperva_cef::profile::sekoia},
                                      std::pair{"ecs", imperva_cef::profile::ecs}}) {
    imperva_cef::options opts;
    opts.profile = profile;
    std::string out;
    out.reserve(64 * 1024);
    const pass_result warm = convert_all(lines, 0, half, opts, out);
    const pass_result again = convert_all(lines, 0, half, opts, out);
    const pass_result fresh = convert_all(lines, half, lines.size(), opts, out);
    std::printf("%-6s warm-up: %llu allocations over %zu lines; warm, same lines: %llu; warm, new lines: %llu\n", name,
                static_cast<unsigned long long>(warm.allocations), half,
                static_cast<unsigned long long>(again.allocations),
                static_cast<unsigned long long>(fresh.allocations));
    if (warm.errors + again.errors + fresh.errors != 0) {
      std::printf("%-6s FAIL: %zu generated lines were rejected as line errors\n", name,
                  warm.errors + again.errors + fresh.errors);
      status = 1;
    }
    if (again.allocations != 0 || fresh.allocations != 0) {
      std::printf("%-6s FAIL: the string-writer path allocates once warm (%.3f allocations/line)\n", name,
                  static_cast<double>(again.allocations + fresh.allocations) / static_cast<double>(lines.size()));
      status = 1;
    }
  }
  return status;
}
