# The README's field tables are `imperva2ecs --list-fields` output, so they
# cannot drift from the compile-time tables. -DCLI=<binary> -DREADME=<file>
file(READ "${README}" readme)
foreach(profile sekoia ecs)
  execute_process(COMMAND "${CLI}" --list-fields --profile ${profile}
                  OUTPUT_VARIABLE table RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "imperva2ecs --list-fields --profile ${profile} failed (${status})")
  endif()
  string(FIND "${readme}" "${table}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "README.md lacks the current ${profile} field table: "
                        "paste the output of `imperva2ecs --list-fields --profile ${profile}`")
  endif()
endforeach()
message(STATUS "README field tables match the code")
