// Counts heap allocations made through the global operator new by the calling
// thread. The replacements live in alloc_counter.cpp; link that file into a
// binary (once) to count that binary's allocations. Replacing operator new is
// per binary, which is why the benchmark and the allocation test each link it.
#pragma once

#include <cstdint>

namespace imperva_cef_bench {

// Allocations made so far by this thread (new, new[], nothrow and aligned forms).
std::uint64_t thread_allocations() noexcept;

}  // namespace imperva_cef_bench
