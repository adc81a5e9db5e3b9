# Packaging.cmake — the Debian package, built by CPack from the install rules (cmake/Install.cmake)
# of an already-built tree: `cpack -G DEB` in the build folder makes broadsheet_VERSION_ARCH.deb.
# Runtime dependencies are computed from the programs by dpkg-shlibdeps (Debian's dpkg-dev), not
# listed by hand; the maintainer scripts (deploy/debian/) add the `broadsheet` system user.
set(BROADSHEET_PACKAGE_MAINTAINER "Broadsheet developers <broadsheet@localhost>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME broadsheet)
set(CPACK_PACKAGE_VENDOR Broadsheet)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "${BROADSHEET_PACKAGE_MAINTAINER}")
# Debian puts everything under /usr; the unit's paths follow (install(CODE) in Install.cmake sees
# /usr as the prefix because CPack installs with DESTDIR).
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# cpack packages the tree as built: its preinstall step does not build everything first (so the
# package test packages CI's build without building anything; README builds before cpack).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${BROADSHEET_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The long description; CPack puts the summary above it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "An offline indexer (broadsheet-indexer) turns a folder of article files (text, Markdown, saved
HTML, JSON, each also gzipped, and WARC web archives) into a Xapian index with date, outlet and speaker facets and attributed quotes; a
server (broadsheet-server) answers a REST API and serves a web frontend. Comes with a sandboxed
systemd unit and an nginx front-door example (/usr/share/doc/broadsheet/deploy.md).")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The maintainer scripts use adduser; dpkg-shlibdeps adds the libraries to this.
set(CPACK_DEBIAN_PACKAGE_DEPENDS adduser)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${PROJECT_SOURCE_DIR}/deploy/debian/postinst
  ${PROJECT_SOURCE_DIR}/deploy/debian/prerm
  ${PROJECT_SOURCE_DIR}/deploy/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
