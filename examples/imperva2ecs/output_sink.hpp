// Where NDJSON goes: standard output or the -o file, written with write(2)
// one batch at a time, so every batch is flushed as soon as it is ready (the
// tool works as a pipe filter) and no stdio buffer sits in between.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace imperva2ecs {

class output_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class output_sink {
 public:
  // Standard output.
  output_sink();
  // A file, created or truncated. Throws output_error.
  explicit output_sink(const std::string& path);
  ~output_sink();
  output_sink(const output_sink&) = delete;
  output_sink& operator=(const output_sink&) = delete;

  // Writes all of `bytes`. Throws output_error.
  void write(std::string_view bytes);

  // Closes a file and reports a late error (a full disk, NFS). Throws output_error.
  void close();

  int fd() const noexcept { return fd_; }

  // True when a write can wait on whoever reads the output (a pipe, a socket,
  // a terminal), false for a regular file or /dev/null.
  bool may_wait_for_reader() const;

 private:
  int fd_;
  bool owns_fd_;
  std::string name_;
};

}  // namespace imperva2ecs
