// The corpus suite: public data from other parsers, found beside the project
// (../shared/corpus) or at $IMPERVA_CEF_CORPUS. Absent, it reports itself
// skipped (exit code 77) instead of passing silently.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>

#include "support/corpus.hpp"

int main(int argc, char* argv[]) {
  const std::filesystem::path dir = corpus::directory();
  if (!std::filesystem::is_directory(dir)) {
    std::cout << "corpus tests skipped: no corpus at " << dir
              << " (set IMPERVA_CEF_CORPUS or -DIMPERVA_CEF_CORPUS_DIR)\n";
    return 77;
  }
  return Catch::Session().run(argc, argv);
}
