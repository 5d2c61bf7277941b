// Bytes a conversion makes (lower-cased text, timestamps, decoded values)
// live here until the event is written. Chunks never move, so views into them
// stay valid; reset() keeps the chunks, so a warm arena allocates nothing.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace imperva_cef::detail {

class text_arena {
 public:
  // Room for up to n bytes; commit() what was used.
  char* reserve(std::size_t n) {
    while (current_ < chunks_.size() && chunks_[current_].size - used_ < n) {
      ++current_;
      used_ = 0;
    }
    if (current_ == chunks_.size()) {
      const std::size_t size = n > min_chunk ? n : min_chunk;
      chunks_.push_back({std::make_unique<char[]>(size), size});
      used_ = 0;
    }
    return chunks_[current_].bytes.get() + used_;
  }

  // Marks the first n bytes from the last reserve() as used and views them.
  std::string_view commit(std::size_t n) noexcept {
    const char* begin = chunks_[current_].bytes.get() + used_;
    used_ += n;
    return {begin, n};
  }

  std::string_view copy(std::string_view text) {
    char* out = reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) out[i] = text[i];
    return commit(text.size());
  }

  void reset() noexcept {
    current_ = 0;
    used_ = 0;
  }

 private:
  static constexpr std::size_t min_chunk = 16 * 1024;
  struct chunk {
    std::unique_ptr<char[]> bytes;
    std::size_t size;
  };
  std::vector<chunk> chunks_;
  std::size_t current_ = 0;
  std::size_t used_ = 0;
};

}  // namespace imperva_cef::detail
