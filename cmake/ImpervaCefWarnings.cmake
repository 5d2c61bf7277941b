# Flags for the project's own programs (tests, examples, fuzzers): strict
# warnings, the sanitizers when IMPERVA_CEF_SANITIZE is on, and the language
# standard of the measured programs. Never applied to the INTERFACE target
# imperva_cef, so users' builds are left alone.

option(IMPERVA_CEF_SANITIZE
  "Build the project's own tests, examples and fuzzers with AddressSanitizer and UndefinedBehaviorSanitizer"
  OFF)

function(imperva_cef_project_flags target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      # GCC 12 reports `"literal" + std::string&&` as an overlapping memcpy
      # in optimised C++20 builds (GCC bug 105651, a false positive).
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 /WX)
  endif()

  if(IMPERVA_CEF_SANITIZE)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
      # Any report is fatal (exit status non-zero), so ctest sees it as a
      # failure; _GLIBCXX_ASSERTIONS adds bounds checks to std::string_view,
      # std::vector and std::array operator[] (no ABI change).
      set(sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=all)
      target_compile_options(${target} PRIVATE ${sanitize_flags} -fno-omit-frame-pointer)
      # IMPERVA_CEF_SANITIZED lets timing tests allow for the slowdown.
      target_compile_definitions(${target} PRIVATE _GLIBCXX_ASSERTIONS IMPERVA_CEF_SANITIZED)
      target_link_options(${target} PRIVATE ${sanitize_flags})
    elseif(MSVC)
      target_compile_options(${target} PRIVATE /fsanitize=address)
    else()
      message(WARNING "IMPERVA_CEF_SANITIZE: no sanitizer flags known for ${CMAKE_CXX_COMPILER_ID}")
    endif()
  endif()
endfunction()

# The newest standard the compiler offers, C++17 at least, for the programs
# whose speed is measured (the CLI, the benchmarks): from C++23 on, the
# string writer grows its output without zero-filling it first
# (detail/string_growth.hpp).
if("cxx_std_23" IN_LIST CMAKE_CXX_COMPILE_FEATURES)
  set(IMPERVA_CEF_NEWEST_STANDARD 23)
else()
  set(IMPERVA_CEF_NEWEST_STANDARD 17)
endif()
function(imperva_cef_newest_standard target)
  target_compile_features(${target} PRIVATE cxx_std_${IMPERVA_CEF_NEWEST_STANDARD})
endfunction()
