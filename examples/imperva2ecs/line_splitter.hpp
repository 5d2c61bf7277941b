// Cuts a byte source into blocks of whole lines, in bounded memory: a block
// is about `target` bytes, or one line when a line is longer than that (the
// block then grows to hold it, so memory is the target plus the longest line).
//
// A block always ends with '\n'; the last line of an input that has none gets
// one (`added_newline` says so). When the source is a pipe that goes quiet,
// the lines read so far are handed on at once rather than waiting for a full
// block, so the tool works as a live filter.
#pragma once

#include <cstddef>
#include <exception>

#include "byte_buffer.hpp"
#include "byte_source.hpp"

namespace imperva2ecs {

class line_splitter {
 public:
  line_splitter(byte_source& source, std::size_t target);

  // Replaces the contents of `block` with the next whole lines. Returns false
  // (and leaves `block` empty) when the input is exhausted. A read error
  // (input_error) is thrown once the whole lines before it were returned; the
  // incomplete line at the point of the error is dropped.
  bool next_block(byte_buffer& block, bool& added_newline);

 private:
  byte_source& source_;
  std::size_t target_;
  byte_buffer carry_;  // the start of a line whose end has not been read yet
  bool ended_ = false;
  std::exception_ptr pending_error_;  // a read error that came after whole lines
};

}  // namespace imperva2ecs
