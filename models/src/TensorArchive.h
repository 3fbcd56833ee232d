#pragma once
// A named-tensor file that both LibTorch and plain Python (struct + numpy, no torch.jit) read,
// so weights exported by C++ can be checked against the PyTorch reference and later wrapped in
// model packages. Layout, all integers little-endian:
//   "METISTNS"  uint32 version (1)  uint32 tensorCount
//   per tensor: uint32 nameBytes, name (UTF-8), uint8 dtype (0 float32, 1 int64),
//               uint32 rank, int64 dims[rank], uint64 dataBytes, raw contiguous data
// Internal to metis_models (torch types).

#include <filesystem>
#include <string>
#include <torch/torch.h>
#include <utility>
#include <vector>

namespace metis::models {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

/// Writes the tensors (moved to CPU, made contiguous) to `path`. Only float32 and int64 are
/// supported; anything else throws std::invalid_argument naming the tensor.
void writeTensorArchive(const std::filesystem::path& path, const NamedTensors& tensors);

/// Reads an archive written by writeTensorArchive. A missing, truncated or corrupt file throws
/// std::runtime_error naming the file and what is wrong.
NamedTensors readTensorArchive(const std::filesystem::path& path);

} // namespace metis::models
