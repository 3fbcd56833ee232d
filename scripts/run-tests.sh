#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Metis in its three configurations and runs every test
# (benchmarks excluded: scripts/run-benchmarks.sh runs those), the headless configuration's under
# AddressSanitizer and UndefinedBehaviorSanitizer, then each fuzz harness for a minute. GUI tests
# run under Xvfb.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$METIS_ROOT/scripts/install-deps.sh"

echo "== Building the workstation (build/)"
metis_build "$METIS_ROOT/build"
echo "== Building the headless configuration METIS_WITH_GUI=OFF under the sanitizers (build-sanitize/)"
metis_build "$METIS_ROOT/build-sanitize" -DMETIS_WITH_GUI=OFF -DMETIS_SANITIZE=ON
echo "== Building the compute-node configuration METIS_WITH_IMAGING=OFF (build-compute/)"
metis_build "$METIS_ROOT/build-compute" -DMETIS_WITH_IMAGING=OFF -DMETIS_WITH_GUI=OFF

metis_ensure_display
status=0
echo "== Tests: compute-node configuration (no Qt, VTK, ITK, DCMTK or SQLite)"
ctest --test-dir "$METIS_ROOT/build-compute" -LE bench --output-on-failure -j2 || status=1
echo "== Tests: headless configuration (no Qt widgets or VTK) under ASan + UBSan"
# The same code paths as the workstation run, fewer repetitions: 10 kills per command instead of
# 100, and without the tests whose time is LibTorch's, which is not instrumented (label long).
METIS_KILL_ROUNDS=10 ctest --test-dir "$METIS_ROOT/build-sanitize" -LE 'bench|long' \
    --output-on-failure -j2 || status=1
echo "== Tests: workstation"
# SIGKILL campaigns at 30 random moments per writing path here; the 100-round campaigns of
# docs/hardening.md run with METIS_KILL_ROUNDS=100.
METIS_KILL_ROUNDS=${METIS_KILL_ROUNDS:-30} ctest --test-dir "$METIS_ROOT/build" -LE bench \
    --output-on-failure -j2 || status=1
echo "== Fuzzing: each harness of a reader of outside data for ${METIS_FUZZ_SECONDS:=60} s"
bash "$METIS_ROOT/scripts/run-fuzz.sh" "$METIS_FUZZ_SECONDS" || status=1
exit $status
