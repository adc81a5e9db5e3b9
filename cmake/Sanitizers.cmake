# Sanitizers.cmake — applies -fsanitize=${BROADSHEET_SANITIZE} to every target when it is set.
if(BROADSHEET_SANITIZE)
  add_compile_options(-fsanitize=${BROADSHEET_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${BROADSHEET_SANITIZE})
endif()
