# record.cmake — runs an integration test binary with BROADSHEET_RECORD_RESPONSES set, so every
# response its shared client receives lands in RESPONSES (one JSON line each) for validate.mjs.
# Usage: cmake -DBINARY=… -DRESPONSES=… -P record.cmake
file(REMOVE "${RESPONSES}")
set(ENV{BROADSHEET_RECORD_RESPONSES} "${RESPONSES}")
execute_process(COMMAND "${BINARY}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${BINARY} failed (${status}) while recording responses")
endif()
if(NOT EXISTS "${RESPONSES}")
  message(FATAL_ERROR "${BINARY} recorded no response: is the recorder in its test client?")
endif()
