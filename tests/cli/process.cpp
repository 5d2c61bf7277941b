#include "process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace cli_test {

namespace {

std::string& path_storage() {
  static std::string path;
  return path;
}

[[noreturn]] void fail(const char* what) {
  throw std::runtime_error(std::string(what) + ": " + std::strerror(errno));
}

void make_pipe(int fds[2]) {
  if (::pipe2(fds, O_CLOEXEC) != 0) fail("pipe");
}

// Starts `prefix... cli_path() args...`.
pid_t spawn(const std::vector<std::string>& args, int& in, int& out, int& err,
            const std::vector<std::string>& prefix = {}) {
  if (cli_path().empty()) throw std::runtime_error("no imperva2ecs binary: pass --cli PATH");
  int in_pipe[2], out_pipe[2], err_pipe[2];
  make_pipe(in_pipe);
  make_pipe(out_pipe);
  make_pipe(err_pipe);
  std::vector<std::string> argv_text = prefix;
  argv_text.push_back(cli_path());
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0) fail("fork");
  if (pid == 0) {
    ::dup2(in_pipe[0], STDIN_FILENO);
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    ::signal(SIGPIPE, SIG_DFL);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  in = in_pipe[1];
  out = out_pipe[0];
  err = err_pipe[0];
  return pid;
}

run_result wait_for(pid_t pid) {
  run_result result;
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) fail("wait4");
  }
  if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.peak_rss_kib = usage.ru_maxrss;
  return result;
}

bool read_into(int fd, std::string& text) {
  char buffer[65536];
  for (;;) {
    const ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count > 0) {
      text.append(buffer, static_cast<std::size_t>(count));
      return true;
    }
    if (count == 0) return false;
    if (errno == EINTR) continue;
    if (errno == EAGAIN) return true;
    fail("read");
  }
}

}  // namespace

const std::string& cli_path() { return path_storage(); }
void set_cli_path(std::string path) { path_storage() = std::move(path); }

namespace {

run_result run_with_prefix(const std::vector<std::string>& args, const std::string& input,
                           const std::vector<std::string>& prefix) {
  ::signal(SIGPIPE, SIG_IGN);  // the child may stop reading early
  int in, out, err;
  const pid_t pid = spawn(args, in, out, err, prefix);
  std::string out_text, err_text;
  std::size_t written = 0;
  if (input.empty()) {
    ::close(in);
    in = -1;
  } else {
    ::fcntl(in, F_SETFL, ::fcntl(in, F_GETFL) | O_NONBLOCK);  // never block while output waits
  }
  while (out >= 0 || err >= 0) {
    pollfd fds[3];
    nfds_t count = 0;
    if (out >= 0) fds[count++] = {out, POLLIN, 0};
    if (err >= 0) fds[count++] = {err, POLLIN, 0};
    if (in >= 0) fds[count++] = {in, POLLOUT, 0};
    if (::poll(fds, count, -1) < 0) {
      if (errno == EINTR) continue;
      fail("poll");
    }
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in) {
        const std::size_t chunk = std::min<std::size_t>(input.size() - written, 65536);
        const ssize_t n = ::write(in, input.data() + written, chunk);
        if (n < 0 && errno != EINTR && errno != EAGAIN) {
          ::close(in);  // EPIPE: the child exited without reading everything
          in = -1;
          continue;
        }
        if (n > 0) written += static_cast<std::size_t>(n);
        if (written == input.size()) ::close(in), in = -1;
      } else if (fds[i].fd == out) {
        if (!read_into(out, out_text)) ::close(out), out = -1;
      } else if (fds[i].fd == err) {
        if (!read_into(err, err_text)) ::close(err), err = -1;
      }
    }
  }
  if (in >= 0) ::close(in);
  run_result result = wait_for(pid);
  result.out = std::move(out_text);
  result.err = std::move(err_text);
  return result;
}

std::string self_executable() {
  char buffer[4096];
  const ssize_t size = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (size <= 0) fail("readlink /proc/self/exe");
  return std::string(buffer, static_cast<std::size_t>(size));
}

}  // namespace

run_result run(const std::vector<std::string>& args, const std::string& input) {
  return run_with_prefix(args, input, {});
}

run_result run_measured(const std::vector<std::string>& args, const std::string& input) {
  char report[] = "/tmp/imperva2ecs-rss-XXXXXX";
  const int fd = ::mkstemp(report);
  if (fd < 0) fail("mkstemp");
  ::close(fd);
  run_result result = run_with_prefix(args, input, {self_executable(), "--rss-probe", report});
  std::FILE* file = std::fopen(report, "r");
  long kib = 0;
  if (file != nullptr) {
    if (std::fscanf(file, "%ld", &kib) != 1) kib = 0;
    std::fclose(file);
  }
  ::unlink(report);
  if (kib <= 0) throw std::runtime_error("the RSS probe reported nothing");
  result.peak_rss_kib = kib;
  return result;
}

int rss_probe_main(int argc, char** argv) {
  if (argc < 4) return 125;
  const pid_t pid = ::fork();
  if (pid < 0) return 126;
  if (pid == 0) {
    ::execv(argv[3], argv + 3);
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) return 126;
  }
  if (std::FILE* report = std::fopen(argv[2], "w")) {
    std::fprintf(report, "%ld\n", usage.ru_maxrss);
    std::fclose(report);
  }
  if (WIFSIGNALED(status)) {
    ::signal(WTERMSIG(status), SIG_DFL);
    ::raise(WTERMSIG(status));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 126;
}

live_process::live_process(const std::vector<std::string>& args) {
  ::signal(SIGPIPE, SIG_IGN);
  pid_ = spawn(args, in_, out_, err_);
}

live_process::~live_process() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    wait_for(pid_);
  }
  for (int fd : {in_, out_, err_}) {
    if (fd >= 0) ::close(fd);
  }
}

void live_process::write(const std::string& bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(in_, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write");
    }
    written += static_cast<std::size_t>(n);
  }
}

std::string live_process::read_lines(std::size_t lines, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto newlines = [&] {
    std::size_t n = 0;
    for (char c : out_text_) n += c == '\n';
    return n;
  };
  while (newlines() < lines) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd fd{out_, POLLIN, 0};
    const int ready = ::poll(&fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) fail("poll");
    if (ready > 0 && !read_into(out_, out_text_)) break;
  }
  return out_text_;
}

run_result live_process::finish() {
  ::close(in_);
  in_ = -1;
  std::string err_text;
  while (out_ >= 0 || err_ >= 0) {
    pollfd fds[2];
    nfds_t count = 0;
    if (out_ >= 0) fds[count++] = {out_, POLLIN, 0};
    if (err_ >= 0) fds[count++] = {err_, POLLIN, 0};
    if (::poll(fds, count, -1) < 0) {
      if (errno == EINTR) continue;
      fail("poll");
    }
    for (nfds_t i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == out_) {
        if (!read_into(out_, out_text_)) ::close(out_), out_ = -1;
      } else if (!read_into(err_, err_text)) {
        ::close(err_), err_ = -1;
      }
    }
  }
  run_result result = wait_for(pid_);
  pid_ = -1;
  result.out = std::move(out_text_);
  result.err = std::move(err_text);
  return result;
}

}  // namespace cli_test
