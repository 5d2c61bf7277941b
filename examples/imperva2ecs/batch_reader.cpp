#include "batch_reader.hpp"

#include <utility>

namespace imperva2ecs {

batch_reader::batch_reader(std::vector<std::string> inputs, std::size_t batch_bytes)
    : inputs_(std::move(inputs)), batch_bytes_(batch_bytes) {
  names_.reserve(inputs_.size());
  for (const auto& path : inputs_) names_.push_back(display_name(path));
}

bool batch_reader::next(batch& b) {
  b.reset_for_reading();
  // A buffer that grew for a very long line is given back.
  if (b.input.capacity() > 4 * batch_bytes_) b.input.release();
  if (b.output.capacity() > 8 * batch_bytes_) std::string().swap(b.output);

  for (;;) {
    if (!current_) {
      if (next_input_ == inputs_.size()) return false;
      const std::size_t index = next_input_++;
      try {
        auto opened = std::make_unique<current_input>();
        opened->input = open_input(inputs_[index]);
        opened->lines = std::make_unique<line_splitter>(*opened->input.events, batch_bytes_);
        opened->index = index;
        current_ = std::move(opened);
      } catch (const input_error& error) {
        b.input_index = index;
        b.input_error = error.what();
        return true;
      }
    }
    try {
      if (current_->lines->next_block(b.input, b.added_newline)) {
        b.input_index = current_->index;
        b.first_of_input = current_->first;
        b.header_lines = current_->input.header_lines;
        current_->first = false;
        return true;
      }
      current_.reset();
    } catch (const input_error& error) {
      // Lines read before the error were handed on already; the incomplete
      // line at the point of the error is dropped, and the message says why.
      b.reset_for_reading();
      b.input_index = current_->index;
      b.input_error = error.what();
      current_.reset();
      return true;
    }
  }
}

}  // namespace imperva2ecs
