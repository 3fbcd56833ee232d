#!/usr/bin/env bash
# Installs the Debian packages Metis needs. Idempotent: quick when all are present, and
# runs `apt-get update` only when something is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mapfile -t wanted < <(grep -v '^\s*#' "$here/../packaging/debian-packages.txt" | sed '/^\s*$/d')

missing=()
for pkg in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#wanted[@]} Debian packages present"
else
    echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# A German locale: the tests check that numbers are read and written the same whatever the
# process locale (Qt sets it from the environment; de_DE writes 1,5).
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    "${sudo_cmd[@]}" localedef -i de_DE -f UTF-8 de_DE.UTF-8
fi

# The deep-learning runtime: one pinned PyPI torch wheel (its LibTorch, CUDA 13.2 build, with the
# NVIDIA libraries it was built against) in a virtual environment at a fixed prefix outside the
# checkout, so that every clone and CI reuse it. cmake/MetisTorch.cmake finds it there.
# shellcheck source=packaging/torch-version.sh
source "$here/../packaging/torch-version.sh"
if [[ ! -f "$METIS_TORCH_ROOT/.metis-torch-complete" ]]; then
    echo "install-deps: installing torch $METIS_TORCH_VERSION into $METIS_TORCH_ROOT"
    started=$(date +%s)
    "${sudo_cmd[@]}" rm -rf "$METIS_TORCH_ROOT"
    "${sudo_cmd[@]}" mkdir -p "$(dirname "$METIS_TORCH_ROOT")"
    "${sudo_cmd[@]}" python3 -m venv "$METIS_TORCH_ROOT"
    "${sudo_cmd[@]}" "$METIS_TORCH_ROOT/bin/pip" install --quiet --no-cache-dir \
        "torch==$METIS_TORCH_VERSION" "numpy<3"
    # Written last: an interrupted install is redone from scratch next time.
    "${sudo_cmd[@]}" touch "$METIS_TORCH_ROOT/.metis-torch-complete"
    echo "install-deps: torch installed in $(($(date +%s) - started)) s"
fi
