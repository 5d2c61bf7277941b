// Reads the command-line inputs one after the other into batches of whole
// lines. An input that cannot be read becomes a batch that carries the error
// message instead of lines, so that the message reaches standard error in
// order, after the output of the inputs before it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "batch.hpp"
#include "input_source.hpp"
#include "line_splitter.hpp"

namespace imperva2ecs {

class batch_reader {
 public:
  batch_reader(std::vector<std::string> inputs, std::size_t batch_bytes);

  // Fills `b` (reset first) with the next lines or input error; false when
  // every input has been read.
  bool next(batch& b);

  const std::string& input_name(std::size_t index) const { return names_[index]; }

 private:
  struct current_input {
    opened_input input;
    std::unique_ptr<line_splitter> lines;
    std::size_t index = 0;
    bool first = true;
  };

  std::vector<std::string> inputs_;
  std::vector<std::string> names_;
  std::size_t batch_bytes_;
  std::size_t next_input_ = 0;
  std::unique_ptr<current_input> current_;
};

}  // namespace imperva2ecs
