// Inlining hints where measurement showed the compiler's size heuristics
// choosing badly: ALWAYS_INLINE for the few small functions whose callers
// pass compile-time constants to fold, NOINLINE for rare slow paths that
// would otherwise make their hot caller save and restore registers on every call.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define IMPERVA_CEF_ALWAYS_INLINE inline __attribute__((always_inline))
#define IMPERVA_CEF_NOINLINE __attribute__((noinline))
#elif defined(_MSC_VER)
#define IMPERVA_CEF_ALWAYS_INLINE inline
#define IMPERVA_CEF_NOINLINE __declspec(noinline)
#else
#define IMPERVA_CEF_ALWAYS_INLINE inline
#define IMPERVA_CEF_NOINLINE
#endif
