# The one torch wheel Metis is built and tested with, and where install-deps.sh puts it.
# Sourced, not run. cmake/MetisTorch.cmake's METIS_TORCH_ROOT default must name the same folder.
METIS_TORCH_VERSION=2.15.0
METIS_TORCH_ROOT="${METIS_TORCH_ROOT:-/opt/metis/torch-$METIS_TORCH_VERSION}"
