#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Metis in its three configurations and runs every test
# (benchmarks excluded: scripts/run-benchmarks.sh runs those). GUI tests run under Xvfb.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$METIS_ROOT/scripts/install-deps.sh"

echo "== Building the workstation (build/)"
metis_build "$METIS_ROOT/build"
echo "== Building the headless configuration METIS_WITH_GUI=OFF (build-headless/)"
metis_build "$METIS_ROOT/build-headless" -DMETIS_WITH_GUI=OFF
echo "== Building the compute-node configuration METIS_WITH_IMAGING=OFF (build-compute/)"
metis_build "$METIS_ROOT/build-compute" -DMETIS_WITH_IMAGING=OFF -DMETIS_WITH_GUI=OFF

metis_ensure_display
status=0
echo "== Tests: compute-node configuration (no Qt, VTK, ITK, DCMTK or SQLite)"
ctest --test-dir "$METIS_ROOT/build-compute" -LE bench --output-on-failure -j2 || status=1
echo "== Tests: headless configuration (no Qt or VTK)"
ctest --test-dir "$METIS_ROOT/build-headless" -LE bench --output-on-failure -j2 || status=1
echo "== Tests: workstation"
ctest --test-dir "$METIS_ROOT/build" -LE bench --output-on-failure -j2 || status=1
exit $status
