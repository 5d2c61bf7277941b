// Where input bytes come from: a file descriptor, bytes read ahead to detect
// the format, or a zlib stream. Sources stack: each owns the one it reads from.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

namespace imperva2ecs {

// An input that cannot be read as asked: missing, unreadable, encrypted,
// corrupt compressed data. what() is the one-line message for standard error.
class input_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class byte_source {
 public:
  virtual ~byte_source() = default;

  // Reads up to `size` bytes (size > 0) into `out`, blocking until at least one
  // is available; 0 means the end of the input. Throws input_error.
  virtual std::size_t read_some(char* out, std::size_t size) = 0;

  // True when read_some() would probably not block. A reader uses it to hand
  // on what it has when a pipe goes quiet instead of waiting to fill a batch.
  virtual bool more_ready() = 0;
};

// Reads a file descriptor with read(2). Owns (closes) it unless it is stdin.
class fd_source final : public byte_source {
 public:
  // `name` is how messages call the input.
  fd_source(int fd, bool owns_fd, std::string name);
  ~fd_source() override;
  fd_source(const fd_source&) = delete;
  fd_source& operator=(const fd_source&) = delete;

  std::size_t read_some(char* out, std::size_t size) override;
  bool more_ready() override;

 private:
  int fd_;
  bool owns_fd_;
  std::string name_;
};

// Replays bytes that were read ahead (to look at the start of an input), then
// goes on with the source they came from.
class replay_source final : public byte_source {
 public:
  replay_source(std::string already_read, std::unique_ptr<byte_source> rest);

  std::size_t read_some(char* out, std::size_t size) override;
  bool more_ready() override;

 private:
  std::string pending_;
  std::size_t position_ = 0;
  std::unique_ptr<byte_source> rest_;
};

}  // namespace imperva2ecs
