// SSE2 is part of x86-64, so the scanning loops use it without a runtime
// check; other targets take their plain loops.
#pragma once

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define IMPERVA_CEF_SSE2 1
#endif
