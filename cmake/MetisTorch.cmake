# Finds the LibTorch Metis is built with: by default the one inside the pinned PyPI `torch` wheel
# that scripts/install-deps.sh puts in a virtual environment at METIS_TORCH_ROOT (CUDA-capable,
# with its own NVIDIA libraries beside it). CMAKE_PREFIX_PATH or Torch_DIR still select another
# LibTorch (pytorch.org's archive, a site's own build), since they are searched first.
#
# Sets METIS_TORCH_PYTHON: the interpreter of that environment, which the parity tests and the
# PyTorch peers of the benchmarks use, so that both sides run the same torch version.

set(METIS_TORCH_ROOT "/opt/metis/torch-2.15.0" CACHE PATH
    "Virtual environment holding the pinned torch wheel (scripts/install-deps.sh)")

file(GLOB _metis_wheel_torch_cmake "${METIS_TORCH_ROOT}/lib/python3*/site-packages/torch/share/cmake")
if(_metis_wheel_torch_cmake)
    # Appended, so that a caller's CMAKE_PREFIX_PATH wins.
    list(APPEND CMAKE_PREFIX_PATH ${_metis_wheel_torch_cmake})
endif()

# The wheel's Caffe2 configuration looks for the CUDA toolkit it was built against; nvcc is not
# on every PATH, so point it at the usual location when it is there.
if(NOT CMAKE_CUDA_COMPILER AND NOT DEFINED ENV{CUDACXX} AND EXISTS /usr/local/cuda/bin/nvcc)
    set(CMAKE_CUDA_COMPILER /usr/local/cuda/bin/nvcc CACHE FILEPATH "CUDA compiler")
endif()

# The wheel's NVIDIA libraries (site-packages/nvidia/*/lib, CUDA 13.2, NCCL, cuDNN, ...) are the
# ones its LibTorch was built against; the toolkit under /usr/local/cuda is older (13.0) and its
# NCCL lacks symbols libtorch_cuda needs. Link and run against the wheel's set only.
get_filename_component(_metis_wheel_nvidia "${_metis_wheel_torch_cmake}/../../../nvidia" ABSOLUTE)
if(_metis_wheel_torch_cmake AND EXISTS "${_metis_wheel_nvidia}/cu13/lib/libnvrtc.so.13")
    set(CUDA_NVRTC_LIB "${_metis_wheel_nvidia}/cu13/lib/libnvrtc.so.13" CACHE FILEPATH "")
endif()
if(_metis_wheel_torch_cmake)
    # TorchConfig looks for libc10 on the system paths before its own folder: another LibTorch
    # installed system-wide (Debian's libtorch-dev) must not be mixed in.
    get_filename_component(_metis_wheel_torch_lib "${_metis_wheel_torch_cmake}/../../lib" ABSOLUTE)
    set(C10_LIBRARY "${_metis_wheel_torch_lib}/libc10.so" CACHE FILEPATH "")
    set(c10_LIBRARY "${_metis_wheel_torch_lib}/libc10.so" CACHE FILEPATH "")
endif()

find_package(Torch REQUIRED)
message(STATUS "LibTorch ${Torch_VERSION} from ${Torch_DIR}")

get_filename_component(_metis_torch_nvidia "${TORCH_INSTALL_PREFIX}/../nvidia" ABSOLUTE)
if(TARGET torch::cudart AND EXISTS "${_metis_torch_nvidia}/cu13/lib/libcudart.so.13")
    set_property(TARGET torch::cudart PROPERTY INTERFACE_LINK_LIBRARIES
                 "${_metis_torch_nvidia}/cu13/lib/libcudart.so.13")
    file(GLOB _metis_nvidia_dirs LIST_DIRECTORIES true "${_metis_torch_nvidia}/*/lib")
    foreach(dir IN LISTS _metis_nvidia_dirs)
        add_link_options("LINKER:-rpath-link,${dir}")
    endforeach()
    # Found first at run time, before any toolkit or system copy of the same soname.
    list(APPEND CMAKE_BUILD_RPATH ${_metis_nvidia_dirs})
endif()

if(EXISTS "${METIS_TORCH_ROOT}/bin/python3" AND _metis_wheel_torch_cmake)
    set(METIS_TORCH_PYTHON "${METIS_TORCH_ROOT}/bin/python3")
else()
    find_program(METIS_TORCH_PYTHON NAMES python3)
endif()
