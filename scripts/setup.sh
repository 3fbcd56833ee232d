#!/usr/bin/env bash
# Installs the Debian packages Metis needs and builds it (Ninja, ccache, RelWithDebInfo).
#   scripts/setup.sh            full workstation build in build/
#   scripts/setup.sh --no-gui   core + models + metis-cli only, in build-nogui/ (a machine
#                                 with LibTorch but no Qt/VTK/ITK/DCMTK, e.g. a GPU server;
#                                 pass -DCMAKE_PREFIX_PATH=... for another LibTorch)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [[ "${1:-}" == "--no-gui" ]]; then
    shift
    metis_build "$METIS_ROOT/build-nogui" -DMETIS_WITH_WORKSTATION=OFF "$@"
else
    "$METIS_ROOT/scripts/install-deps.sh"
    metis_build "$METIS_ROOT/build" "$@"
fi
