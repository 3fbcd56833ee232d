#!/usr/bin/env bash
# Installs the Debian packages Metis needs and builds it (Ninja, ccache, RelWithDebInfo).
#   scripts/setup.sh                the workstation in build/
#   scripts/setup.sh --headless     every library and metis-cli command, no Qt or VTK, in
#                                   build-headless/ (METIS_WITH_GUI=OFF)
#   scripts/setup.sh --compute-node core + models + the model commands of metis-cli, in
#                                   build-compute/ (a machine with LibTorch but no Qt, VTK, ITK or
#                                   DCMTK, e.g. a GPU server; pass -DCMAKE_PREFIX_PATH=... for
#                                   another LibTorch)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
case "${1:-}" in
--compute-node)
    shift
    metis_build "$METIS_ROOT/build-compute" -DMETIS_WITH_IMAGING=OFF -DMETIS_WITH_GUI=OFF "$@"
    ;;
--headless)
    shift
    "$METIS_ROOT/scripts/install-deps.sh"
    metis_build "$METIS_ROOT/build-headless" -DMETIS_WITH_GUI=OFF "$@"
    ;;
*)
    "$METIS_ROOT/scripts/install-deps.sh"
    metis_build "$METIS_ROOT/build" "$@"
    ;;
esac
