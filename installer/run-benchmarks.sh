#!/usr/bin/env bash
# Builds Metis and runs the benchmarks (CTest label `bench`), printing their figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$METIS_ROOT/installer/install-deps.sh"
metis_build "$METIS_ROOT/build"
metis_ensure_display
ctest --test-dir "$METIS_ROOT/build" -L bench --verbose "$@"
