# Run by CTest: metis-cli model create-random -> model info verifies it; weights altered in
# place (same size) must make model info fail and name the weights file.
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${CLI} model create-random --out ${WORK}/pkg --input-size 64 --base-width 4
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "create-random failed (${rc}): ${out}${err}")
endif()
execute_process(COMMAND ${CLI} model info ${WORK}/pkg --json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"inputSize\" *: *64")
    message(FATAL_ERROR "model info did not verify the package (${rc}): ${out}${err}")
endif()
# Zero four bytes in the middle of the weights (random float weights are never all zero there).
file(SIZE ${WORK}/pkg/weights.tensors size)
math(EXPR middle "${size} / 2")
execute_process(COMMAND dd if=/dev/zero of=${WORK}/pkg/weights.tensors bs=1 count=4 seek=${middle}
                        conv=notrunc status=none RESULT_VARIABLE rc)
file(SIZE ${WORK}/pkg/weights.tensors after)
if(NOT rc EQUAL 0 OR NOT after EQUAL size)
    message(FATAL_ERROR "could not alter the weights file in place")
endif()
execute_process(COMMAND ${CLI} model info ${WORK}/pkg
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT "${out}${err}" MATCHES "weights")
    message(FATAL_ERROR "a corrupted package was accepted (${rc}): ${out}${err}")
endif()
message(STATUS "package verified, corrupted copy refused: ${err}")
