// The project's own fixtures: tests/fixtures/<profile>/<case>.json, each
// {"line": <input line>, "expected": <whole expected document>}.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fixtures {

struct fixture {
  std::string name;
  std::string line;
  nlohmann::json expected;
};

inline std::vector<fixture> load(const std::string& profile) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(IMPERVA_CEF_FIXTURES_DIR) / profile)) {
    if (entry.path().extension() == ".json") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<fixture> result;
  for (const auto& path : paths) {
    std::ifstream in(path);
    const nlohmann::json doc = nlohmann::json::parse(in);
    result.push_back({path.stem().string(), doc.at("line").get<std::string>(), doc.at("expected")});
  }
  return result;
}

}  // namespace fixtures
