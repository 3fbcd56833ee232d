#!/usr/bin/env bash
# Builds the fuzz harnesses (build-fuzz/, clang with ASan + UBSan), writes their seed corpora
# with Metis's own writers and runs each harness for SECONDS (default 60), printing its
# executions. A crash, leak, sanitizer report or memory blow-up fails the run; its input is
# kept in build-fuzz/findings/<harness>/ to become a regression test.
#   bash scripts/run-fuzz.sh [SECONDS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
seconds=${1:-60}
build=$METIS_ROOT/build-fuzz
cmake -S "$METIS_ROOT" -B "$build" -G Ninja -DMETIS_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build" -j "$(nproc)"
rm -rf "$build/seeds"
"$build/tests/fuzz/make_fuzz_seeds" "$build/seeds"
# Third-party leaks Metis cannot free are listed, with the reason, in tests/fuzz/lsan.supp.
export LSAN_OPTIONS=suppressions=$METIS_ROOT/tests/fuzz/lsan.supp

# run_harness NAME: one libFuzzer run; prints its executions and verdict, fails on a finding.
run_harness() {
    local harness=$1
    local corpus=$build/corpus/$harness findings=$build/findings/$harness
    local log=$build/fuzz_$harness.log dictionary=() verdict=clean status=0
    mkdir -p "$corpus" "$findings"
    case $harness in dicom_file | rtstruct) dictionary=(-dict="$METIS_ROOT/tests/fuzz/dicom.dict") ;; esac
    # Readers must refuse absurd sizes before allocating: 2 GB of memory is a finding.
    if ! "$build/tests/fuzz/fuzz_$harness" "$corpus" "$build/seeds/$harness" "${dictionary[@]}" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=20 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
        verdict="FINDING (see $log and $findings)"
        status=1
    fi
    local runs
    runs=$(grep -a -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    printf 'fuzz_%-14s %10s executions in %s s: %s\n' "$harness" "$runs" "$seconds" "$verdict"
    return $status
}

# One harness per core at a time (each is single-threaded).
status=0
harnesses=(${METIS_FUZZ_HARNESSES:-json clinical_csv dicom_file rtstruct volume model_package})
parallel=$(nproc)
for ((first = 0; first < ${#harnesses[@]}; first += parallel)); do
    pids=()
    for harness in "${harnesses[@]:first:parallel}"; do
        run_harness "$harness" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do
        wait "$pid" || status=1
    done
done
exit $status
