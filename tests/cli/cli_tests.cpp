// Behaviour of the imperva2ecs command-line tool (SPEC.md section 7), checked
// by running the built binary on inputs the tests make themselves.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "process.hpp"

using namespace cli_test;

namespace {

// Exactly one line on standard error, containing every one of `parts`.
void require_one_line_message(const run_result& r, const std::vector<std::string>& parts) {
  INFO("stderr: " << r.err);
  REQUIRE(count_lines(r.err) == 1);
  REQUIRE(r.err.rfind("imperva2ecs: ", 0) == 0);
  for (const auto& part : parts) CHECK(r.err.find(part) != std::string::npos);
}

const std::string not_cef = "this is not a CEF line";
const std::string not_cef_document =
    R"({"error":{"message":"no CEF: marker at byte 0","type":"cef_parse_error"},)"
    R"("event":{"kind":"pipeline_error","original":"this is not a CEF line"}})";

}  // namespace

TEST_CASE("plain Imperva file: header skipped and events converted", "[plain_imperva]") {
  temp_dir dir;
  const std::string events = cef_lines(50);
  const auto file = dir.write("plain.log", imperva_header() + events);
  const run_result r = run({file});
  INFO(r.err);
  REQUIRE(r.exit_status == 0);
  CHECK(r.err.empty());
  CHECK(count_lines(r.out) == 50);
  CHECK(r.out == expected_ndjson(events));
}

TEST_CASE("zlib-compressed Imperva file is decompressed", "[zlib_imperva]") {
  temp_dir dir;
  const std::string events = cef_lines(3000, 97, 89);
  const auto file = dir.write("compressed.log", imperva_header() + zlib_compress(events));
  for (const char* threads : {"1", "2"}) {
    const run_result r = run({"--threads", threads, file});
    INFO(r.err);
    REQUIRE(r.exit_status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == expected_ndjson(events));
  }
}

TEST_CASE("gzip file and Imperva file inside gzip are recognised from content", "[gzip]") {
  temp_dir dir;
  const std::string events = cef_lines(200);
  const auto gz = dir.write("events.anything", gzip_compress(events));
  const auto gz_imperva = dir.write("imperva.gz", gzip_compress(imperva_header() + events));
  const auto gz_header_gz = dir.write("imperva2", imperva_header() + gzip_compress(events));
  for (const auto& file : {gz, gz_imperva, gz_header_gz}) {
    const run_result r = run({file});
    INFO(file << ": " << r.err);
    REQUIRE(r.exit_status == 0);
    CHECK(r.out == expected_ndjson(events));
  }
}

TEST_CASE("truncated compressed file: lines before the damage are kept and exit status is 2",
          "[truncated]") {
  temp_dir dir;
  const std::string events = cef_lines(5000);
  std::string compressed = zlib_compress(events);
  compressed.resize(compressed.size() / 2);
  const auto file = dir.write("truncated.log", imperva_header() + compressed);
  const run_result r = run({file});
  REQUIRE(r.exit_status == 2);
  require_one_line_message(r, {file, "truncated"});
  const std::size_t produced = count_lines(r.out);
  CHECK(produced > 100);
  CHECK(produced < 5000);
  CHECK(r.out == expected_ndjson(events).substr(0, r.out.size()));
}

TEST_CASE("encrypted Imperva file is refused with exit status 2", "[encrypted]") {
  temp_dir dir;
  const auto file = dir.write("encrypted.log", imperva_header(true) + zlib_compress(cef_lines(10)));
  const run_result r = run({file});
  CHECK(r.exit_status == 2);
  CHECK(r.out.empty());
  require_one_line_message(r, {file, "encrypted", "decrypt"});
}

TEST_CASE("Imperva file in another log format is refused", "[other_format]") {
  temp_dir dir;
  const auto file = dir.write("w3c.log", imperva_header(false, "W3C") + "#Fields: date time\n");
  const run_result r = run({file});
  CHECK(r.exit_status == 2);
  CHECK(r.out.empty());
  require_one_line_message(r, {file, "W3C", "CEF"});
}

