# Flags for the project's own programs (tests, examples, fuzzers): strict
# warnings, and the sanitizers when IMPERVA_CEF_SANITIZE is on. Never applied
# to the INTERFACE target imperva_cef, so users' builds are left alone.

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
