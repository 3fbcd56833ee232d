# A scripted run on an empty (truncated) database file, its patients' files beside it, exits with an error naming the file and
# leaves the file as it was, instead of waiting on a message box or creating a new database.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(WRITE "${WORK}/metis.db" "")
file(WRITE "${WORK}/storage/ab/instance.dcm" "DICM") # the truncated database's patients
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=${WORK}/config
            ${METIS} --db ${WORK}/metis.db --user oncologist --exit-when-ready
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 30)
if(status EQUAL 0 OR NOT err MATCHES "metis.db is empty \\(0 bytes\\)")
    message(FATAL_ERROR "expected a refusal, got status ${status}: ${out}${err}")
endif()
file(SIZE "${WORK}/metis.db" size)
if(NOT size EQUAL 0)
    message(FATAL_ERROR "the empty database file was written to (${size} bytes)")
endif()