TEST_CASE("Imperva file without events gives no output", "[no_events]") {
  temp_dir dir;
  for (const std::string& text : {imperva_header(), imperva_header() + zlib_compress("")}) {
    const run_result r = run({dir.write("empty.log", text)});
    CHECK(r.exit_status == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
  }
}

TEST_CASE("missing or unreadable input: exit status 2 and one line on stderr", "[missing_file]") {
  temp_dir dir;
  const std::string missing = dir.path("no-such-file.log");
  run_result r = run({missing});
  CHECK(r.exit_status == 2);
  CHECK(r.out.empty());
  require_one_line_message(r, {missing});

  r = run({dir.path("")});  // a directory
  CHECK(r.exit_status == 2);
  require_one_line_message(r, {"directory"});

  // The readable inputs around it are still converted, in order.
  const std::string events = cef_lines(5);
  const auto good = dir.write("good.log", events);
  r = run({good, missing, good});
  CHECK(r.exit_status == 2);
  CHECK(r.out == expected_ndjson(events + events));
  require_one_line_message(r, {missing});
}

TEST_CASE("bad usage: exit status 2 and usage on stderr", "[bad_usage]") {
  const std::vector<std::vector<std::string>> bad = {
      {"--no-such-option"},     {"-x"},
      {"--profile", "splunk"},  {"--profile"},
      {"--on-error", "ignore"}, {"--threads", "two"},
      {"--threads", "-1"},      {"-o"},
      {"--stats=yes"},          {"--keep-original=1"},
  };
  for (const auto& args : bad) {
    const run_result r = run(args);
    INFO(args.front() << " -> " << r.err);
    CHECK(r.exit_status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("imperva2ecs: ", 0) == 0);
    CHECK(r.err.find("Usage: imperva2ecs") != std::string::npos);
  }
  const run_result unknown = run({"--frobnicate"});
  CHECK(unknown.err.find("unknown option '--frobnicate'") != std::string::npos);
}

TEST_CASE("help and version", "[help_version]") {
  for (const char* option : {"--help", "-h"}) {
    const run_result r = run({option});
    CHECK(r.exit_status == 0);
    CHECK(r.out.rfind("Usage: imperva2ecs", 0) == 0);
    for (const char* documented : {"--profile", "--keep-original", "--threads", "--on-error",
                                   "--stats", "-o", "--version"}) {
      CHECK(r.out.find(documented) != std::string::npos);
    }
  }
  for (const char* option : {"--version", "-V"}) {
    const run_result r = run({option});
    CHECK(r.exit_status == 0);
    CHECK(std::regex_match(r.out, std::regex("imperva2ecs \\S+\n")));
  }
}

TEST_CASE("on-error emit writes the exact error document", "[on_error_emit]") {
  const std::string input = cef_line(1) + "\n" + not_cef + "\n" + cef_line(2) + "\n";
  for (const auto& args :
       {std::vector<std::string>{}, std::vector<std::string>{"--on-error", "emit"}}) {
    const run_result r = run(args, input);
    REQUIRE(r.exit_status == 0);
    const auto lines = split_lines(r.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1] == not_cef_document);
    CHECK(r.out == expected_ndjson(input));
  }
  // Control characters and invalid UTF-8 in the original stay valid JSON.
  const run_result r = run({}, std::string("bad\tline \x01\xff\"\\\n"));
  CHECK(r.out == R"({"error":{"message":"no CEF: marker at byte 0","type":"cef_parse_error"},)"
                 R"("event":{"kind":"pipeline_error","original":"bad\tline \u0001)"
                 "\xef\xbf\xbd"
                 R"(\"\\"}})"
                 "\n");
}

TEST_CASE("on-error skip drops lines that are not CEF", "[on_error_skip]") {
  const std::string input = cef_lines(2000, 7);
  const run_result r = run({"--on-error", "skip", "--stats"}, input);
  REQUIRE(r.exit_status == 0);
  CHECK(r.out == expected_ndjson(input, {}, error_mode::skip));
  CHECK(count_lines(r.out) == 2000 - 2000 / 7);
  CHECK(r.err.find("errors=285 ") != std::string::npos);
}

