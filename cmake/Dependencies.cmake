# Dependencies.cmake — every third-party library, found from Debian packages (never downloaded).
find_package(PkgConfig REQUIRED)
find_package(xapian 1.4 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(spdlog REQUIRED)
find_package(date REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(Threads REQUIRED)
# Compressed article files and .warc.gz archives (core/extract/gzip.h).
find_package(ZLIB REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
# Brotli-coded payloads in WARC records (Content-Encoding: br); the tests encode with libbrotlienc.
pkg_check_modules(BROTLIDEC REQUIRED IMPORTED_TARGET libbrotlidec)

# Xapian's Debian config file sets variables rather than a target; wrap them in one.
add_library(broadsheet_xapian INTERFACE)
target_include_directories(broadsheet_xapian SYSTEM INTERFACE ${XAPIAN_INCLUDE_DIR})
target_link_libraries(broadsheet_xapian INTERFACE ${XAPIAN_LIBRARIES})

if(BROADSHEET_BUILD_TESTS)
  find_package(GTest REQUIRED)
  pkg_check_modules(BROTLIENC REQUIRED IMPORTED_TARGET libbrotlienc)
endif()
