#include "output_sink.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <fmt/core.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace imperva2ecs {

output_sink::output_sink() : fd_(STDOUT_FILENO), owns_fd_(false), name_("standard output") {}

output_sink::output_sink(const std::string& path) : owns_fd_(true), name_(path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) {
    throw output_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  }
}

output_sink::~output_sink() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

void output_sink::write(std::string_view bytes) {
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t count = ::write(fd_, p, left);
    if (count < 0) {
      if (errno == EINTR) continue;
      throw output_error(fmt::format("cannot write {}: {}", name_, std::strerror(errno)));
    }
    p += count;
    left -= static_cast<std::size_t>(count);
  }
}

bool output_sink::may_wait_for_reader() const {
  struct stat output {};
  if (::fstat(fd_, &output) != 0) return true;
  if (S_ISREG(output.st_mode)) return false;
  struct stat null_device {};
  return !(S_ISCHR(output.st_mode) && ::stat("/dev/null", &null_device) == 0 &&
           output.st_rdev == null_device.st_rdev);
}

void output_sink::close() {
  if (!owns_fd_ || fd_ < 0) return;
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 && errno != EINTR) {
    throw output_error(fmt::format("cannot write {}: {}", name_, std::strerror(errno)));
  }
}

}  // namespace imperva2ecs