TEST_CASE("on-error fail stops with exit status 1 naming the line", "[on_error_fail]") {
  SECTION("standard input") {
    const std::string input = cef_line(1) + "\n\n" + not_cef + "\n" + cef_line(2) + "\n";
    const run_result r = run({"--on-error", "fail"}, input);
    CHECK(r.exit_status == 1);
    CHECK(r.out == expected_ndjson(cef_line(1) + "\n"));
    require_one_line_message(r, {"standard input", "line 3", "no CEF: marker at byte 0"});
  }
  SECTION("a line deep in an Imperva file, counted from the top of the file, any thread count") {
    temp_dir dir;
    const std::string before = cef_lines(4321);
    const std::string events = before + not_cef + "\n" + cef_lines(3000, 0, 0, 4321);
    const auto plain = dir.write("plain.log", imperva_header() + events);
    const auto compressed = dir.write("z.log", imperva_header() + zlib_compress(events));
    for (const auto& file : {plain, compressed}) {
      for (const char* threads : {"1", "2", "3"}) {
        const run_result r = run({"--on-error", "fail", "--threads", threads, file});
        INFO(file << " --threads " << threads);
        CHECK(r.exit_status == 1);
        CHECK(r.out == expected_ndjson(before));
        require_one_line_message(
            r, {file, "line " + std::to_string(imperva_header_lines + 4322) + ":"});
        // To a regular file, where the workers write.
        const run_result to_file =
            run({"--on-error", "fail", "--threads", threads, "-o", dir.path("out.ndjson"), file});
        CHECK(to_file.exit_status == 1);
        CHECK(read_file(dir.path("out.ndjson")) == expected_ndjson(before));
        CHECK(to_file.err == r.err);
      }
    }
  }
}

TEST_CASE("output is identical for any thread count", "[threads_identical]") {
  temp_dir dir;
  // Several batches: about 6 MB with errors, empty lines, CRLF and a long line.
  std::string events = cef_lines(6000, 101, 53);
  events += std::string(3u << 20, 'x') + "\n";  // over max_line_bytes: one error document
  events += cef_lines(500, 0, 0, 6000);
  const auto file = dir.write("many.log", events);
  const run_result one = run({"--threads", "1", file});
  REQUIRE(one.exit_status == 0);
  CHECK(one.out == expected_ndjson(events));
  for (const char* threads : {"2", "3", "8", "0"}) {
    const run_result r = run({"--threads", threads, file});
    INFO("--threads " << threads);
    REQUIRE(r.exit_status == 0);
    CHECK(r.out.size() == one.out.size());
    CHECK(r.out == one.out);
  }
  // The same through a pipe, where blocks arrive in pieces.
  const run_result piped = run({"--threads", "2"}, events);
  CHECK(piped.out == one.out);
  // To a regular file the workers write (to a pipe, as above, the main thread does).
  for (const char* threads : {"2", "3"}) {
    const run_result r = run({"--threads", threads, "-o", dir.path("out.ndjson"), file});
    INFO("-o, --threads " << threads);
    REQUIRE(r.exit_status == 0);
    CHECK(read_file(dir.path("out.ndjson")) == one.out);
  }
}

TEST_CASE("profile and keep-original options reach the library", "[profile_options]") {
  const std::string input = cef_lines(20, 9);
  imperva_cef::options ecs;
  ecs.profile = imperva_cef::profile::ecs;
  ecs.keep_original = true;
  const run_result r = run({"--profile", "ecs", "--keep-original"}, input);
  REQUIRE(r.exit_status == 0);
  CHECK(r.out == expected_ndjson(input, ecs));
  const run_result equals_form = run({"--profile=ecs", "--keep-original"}, input);
  CHECK(equals_form.out == r.out);
  const run_result sekoia = run({"--profile", "sekoia"}, input);
  CHECK(sekoia.out == expected_ndjson(input));
}

TEST_CASE("output file option", "[output_file]") {
  temp_dir dir;
  const std::string events = cef_lines(100, 10);
  const auto input = dir.write("in.log", imperva_header() + events);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"-o", dir.path("out.ndjson"), input},
        std::vector<std::string>{input, "--output=" + dir.path("out.ndjson")},
        std::vector<std::string>{"-o" + dir.path("out.ndjson"), input}}) {
    const run_result r = run(args);
    REQUIRE(r.exit_status == 0);
    CHECK(r.out.empty());
    CHECK(read_file(dir.path("out.ndjson")) == expected_ndjson(events));
  }
  // Never truncate an input by writing over it.
  const run_result same = run({"-o", input, input});
  CHECK(same.exit_status == 2);
  require_one_line_message(same, {input, "output"});
  CHECK(read_file(input) == imperva_header() + events);

  const run_result unwritable = run({"-o", dir.path("no/such/dir/out.ndjson"), input});
  CHECK(unwritable.exit_status == 2);
  require_one_line_message(unwritable, {"no/such/dir/out.ndjson"});
}

