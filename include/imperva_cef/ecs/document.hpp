// Streams one ECS document: fields arrive by dotted path, in a table's order,
// and the parent objects are opened and closed around them as paths change.
#pragma once

#include <cstddef>
#include <string_view>

#include "../detail/always_inline.hpp"
#include "../json/writer.hpp"
#include "field_path.hpp"
#include "path_text.hpp"

namespace imperva_cef::ecs {

template <class Writer>
class document {
 public:
  explicit document(Writer& writer) : writer_(writer) { writer_.begin_object(); }

  // Opens path's parents and writes its leaf key; the caller writes the
  // value. The first `keep` open objects must be path's first parents: the
  // table knows how many at compile time (parents_shared_with_previous), so
  // nothing is compared here.
  IMPERVA_CEF_ALWAYS_INLINE Writer& field(const field_path& path, const path_text& text, std::size_t keep) {
    close_to(keep);
    if constexpr (takes_key_paths<Writer>) {
      writer_.key_path(text.from_depth(open_depth_), path.depth - 1 - open_depth_);
      open_depth_ = path.depth - 1;
    } else {
      for (; open_depth_ + 1 < path.depth; ++open_depth_) {
        writer_.key(path.segments[open_depth_]);
        writer_.begin_object();
      }
      writer_.key(path.leaf());
    }
    return writer_;
  }

  // field(), then text as its value: in one write where the writer offers it.
  IMPERVA_CEF_ALWAYS_INLINE void string_field(const field_path& path, const path_text& text, std::size_t keep,
                                              std::string_view value) {
    if constexpr (takes_key_path_strings<Writer>) {
      close_to(keep);
      writer_.key_path_string(text.from_depth(open_depth_), path.depth - 1 - open_depth_, value);
      open_depth_ = path.depth - 1;
    } else {
      field(path, text, keep).string(value);
    }
  }

  void finish() {
    close_to(0);
    writer_.end_object();
  }

 private:
  void close_to(std::size_t depth) {
    while (open_depth_ > depth) {
      writer_.end_object();
      --open_depth_;
    }
  }

  Writer& writer_;
  std::size_t open_depth_ = 0;
};

}  // namespace imperva_cef::ecs
