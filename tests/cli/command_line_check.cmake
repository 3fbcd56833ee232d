# Run by CTest: metis-cli's command-line contract, with the commands every build has. Each case
# gives the exit code and a regular expression that stdout and stderr together must match: help
# exits 0 and names the command's options; a usage error exits 2 and names the option and the
# problem; a command that fails exits 1.
function(expect code pattern)
    execute_process(COMMAND ${CLI} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc STREQUAL code OR NOT "${out}${err}" MATCHES "${pattern}")
        string(REPLACE ";" " " command "${ARGN}")
        message(SEND_ERROR "metis-cli ${command}: expected exit ${code} and /${pattern}/, "
                           "got exit ${rc}:\n${out}${err}")
    endif()
endfunction()

file(REMOVE_RECURSE ${WORK})

# Help: every command listed, two-word ones included; each command's options with their checks.
expect(0 "usage: metis-cli .*commands:.*model info.*model create-random.*train" --help)
expect(0 "usage: metis-cli model info \\[OPTIONS\\] PACKAGE.*PACKAGE REQUIRED.*--json" model info --help)
expect(0 "usage: metis-cli model create-random.*--input-size S >= 64.*\\(default: 384\\).*--seed N >= 0"
       help model create-random)
expect(0 "usage: metis-cli train.*--prepared DIR.*--device auto\\|cpu\\|cuda.*--threads N >= 0.*every core"
       train --help)
expect(0 "Metis [0-9]" --version)

# Usage errors: exit 2, the option and the problem named.
expect(2 "metis-cli train: --threads: expects an integer >= 0, got '-1'"
       train --prepared ${WORK} --out ${WORK}/model --threads -1)
expect(2 "--context-slices: expects an integer in \\[0, 3\\], got '9'"
       train --prepared ${WORK} --out ${WORK}/model --context-slices 9)
expect(2 "--faint-lesions: expects a number in \\[0, 1\\], got '1\\.5'"
       train --prepared ${WORK} --out ${WORK}/model --faint-lesions 1.5)
expect(2 "--learning-rate: expects a number > 0, got '0'"
       train --prepared ${WORK} --out ${WORK}/model --learning-rate 0)
expect(2 "--weighting: fixd not in \\{uncertainty,fixed,segmentation-only,classification-only\\}"
       train --prepared ${WORK} --out ${WORK}/model --weighting fixd)
expect(2 "--cutoff: expects a date YYYY-MM-DD, got '1\\.5\\.2021'"
       train --prepared ${WORK} --out ${WORK}/model --cutoff 1.5.2021)
expect(2 "--out is required" train --prepared ${WORK})
expect(2 "--device: gpu not in \\{auto,cpu,cuda\\}" self-check --device gpu)
expect(2 "model info: PACKAGE is required.*usage: metis-cli model info" model info)
expect(2 "not expected: extra" model info ${WORK}/model extra)
# Integers are decimal: CLI11 alone would read 0x40 as 64.
expect(2 "--input-size: expects an integer >= 64, got '0x40'"
       model create-random --out ${WORK}/model --input-size 0x40)
expect(2 "unknown command 'no-such-command'" no-such-command)
expect(2 "commands:" model)
expect(2 "usage: metis-cli")

# A command that runs and fails: exit 1, the command and the cause named.
expect(1 "metis-cli model info: error: .*${WORK}/missing" model info ${WORK}/missing)