TEST_CASE("a write error stops the run with status 2, any thread count", "[write_error]") {
  if (!std::ifstream("/dev/full")) {
    WARN("skipped: no /dev/full on this system");
    return;
  }
  temp_dir dir;
  // Many batches, so that workers are still busy when the first write fails.
  const auto input = dir.write("in.log", cef_lines(8000, 7));
  for (const char* threads : {"1", "2", "3"}) {
    const run_result r = run({"--threads", threads, "-o", "/dev/full", input});
    INFO("--threads " << threads);
    CHECK(r.exit_status == 2);
    require_one_line_message(r, {"cannot write /dev/full"});
  }
}

TEST_CASE("standard input, dash, and several inputs in order", "[stdin_and_order]") {
  temp_dir dir;
  const std::string a = cef_lines(30, 0, 0, 0), b = cef_lines(40, 0, 0, 100),
                    c = cef_lines(50, 0, 0, 200);
  const auto file_a = dir.write("a.log", imperva_header() + zlib_compress(a));
  const auto file_c = dir.write("c.log", c);

  CHECK(run({}, b).out == expected_ndjson(b));
  CHECK(run({"-"}, b).out == expected_ndjson(b));
  // An Imperva file on standard input is recognised too.
  CHECK(run({"-"}, imperva_header() + zlib_compress(b)).out == expected_ndjson(b));
  for (const char* threads : {"1", "2"}) {
    const run_result r = run({"--threads", threads, file_a, "-", file_c, "--", file_a}, b);
    REQUIRE(r.exit_status == 0);
    CHECK(r.out == expected_ndjson(a + b + c + a));
  }
}

TEST_CASE("stats line on stderr", "[stats]") {
  const std::string input = cef_lines(1000, 10, 25);  // 40 empty, 96 errors... counted below
  std::size_t empty = 0, errors = 0;
  for (std::size_t i = 0; i < 1000; ++i) {
    if (i % 25 == 24)
      ++empty;
    else if (i % 10 == 9)
      ++errors;
  }
  const run_result r = run({"--stats"}, input);
  REQUIRE(r.exit_status == 0);
  INFO(r.err);
  REQUIRE(count_lines(r.err) == 1);
  std::smatch m;
  REQUIRE(std::regex_match(
      r.err, m,
      std::regex(R"(imperva2ecs: lines=(\d+) events=(\d+) errors=(\d+) empty=(\d+) bytes=(\d+) )"
                 R"(output_bytes=(\d+) seconds=(\d+\.\d{3}) MB/s=(\d+\.\d)\n)")));
  CHECK(m[1] == "1000");
  CHECK(std::stoul(m[2]) == 1000 - empty - errors);
  CHECK(std::stoul(m[3]) == errors);
  CHECK(std::stoul(m[4]) == empty);
  CHECK(std::stoul(m[5]) == input.size());
  CHECK(std::stoul(m[6]) == r.out.size());
  // Without --stats, nothing on stderr.
  CHECK(run({}, input).err.empty());
}

TEST_CASE("empty lines give no output and other lines exactly one", "[empty_lines]") {
  CHECK(run({}, "\n\r\n\n\r\n").out.empty());
  CHECK(run({}, "").out.empty());
  const std::string line = cef_line(5);
  // CRLF, no final newline, blank lines around: one line out per event.
  const run_result r = run({}, "\r\n" + line + "\r\n\n" + line + "\n \n" + line);
  CHECK(r.out == expected_ndjson(line + "\n" + line + "\n \n" + line + "\n"));
  CHECK(count_lines(r.out) == 4);  // " " is a line, and not CEF
}

TEST_CASE("over-long line gives exactly one error document", "[long_line]") {
  const std::string huge(5u << 20, 'A');
  const std::string input = cef_line(1) + "\n" + huge + "\n" + cef_line(2) + "\n";
  const run_result r = run({}, input);
  REQUIRE(r.exit_status == 0);
  const auto lines = split_lines(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].find(R"("type":"cef_parse_error")") != std::string::npos);
  CHECK(lines[1].find(huge) != std::string::npos);
  CHECK(r.out == expected_ndjson(input));
}

TEST_CASE("works as a live pipe filter: output comes before input ends", "[live_filter]") {
  for (const char* threads : {"1", "2"}) {
    live_process child({"--threads", threads});
    child.write(cef_line(1) + "\n");
    const std::string first = child.read_lines(1, std::chrono::seconds(10));
    INFO("--threads " << threads);
    CHECK(first == expected_ndjson(cef_line(1) + "\n"));
    child.write(not_cef + "\n");
    CHECK(child.read_lines(2, std::chrono::seconds(10)) == first + not_cef_document + "\n");
    const run_result r = child.finish();
    CHECK(r.exit_status == 0);
  }
}
