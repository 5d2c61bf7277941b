// For the few small functions whose callers pass compile-time constants the
// compiler should fold into them, where its size heuristics would not inline.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define IMPERVA_CEF_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define IMPERVA_CEF_ALWAYS_INLINE inline
#endif
