// Runs reader -> converter -> writer over every input.
//
// threads == 1: one loop on the calling thread.
// threads > 1: `threads` workers each read (and decompress) a batch in turn,
// then convert it. Batches are written strictly in input order, so the output
// bytes are the same for any number of threads. Who writes depends on the
// output: to a regular file or /dev/null, whichever worker completes the
// oldest batch writes it and any converted batches after it (no thread wakes
// up only to write); to a pipe, socket or terminal, the calling thread writes,
// so a slow reader of the output never holds up a worker. A fixed set of
// batches circulates, so memory stays bounded.
#pragma once

#include <cstddef>

#include "batch_reader.hpp"
#include "batch_writer.hpp"
#include "convert.hpp"

namespace imperva2ecs {

// A 256 KiB block and its output stay within a core's L2 cache while it is
// converted: measured 5-10 % faster than 1 MiB blocks, one thread or two.
inline constexpr std::size_t largest_batch_bytes = std::size_t{256} << 10;

struct pipeline_shape {
  unsigned threads = 1;
  std::size_t batches_per_worker = 1;             // each worker's own batches
  std::size_t batch_bytes = largest_batch_bytes;  // input bytes a batch aims at
  bool calling_thread_writes = true;              // threads > 1: see above
};

// The shape for a thread count: blocks of 64 KiB to largest_batch_bytes, at
// most about 8 MiB of input in flight (more only for the two blocks per
// worker of a very high N).
pipeline_shape shape_for(unsigned threads, const output_sink& out);

enum class run_outcome {
  completed,        // every input read to its end
  stopped,          // the writer asked to stop (--on-error fail)
  stopped_threads,  // the same, with a worker possibly still blocked in a
                    // read: the caller must end the process (std::_Exit)
};

// Exceptions from the writer (output_error) and unexpected ones from reading
// or converting propagate; in the threaded case, after one of those the
// caller must likewise end the process with std::_Exit.
run_outcome run_pipeline(batch_reader& reader, batch_writer& writer, const conversion& how,
                         const pipeline_shape& shape);

}  // namespace imperva2ecs
