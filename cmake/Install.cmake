# Install.cmake — what `cmake --install` (and so the Debian package, cmake/Packaging.cmake) puts
# where, in the GNU layout under the install prefix:
#   bin/                          broadsheet-server, broadsheet-indexer
#   share/broadsheet/web/         the frontend the server serves at / (no --web needed)
#   share/broadsheet/*.tsv        the default registries (no --registry needed)
#   share/man/man1/               man pages made from the programs' --help (help2man)
#   share/doc/broadsheet/         README, CHANGELOG, docs/*.md; examples/ the nginx site
#   lib/systemd/system/           broadsheet.service, its paths moved to the prefix
# The programs find share/broadsheet from their own location (kShareDirFromBin in version.h).

install(TARGETS broadsheet-server broadsheet-indexer RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Only what the frontend serves: page, scripts, styles, images; never a test file.
install(DIRECTORY web/ DESTINATION ${CMAKE_INSTALL_DATADIR}/broadsheet/web
  FILES_MATCHING
    PATTERN "*.html" PATTERN "*.js" PATTERN "*.css" PATTERN "*.svg" PATTERN "*.png"
    PATTERN "*.ico"
    PATTERN "*.test.*" EXCLUDE PATTERN "*.spec.*" EXCLUDE)
install(FILES corpus/outlets.tsv corpus/speaker-aliases.tsv
  DESTINATION ${CMAKE_INSTALL_DATADIR}/broadsheet)

file(GLOB BROADSHEET_DOCS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES README.md CHANGELOG.md ${BROADSHEET_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES deploy/nginx/broadsheet.conf DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(PROGRAMS deploy/nginx/render.sh DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# The unit in deploy/ names the /usr/local paths of a hand install (docs/deploy.md, checked by
# tests/deploy); the installed copy names the prefix it is installed under (/usr in the package).
# That prefix is only known at install time, hence the substitution in install(CODE).
install(CODE "set(BROADSHEET_UNIT_SOURCE \"${PROJECT_SOURCE_DIR}/deploy/systemd/broadsheet.service\")
set(BROADSHEET_UNIT_STAGED \"${PROJECT_BINARY_DIR}/install/broadsheet.service\")")
install(CODE [[
  file(READ "${BROADSHEET_UNIT_SOURCE}" unit)
  string(REPLACE "/usr/local/" "${CMAKE_INSTALL_PREFIX}/" unit "${unit}")
  file(WRITE "${BROADSHEET_UNIT_STAGED}" "${unit}")
]])
install(FILES ${PROJECT_BINARY_DIR}/install/broadsheet.service
  DESTINATION lib/systemd/system)

# Man pages from --help and --version at build time, so they never drift from the programs.
find_program(BROADSHEET_HELP2MAN help2man)
if(NOT BROADSHEET_HELP2MAN)
  message(STATUS "help2man not found: no man pages are built or installed "
                 "(scripts/install-deps.sh installs it)")
  return()
endif()
set(BROADSHEET_MAN_NAME_broadsheet-server "serve a Broadsheet news-archive index: search API and web frontend")
set(BROADSHEET_MAN_NAME_broadsheet-indexer "turn a folder of news-article files into a Broadsheet search index")
# The indexer's --help-all adds its subcommands' options.
set(BROADSHEET_MAN_HELP_broadsheet-server --help)
set(BROADSHEET_MAN_HELP_broadsheet-indexer --help-all)
set(BROADSHEET_MAN_PAGES)
foreach(program broadsheet-server broadsheet-indexer)
  set(page ${PROJECT_BINARY_DIR}/man/${program}.1)
  add_custom_command(OUTPUT ${page}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
    COMMAND ${BROADSHEET_HELP2MAN} --no-info --section=1
            "--name=${BROADSHEET_MAN_NAME_${program}}"
            "--help-option=${BROADSHEET_MAN_HELP_${program}}" --output=${page}
            $<TARGET_FILE:${program}>
    DEPENDS ${program}
    COMMENT "Generating the man page of ${program} (help2man)"
    VERBATIM)
  list(APPEND BROADSHEET_MAN_PAGES ${page})
endforeach()
add_custom_target(man_pages ALL DEPENDS ${BROADSHEET_MAN_PAGES})
install(FILES ${BROADSHEET_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
