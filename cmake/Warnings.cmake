# Warnings.cmake — broadsheet_set_warnings(target): the warning flags every target of ours gets.
function(broadsheet_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wpedantic)
  if(BROADSHEET_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
