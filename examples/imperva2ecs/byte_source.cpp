#include "byte_source.hpp"

#include <fmt/core.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace imperva2ecs {

fd_source::fd_source(int fd, bool owns_fd, std::string name)
    : fd_(fd), owns_fd_(owns_fd), name_(std::move(name)) {}

fd_source::~fd_source() {
  if (owns_fd_) ::close(fd_);
}

std::size_t fd_source::read_some(char* out, std::size_t size) {
  for (;;) {
    const ssize_t count = ::read(fd_, out, size);
    if (count >= 0) return static_cast<std::size_t>(count);
    if (errno == EINTR) continue;
    throw input_error(fmt::format("{}: read error: {}", name_, std::strerror(errno)));
  }
}

bool fd_source::more_ready() {
  pollfd request{fd_, POLLIN, 0};
  const int ready = ::poll(&request, 1, 0);
  // Regular files always poll ready; an error here is for read() to report.
  return ready != 0;
}

replay_source::replay_source(std::string already_read, std::unique_ptr<byte_source> rest)
    : pending_(std::move(already_read)), rest_(std::move(rest)) {}

std::size_t replay_source::read_some(char* out, std::size_t size) {
  if (position_ < pending_.size()) {
    const std::size_t count = std::min(size, pending_.size() - position_);
    std::memcpy(out, pending_.data() + position_, count);
    position_ += count;
    if (position_ == pending_.size()) std::string().swap(pending_), position_ = 0;
    return count;
  }
  return rest_->read_some(out, size);
}

bool replay_source::more_ready() { return position_ < pending_.size() || rest_->more_ready(); }

}  // namespace imperva2ecs
