// generate_corpus OUTPUT MEGABYTES [SEED]
//
// Writes generated Imperva CEF lines (benchmarks/corpus_generator.hpp), one a
// line, until the file holds at least MEGABYTES * 1,000,000 bytes. The same
// arguments give the same file. OUTPUT "-" is standard output.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "corpus_generator.hpp"

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr, "usage: generate_corpus OUTPUT MEGABYTES [SEED]\n");
    return 2;
  }
  char* end = nullptr;
  const double megabytes = std::strtod(argv[2], &end);
  if (end == argv[2] || *end != '\0' || !(megabytes > 0)) {
    std::fprintf(stderr, "generate_corpus: MEGABYTES must be a positive number, not \"%s\"\n", argv[2]);
    return 2;
  }
  std::uint64_t seed = 20240415;
  if (argc == 4) {
    errno = 0;
    seed = std::strtoull(argv[3], &end, 10);
    if (errno != 0 || end == argv[3] || *end != '\0') {
      std::fprintf(stderr, "generate_corpus: SEED must be a decimal integer, not \"%s\"\n", argv[3]);
      return 2;
    }
  }
  const bool to_stdout = std::strcmp(argv[1], "-") == 0;
  std::FILE* out = to_stdout ? stdout : std::fopen(argv[1], "wb");
  if (out == nullptr) {
    std::fprintf(stderr, "generate_corpus: cannot write %s: %s\n", argv[1], std::strerror(errno));
    return 2;
  }
  const auto target = static_cast<unsigned long long>(megabytes * 1e6);
  unsigned long long written = 0, lines = 0;
  imperva_cef_bench::corpus_generator generator(seed);
  std::string buffer;
  while (written < target) {
    const imperva_cef_bench::generated_line line = generator.next();
    buffer += line.text;
    buffer += '\n';
    written += line.text.size() + 1;
    ++lines;
    if (buffer.size() >= (1u << 20)) {
      if (std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size()) break;
      buffer.clear();
    }
  }
  std::fwrite(buffer.data(), 1, buffer.size(), out);
  if (std::fflush(out) != 0 || std::ferror(out) || (!to_stdout && std::fclose(out) != 0)) {
    std::fprintf(stderr, "generate_corpus: error writing %s: %s\n", argv[1], std::strerror(errno));
    return 1;
  }
  std::fprintf(stderr, "generate_corpus: %llu lines, %llu bytes, %.1f bytes/line\n", lines, written,
               lines ? static_cast<double>(written) / static_cast<double>(lines) : 0.0);
  return 0;
}
