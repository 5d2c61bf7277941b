// Runs the imperva2ecs binary as a child process for the CLI tests: feeds its
// standard input, collects standard output and standard error, and reports the
// exit status and the child's peak resident memory (getrusage via wait4).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cli_test {

struct run_result {
  int exit_status = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string out;
  std::string err;
  long peak_rss_kib = 0;  // ru_maxrss of the child
};

// The binary under test (--cli PATH or $IMPERVA_CEF_CLI).
const std::string& cli_path();
void set_cli_path(std::string path);

// Runs `cli_path() args...` with `input` on standard input, to completion.
run_result run(const std::vector<std::string>& args, const std::string& input = {});

// The same, with peak_rss_kib measured truly. A child forked from this test
// process starts with this process's resident memory counted in its
// ru_maxrss (fork copies the page tables; exec records the old high-water
// mark), so the tool is started by a small fresh process instead: this test
// binary re-executed as `--rss-probe REPORT CMD...` (see rss_probe_main).
run_result run_measured(const std::vector<std::string>& args, const std::string& input = {});

// `argv[0] --rss-probe REPORT CMD ARGS...`: runs CMD with the same standard
// streams, writes its ru_maxrss (KiB) to the file REPORT, and exits as CMD did.
int rss_probe_main(int argc, char** argv);

// A child kept running, to check that output comes out before input ends.
class live_process {
 public:
  explicit live_process(const std::vector<std::string>& args);
  ~live_process();
  live_process(const live_process&) = delete;
  live_process& operator=(const live_process&) = delete;

  void write(const std::string& bytes);
  // Reads standard output until it holds `lines` newlines or `timeout` passes.
  std::string read_lines(std::size_t lines, std::chrono::milliseconds timeout);
  // Closes standard input and waits for the end.
  run_result finish();

 private:
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1, err_ = -1;
  std::string out_text_;
};

}  // namespace cli_test
