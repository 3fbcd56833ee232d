#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Metis in both configurations and runs every test
# (benchmarks excluded: scripts/run-benchmarks.sh runs those). GUI tests run under Xvfb.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$METIS_ROOT/scripts/install-deps.sh"

echo "== Building the full workstation (build/)"
metis_build "$METIS_ROOT/build"
echo "== Building the headless configuration METIS_WITH_WORKSTATION=OFF (build-nogui/)"
metis_build "$METIS_ROOT/build-nogui" -DMETIS_WITH_WORKSTATION=OFF

metis_ensure_display
status=0
echo "== Tests: headless configuration"
ctest --test-dir "$METIS_ROOT/build-nogui" -LE bench --output-on-failure -j2 || status=1
echo "== Tests: full workstation"
ctest --test-dir "$METIS_ROOT/build" -LE bench --output-on-failure -j2 || status=1
exit $status
