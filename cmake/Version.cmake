# Version.cmake — the version header (generated/broadsheet/version.h in the build tree) from the
# one version in project(), as the INTERFACE target broadsheet_version.
file(RELATIVE_PATH BROADSHEET_SHARE_DIR_FROM_BIN
     "${CMAKE_INSTALL_FULL_BINDIR}" "${CMAKE_INSTALL_FULL_DATADIR}/broadsheet")
configure_file(cmake/version.h.in "${PROJECT_BINARY_DIR}/generated/broadsheet/version.h" @ONLY)

add_library(broadsheet_version INTERFACE)
target_include_directories(broadsheet_version INTERFACE "${PROJECT_BINARY_DIR}/generated")
