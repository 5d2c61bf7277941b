// Catch2 runner for the imperva2ecs tests: `imperva2ecs_cli_tests --cli PATH`
// (or IMPERVA_CEF_CLI=PATH in the environment) names the binary under test.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "process.hpp"

int main(int argc, char* argv[]) {
  if (argc >= 2 && std::string(argv[1]) == "--rss-probe")
    return cli_test::rss_probe_main(argc, argv);
  Catch::Session session;
  std::string cli;
  auto parser =
      session.cli() | Catch::clara::Opt(cli, "path")["--cli"]("the imperva2ecs binary to test");
  session.cli(parser);
  if (const int status = session.applyCommandLine(argc, argv); status != 0) return status;
  if (cli.empty()) {
    if (const char* from_environment = std::getenv("IMPERVA_CEF_CLI")) cli = from_environment;
  }
  cli_test::set_cli_path(cli);
  return session.run();
}
