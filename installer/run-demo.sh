#!/usr/bin/env bash
# The main job: set up and build Metis, then open the workstation. On a machine without a
# display, run the headless self-check instead and say so.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$METIS_ROOT/installer/install-deps.sh"
metis_build "$METIS_ROOT/build"
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    exec "$METIS_ROOT/build/app/metis" "$@"
fi
echo "No display found: running the headless self-check instead of opening the window."
exec "$METIS_ROOT/build/app/metis-cli" self-check
