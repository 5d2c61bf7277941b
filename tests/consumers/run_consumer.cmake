# Builds and runs tests/consumers/project in a scratch folder.
# -DMODE=fetchcontent|subdirectory|find_package -DSOURCE=<repo> -DWORK=<dir>
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}")
  endif()
endfunction()

set(args -DMODE=${MODE})
if(MODE STREQUAL "fetchcontent")
  # A local clone stands in for the published repository.
  run(git clone --quiet "${SOURCE}" "${WORK}/clone")
  list(APPEND args "-DIMPERVA_CEF_GIT=file://${WORK}/clone")
elseif(MODE STREQUAL "subdirectory")
  list(APPEND args "-DIMPERVA_CEF_SOURCE=${SOURCE}")
elseif(MODE STREQUAL "find_package")
  run(${CMAKE_COMMAND} -S "${SOURCE}" -B "${WORK}/library" -DIMPERVA_CEF_BUILD_TESTS=OFF
      -DIMPERVA_CEF_BUILD_EXAMPLES=OFF -DIMPERVA_CEF_INSTALL=ON)
  run(${CMAKE_COMMAND} --install "${WORK}/library" --prefix "${WORK}/prefix")
  list(APPEND args "-DCMAKE_PREFIX_PATH=${WORK}/prefix")
endif()

run(${CMAKE_COMMAND} -S "${CMAKE_CURRENT_LIST_DIR}/project" -B "${WORK}/build" ${args})
run(${CMAKE_COMMAND} --build "${WORK}/build")
run("${WORK}/build/consumer")
