// Converts the lines of a batch to NDJSON with the library: the only code
// that runs on the worker threads, and the only file that includes the
// library (the rest of the tool compiles without it).
#pragma once

#include "batch.hpp"

namespace imperva2ecs {

enum class on_error { emit, skip, fail };
enum class output_profile { sekoia, ecs };  // imperva_cef::profile

struct conversion {
  output_profile profile = output_profile::sekoia;
  bool keep_original = false;
  imperva2ecs::on_error on_error = on_error::emit;
};

// Appends one output line per non-empty input line to b.output and counts
// them. With on_error::fail, stops at the first line that is not CEF and
// records it in b.failed_line / b.failure.
void convert_batch(batch& b, const conversion& how);

}  // namespace imperva2ecs
