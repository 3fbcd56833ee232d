#include "TensorArchive.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace metis::models {
namespace {

constexpr char kMagic[8] = {'M', 'E', 'T', 'I', 'S', 'T', 'N', 'S'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint8_t kFloat32 = 0;
constexpr std::uint8_t kInt64 = 1;
// Bounds that no real network reaches; they turn a corrupt length field into a clear error
// instead of a huge allocation.
constexpr std::uint32_t kMaxNameBytes = 4096;
constexpr std::uint32_t kMaxRank = 8;

static_assert(sizeof(float) == 4, "the archive stores IEEE-754 binary32");

template <typename T> void put(std::ostream& out, T value) {
    out.write(reinterpret_cast<const char*>(&value), sizeof(value));
}

class Reader {
public:
    explicit Reader(const std::filesystem::path& path) : path_(path), in_(path, std::ios::binary) {
        if (!in_) {
            throw std::runtime_error(path_.string() + ": cannot open tensor archive");
        }
        in_.seekg(0, std::ios::end);
        remaining_ = static_cast<std::uint64_t>(in_.tellg());
        in_.seekg(0, std::ios::beg);
    }

    template <typename T> T get(const char* what) {
        T value{};
        bytes(&value, sizeof(value), what);
        return value;
    }

    void bytes(void* destination, std::uint64_t count, const char* what) {
        if (count > remaining_) {
            fail(std::string("truncated while reading ") + what);
        }
        in_.read(static_cast<char*>(destination), static_cast<std::streamsize>(count));
        if (!in_) {
            fail(std::string("read error in ") + what);
        }
        remaining_ -= count;
    }

    std::uint64_t remaining() const { return remaining_; }

    [[noreturn]] void fail(const std::string& problem) const {
        throw std::runtime_error(path_.string() + ": corrupt tensor archive: " + problem);
    }

private:
    std::filesystem::path path_;
    std::ifstream in_;
    std::uint64_t remaining_ = 0;
};

} // namespace

void writeTensorArchive(const std::filesystem::path& path, const NamedTensors& tensors) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        throw std::runtime_error(path.string() + ": cannot create tensor archive");
    }
    out.write(kMagic, sizeof(kMagic));
    put(out, kVersion);
    put(out, static_cast<std::uint32_t>(tensors.size()));
    for (const auto& [name, tensor] : tensors) {
        std::uint8_t dtype = 0;
        if (tensor.scalar_type() == torch::kFloat32) {
            dtype = kFloat32;
        } else if (tensor.scalar_type() == torch::kInt64) {
            dtype = kInt64;
        } else {
            throw std::invalid_argument("tensor archive: '" + name + "' has unsupported dtype " +
                                        std::string(c10::toString(tensor.scalar_type())));
        }
        const auto data = tensor.detach().to(torch::kCPU).contiguous();
        put(out, static_cast<std::uint32_t>(name.size()));
        out.write(name.data(), static_cast<std::streamsize>(name.size()));
        put(out, dtype);
        put(out, static_cast<std::uint32_t>(data.dim()));
        for (const auto dim : data.sizes()) {
            put(out, static_cast<std::int64_t>(dim));
        }
        const auto byteCount = static_cast<std::uint64_t>(data.numel() * data.element_size());
        put(out, byteCount);
        out.write(static_cast<const char*>(data.data_ptr()),
                  static_cast<std::streamsize>(byteCount));
    }
    out.flush();
    if (!out) {
        throw std::runtime_error(path.string() + ": write failed (disk full?)");
    }
}

NamedTensors readTensorArchive(const std::filesystem::path& path) {
    Reader reader(path);
    char magic[sizeof(kMagic)];
    reader.bytes(magic, sizeof(magic), "the header");
    if (std::memcmp(magic, kMagic, sizeof(kMagic)) != 0) {
        reader.fail("not a Metis tensor archive (bad magic)");
    }
    const auto version = reader.get<std::uint32_t>("the version");
    if (version != kVersion) {
        reader.fail("unsupported version " + std::to_string(version));
    }
    const auto count = reader.get<std::uint32_t>("the tensor count");

    NamedTensors tensors;
    for (std::uint32_t index = 0; index < count; ++index) {
        const auto nameBytes = reader.get<std::uint32_t>("a tensor name length");
        if (nameBytes == 0 || nameBytes > kMaxNameBytes) {
            reader.fail("tensor " + std::to_string(index) + " has an invalid name length");
        }
        std::string name(nameBytes, '\0');
        reader.bytes(name.data(), nameBytes, "a tensor name");
        const auto dtype = reader.get<std::uint8_t>("a dtype");
        if (dtype != kFloat32 && dtype != kInt64) {
            reader.fail("'" + name + "' has unknown dtype code " + std::to_string(dtype));
        }
        const auto rank = reader.get<std::uint32_t>("a rank");
        if (rank > kMaxRank) {
            reader.fail("'" + name + "' has rank " + std::to_string(rank));
        }
        std::vector<std::int64_t> shape(rank);
        std::uint64_t elements = 1;
        for (auto& dim : shape) {
            dim = reader.get<std::int64_t>("a dimension");
            if (dim < 0 || static_cast<std::uint64_t>(dim) > reader.remaining()) {
                reader.fail("'" + name + "' has an impossible dimension " + std::to_string(dim));
            }
            if (__builtin_mul_overflow(elements, static_cast<std::uint64_t>(dim), &elements) ||
                elements > reader.remaining()) {
                reader.fail("'" + name + "' has a shape larger than the file");
            }
        }
        const std::uint64_t elementBytes = dtype == kFloat32 ? 4 : 8;
        const auto byteCount = reader.get<std::uint64_t>("a data length");
        if (elements > reader.remaining() || byteCount != elements * elementBytes) {
            reader.fail("'" + name + "' declares " + std::to_string(byteCount) +
                        " data bytes for its shape");
        }
        auto tensor = torch::empty(shape, dtype == kFloat32 ? torch::kFloat32 : torch::kInt64);
        reader.bytes(tensor.data_ptr(), byteCount, ("the data of '" + name + "'").c_str());
        tensors.emplace_back(std::move(name), std::move(tensor));
    }
    if (reader.remaining() != 0) {
        reader.fail(std::to_string(reader.remaining()) + " unexpected trailing bytes");
    }
    return tensors;
}

} // namespace metis::models
