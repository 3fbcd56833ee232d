#!/usr/bin/env bash
# Builds Metis and runs the benchmarks (CTest label `bench`), printing their figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
"$METIS_ROOT/scripts/install-deps.sh"
# The inference benchmark's peer ONNX Runtime (with the exporter it needs), pinned, into the
# torch wheel's environment: a tool around the product for this comparison only, never inside it.
# shellcheck source=packaging/torch-version.sh
source "$METIS_ROOT/packaging/torch-version.sh"
if ! "$METIS_TORCH_ROOT/bin/python3" -c "import onnxruntime, onnxscript" 2>/dev/null; then
    sudo_cmd=()
    if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
    "${sudo_cmd[@]}" "$METIS_TORCH_ROOT/bin/pip" install --quiet --no-cache-dir \
        onnxruntime==1.32.0 onnx==1.23.2 onnxscript==0.7.2
fi
metis_build "$METIS_ROOT/build"
metis_ensure_display
ctest --test-dir "$METIS_ROOT/build" -L bench --verbose "$@"
