#pragma once

#define IMPERVA_CEF_VERSION_MAJOR 0
#define IMPERVA_CEF_VERSION_MINOR 1
#define IMPERVA_CEF_VERSION_PATCH 0

namespace imperva_cef {
inline constexpr const char* version_string = "0.1.0";
}  // namespace imperva_cef
