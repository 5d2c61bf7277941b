include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(IMPERVA_CEF_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/imperva_cef)

install(TARGETS imperva_cef EXPORT imperva_cefTargets)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT imperva_cefTargets
  NAMESPACE imperva_cef::
  DESTINATION ${IMPERVA_CEF_CMAKE_DIR})

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/imperva_cefConfig.cmake.in
  ${PROJECT_BINARY_DIR}/imperva_cefConfig.cmake
  INSTALL_DESTINATION ${IMPERVA_CEF_CMAKE_DIR})
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/imperva_cefConfigVersion.cmake
  COMPATIBILITY SameMinorVersion
  ARCH_INDEPENDENT)
install(FILES
  ${PROJECT_BINARY_DIR}/imperva_cefConfig.cmake
  ${PROJECT_BINARY_DIR}/imperva_cefConfigVersion.cmake
  DESTINATION ${IMPERVA_CEF_CMAKE_DIR})
