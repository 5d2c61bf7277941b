#include "input_source.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>

#include "imperva_header.hpp"
#include "inflate_source.hpp"

namespace imperva2ecs {

namespace {

// Reads more of `source` into `head`; false at the end of the input.
bool read_more(byte_source& source, std::string& head, std::size_t limit) {
  const std::size_t old_size = head.size();
  const std::size_t want = limit > old_size ? limit - old_size : 1;
  head.resize(old_size + want);
  const std::size_t count = source.read_some(head.data() + old_size, want);
  head.resize(old_size + count);
  return count != 0;
}

// Makes `head` hold at least `count` bytes from `offset` when the input has them.
void read_at_least(byte_source& source, std::string& head, std::size_t offset, std::size_t count,
                   bool& ended) {
  while (!ended && head.size() < offset + count) {
    if (!read_more(source, head, offset + count)) ended = true;
  }
}

bool gzip_or_strong_zlib(std::string_view head) {
  if (head.size() < 2) return false;
  const auto first = static_cast<unsigned char>(head[0]);
  const auto second = static_cast<unsigned char>(head[1]);
  if (first == 0x1f && second == 0x8b) return true;
  // A headerless input starting with a zlib header: only the usual ones whose
  // second byte is not printable, so text that starts with "x^" stays text.
  return first == 0x78 && (second == 0x01 || second == 0x9c || second == 0xda);
}

opened_input detect(std::unique_ptr<byte_source> raw, std::string name, bool inside_compression) {
  std::string head;
  bool ended = false;
  const imperva_header header = read_imperva_header(*raw, head, ended);

  opened_input result;
  result.name = std::move(name);
  if (header.found) {
    check_imperva_header(header, result.name);  // throws for encrypted or not CEF
    result.header_lines = header.lines;
    read_at_least(*raw, head, header.events_offset, 2, ended);
    std::string events = head.substr(header.events_offset);
    const bool compressed =
        events.size() >= 2 && looks_compressed(static_cast<unsigned char>(events[0]),
                                               static_cast<unsigned char>(events[1]));
    auto rest = std::make_unique<replay_source>(std::move(events), std::move(raw));
    if (compressed) {
      result.events = std::make_unique<inflate_source>(std::move(rest), result.name);
    } else {
      result.events = std::move(rest);
    }
    return result;
  }

  read_at_least(*raw, head, 0, 2, ended);
  if (!inside_compression && gzip_or_strong_zlib(head)) {
    // A compressed file: look again inside it (it may be an Imperva file).
    auto replay = std::make_unique<replay_source>(std::move(head), std::move(raw));
    auto inflated = std::make_unique<inflate_source>(std::move(replay), result.name);
    return detect(std::move(inflated), std::move(result.name), true);
  }
  result.events = std::make_unique<replay_source>(std::move(head), std::move(raw));
  return result;
}

}  // namespace

std::string display_name(const std::string& path) {
  return path == "-" ? std::string("standard input") : path;
}

opened_input detect_format(std::unique_ptr<byte_source> raw, std::string name) {
  return detect(std::move(raw), std::move(name), false);
}

opened_input open_input(const std::string& path) {
  std::string name = display_name(path);
  if (path == "-") {
    return detect_format(std::make_unique<fd_source>(STDIN_FILENO, false, name), std::move(name));
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw input_error(fmt::format("{}: {}", name, std::strerror(errno)));
  auto source = std::make_unique<fd_source>(fd, true, name);
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
    throw input_error(fmt::format("{}: is a directory", name));
  }
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return detect_format(std::move(source), std::move(name));
}

}  // namespace imperva2ecs
