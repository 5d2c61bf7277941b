#include "line_splitter.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <utility>

namespace imperva2ecs {

namespace {
constexpr std::size_t min_read = 64 * 1024;

const char* last_newline(const char* begin, std::size_t size) {
  return static_cast<const char*>(::memrchr(begin, '\n', size));
}
}  // namespace

line_splitter::line_splitter(byte_source& source, std::size_t target)
    : source_(source), target_(std::max(target, min_read)) {}

bool line_splitter::next_block(byte_buffer& block, bool& added_newline) {
  added_newline = false;
  if (pending_error_) {
    block.clear();
    std::rethrow_exception(std::exchange(pending_error_, nullptr));
  }
  block.clear();
  block.reserve(target_);
  block.append(carry_.data(), carry_.size());  // holds no '\n'
  carry_.clear();
  if (carry_.capacity() > 4 * target_) carry_.release();

  std::size_t newline_end = 0;  // one past the last '\n' in block, 0 for none
  for (;;) {
    if (ended_) {
      if (block.empty()) return false;
      if (block.data()[block.size() - 1] != '\n') {
        block.push_back('\n');
        added_newline = true;
      }
      return true;
    }
    // Up to the target, fill what the block has; past it (a line longer than
    // the target), grow the block geometrically.
    if (block.room() == 0 || (block.size() >= target_ && block.room() < min_read)) {
      block.reserve(std::max(block.capacity() * 2, block.size() + min_read));
    }
    const std::size_t want =
        block.size() < target_ ? std::min(block.room(), target_ - block.size()) : block.room();
    std::size_t count = 0;
    try {
      count = source_.read_some(block.tail(), want);
    } catch (const input_error&) {
      if (newline_end == 0) throw;
      // Hand on the whole lines read before the error; report it next time.
      pending_error_ = std::current_exception();
      carry_.clear();
      block.resize(newline_end);
      return true;
    }
    if (count == 0) {
      ended_ = true;
      continue;
    }
    if (const char* newline = last_newline(block.tail(), count)) {
      newline_end = static_cast<std::size_t>(newline - block.data()) + 1;
    }
    block.resize(block.size() + count);
    if (newline_end != 0 && (block.size() >= target_ || !source_.more_ready())) {
      carry_.append(block.data() + newline_end, block.size() - newline_end);
      block.resize(newline_end);
      return true;
    }
  }
}

}  // namespace imperva2ecs
