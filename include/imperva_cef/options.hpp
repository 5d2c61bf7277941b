#pragma once

#include <cstddef>

namespace imperva_cef {

enum class profile {
  sekoia,  // reproduces the reference documents, quirks included (the default)
  ecs,     // strict ECS for new deployments
};

struct options {
  imperva_cef::profile profile = profile::sekoia;
  // Longer lines are rejected whole (errc::line_too_long) before any lexing.
  std::size_t max_line_bytes = std::size_t{1} << 20;
  // ecs profile: add the whole input line as event.original.
  bool keep_original = false;
};

}  // namespace imperva_cef
