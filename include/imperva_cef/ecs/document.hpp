// Streams one ECS document: fields arrive by dotted path, and the parent
// objects are opened and closed around them as the paths change.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "field_path.hpp"

namespace imperva_cef::ecs {

template <class Writer>
class document {
 public:
  explicit document(Writer& writer) : writer_(writer) { writer_.begin_object(); }

  // Opens path's parents and writes its leaf key; the caller writes the value.
  Writer& field(const field_path& path) { return field(path.segments.data(), path.depth); }

  Writer& field(const std::string_view* segments, std::size_t depth) {
    const std::size_t parents = depth - 1;
    std::size_t common = 0;
    while (common < open_depth_ && common < parents && open_[common] == segments[common]) ++common;
    while (open_depth_ > common) {
      writer_.end_object();
      --open_depth_;
    }
    for (; open_depth_ < parents; ++open_depth_) {
      writer_.key(segments[open_depth_]);
      writer_.begin_object();
      open_[open_depth_] = segments[open_depth_];
    }
    writer_.key(segments[parents]);
    return writer_;
  }

  void finish() {
    while (open_depth_ > 0) {
      writer_.end_object();
      --open_depth_;
    }
    writer_.end_object();
  }

 private:
  Writer& writer_;
  std::array<std::string_view, max_path_depth> open_{};
  std::size_t open_depth_ = 0;
};

}  // namespace imperva_cef::ecs
