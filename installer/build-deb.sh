#!/usr/bin/env bash
# Builds the Debian package (build/packages/metis_<version>_amd64.deb) with CPack from the
# workstation build, installing what the build needs first. METIS_BUILD_DIR picks another
# workstation build tree. Prints the package's path on its last line.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
"$METIS_ROOT/scripts/install-deps.sh" >&2
build="${METIS_BUILD_DIR:-$METIS_ROOT/build}"
METIS_TARGETS="metis metis-cli metis_man_pages metis_debian_changelog" metis_build "$build" >&2
rm -rf "$build/packages"
started=$(date +%s)
(cd "$build" && cpack -G DEB >&2)
package=$(ls "$build"/packages/metis_*_amd64.deb)
rm -rf "$build/packages/_CPack_Packages" # the staging copy (4 GB)
echo "build-deb: $(du -h "$package" | cut -f1) in $(($(date +%s) - started)) s" >&2
echo "$package"
