#include <imperva_cef/imperva_cef.hpp>

#include <cstdio>

int main() {
  const nlohmann::json doc =
      imperva_cef::parse_imperva_cef("CEF:0|Incapsula|SIEMintegration|1|1|Normal|0|src=1.2.3.4 cn1=200");
  if (doc["source"]["ip"] != "1.2.3.4" || doc["http"]["response"]["status_code"] != 200) return 1;
  try {
    imperva_cef::parse_imperva_cef("not a CEF line");
    return 1;
  } catch (const imperva_cef::parse_error& error) {
    if (error.code() != imperva_cef::errc::missing_cef_marker) return 1;
  }
  std::puts("consumer ok");
  return 0;
}
