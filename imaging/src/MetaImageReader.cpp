#include "MetaImageReader.h"

#include "metis/core/Volume.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <zlib.h>

namespace metis::imaging {
namespace {

namespace fs = std::filesystem;

// Every MetaImage writer ends its header within a few hundred bytes.
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
// zlib's best ratio is about 1032:1: a compressed file claiming more voxel bytes than this
// allows is refused before its voxel buffer is allocated.
constexpr std::uint64_t kMaxCompressionRatio = 1100;

[[noreturn]] void refuse(const fs::path& path, const std::string& problem) {
    throw std::runtime_error("cannot read " + path.string() + ": " + problem);
}

// A header value as it may appear in a message: quoted, cut short, unprintable bytes as '?'.
std::string shownValue(std::string_view value) {
    std::string shown(value.substr(0, 40));
    std::replace_if(
        shown.begin(), shown.end(), [](unsigned char c) { return std::isprint(c) == 0; }, '?');
    return "'" + shown + (value.size() > 40 ? "...'" : "'");
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> result;
    for (std::size_t start = text.find_first_not_of(" \t"); start != std::string_view::npos;) {
        const std::size_t end = std::min(text.find_first_of(" \t", start), text.size());
        result.push_back(text.substr(start, end - start));
        start = text.find_first_not_of(" \t", end);
    }
    return result;
}

template <typename Number> std::optional<Number> parsed(std::string_view word) {
    Number value{};
    const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (error != std::errc() || end != word.data() + word.size()) {
        return std::nullopt;
    }
    return value;
}

// The scalar element types of MetaIO, with its sizes (MET_LONG is four bytes there).
enum class ElementKind { Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float, Double };
struct ElementType {
    std::string_view name;
    ElementKind kind;
    unsigned bytes;
};
constexpr ElementType kElementTypes[] = {
    {"MET_CHAR", ElementKind::Int8, 1},       {"MET_UCHAR", ElementKind::UInt8, 1},
    {"MET_SHORT", ElementKind::Int16, 2},     {"MET_USHORT", ElementKind::UInt16, 2},
    {"MET_INT", ElementKind::Int32, 4},       {"MET_UINT", ElementKind::UInt32, 4},
    {"MET_LONG", ElementKind::Int32, 4},      {"MET_ULONG", ElementKind::UInt32, 4},
    {"MET_LONG_LONG", ElementKind::Int64, 8}, {"MET_ULONG_LONG", ElementKind::UInt64, 8},
    {"MET_FLOAT", ElementKind::Float, 4},     {"MET_DOUBLE", ElementKind::Double, 8},
};

// The header's "Key = Value" lines up to and including ElementDataFile, the last one: in a .mha
// the voxels follow it.
class Header {
public:
    explicit Header(const fs::path& path) : path_(path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            refuse(path, "the file cannot be opened");
        }
        std::string text(kMaxHeaderBytes, '\0');
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(in.gcount()));
        std::size_t lineNumber = 0;
        for (std::size_t start = 0; start < text.size();) {
            ++lineNumber;
            const std::size_t newline = text.find('\n', start);
            const std::size_t end = newline == std::string::npos ? text.size() : newline;
            const std::string_view line(text.data() + start, end - start);
            start = end + 1;
            if (trimmed(line).empty()) {
                continue;
            }
            const std::size_t equals = line.find('=');
            const std::string_view key = trimmed(line.substr(0, equals));
            const bool wellFormed = equals != std::string_view::npos && !key.empty() &&
                                    std::all_of(key.begin(), key.end(), [](unsigned char c) {
                                        return std::isalnum(c) != 0 || c == '_';
                                    });
            if (!wellFormed) {
                refuse(path, "header line " + std::to_string(lineNumber) + " (" + shownValue(line) +
                                 ") is not 'Key = Value'");
            }
            if (!fields_.emplace(key, trimmed(line.substr(equals + 1))).second) {
                refuse(path, "the header gives " + std::string(key) + " twice");
            }
            if (key == "ElementDataFile") {
                dataOffset_ = std::min(start, text.size());
                return;
            }
        }
        refuse(path, "the MetaImage header has no 'ElementDataFile = ...' line");
    }

    // Where the voxels of a .mha start: right after the ElementDataFile line.
    std::size_t dataOffset() const { return dataOffset_; }

    // The value of the first of `names` (synonyms) present, refusing a header giving two.
    std::optional<std::string> value(std::initializer_list<std::string_view> names) const {
        std::optional<std::string> found;
        std::string_view foundName;
        for (const std::string_view name : names) {
            const auto field = fields_.find(std::string(name));
            if (field == fields_.end()) {
                continue;
            }
            if (found) {
                refuse(path_, "the header gives both " + std::string(foundName) + " and " +
                                  std::string(name));
            }
            found = field->second;
            foundName = name;
        }
        return found;
    }

    // The `count` numbers of a per-axis field, `fallback` when absent.
    std::vector<double> numbers(std::initializer_list<std::string_view> names, std::size_t count,
                                double fallback) const {
        const std::optional<std::string> text = value(names);
        if (!text) {
            return std::vector<double>(count, fallback);
        }
        const std::vector<std::string_view> parts = words(*text);
        std::vector<double> result;
        for (const std::string_view word : parts) {
            const std::optional<double> number = parsed<double>(word);
            if (!number || !std::isfinite(*number)) {
                break;
            }
            result.push_back(*number);
        }
        if (result.size() != parts.size() || result.size() != count) {
            refuse(path_, std::string(*names.begin()) + " is " + shownValue(*text) + " (" +
                              std::to_string(count) + " finite numbers expected)");
        }
        return result;
    }

    bool flag(std::initializer_list<std::string_view> names) const {
        const std::optional<std::string> text = value(names);
        if (!text) {
            return false;
        }
        std::string lower = *text;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (lower != "true" && lower != "false" && lower != "1" && lower != "0") {
            refuse(path_, std::string(*names.begin()) + " is " + shownValue(*text) +
                              " (True or False expected)");
        }
        return lower == "true" || lower == "1";
    }

private:
    const fs::path& path_;
    std::map<std::string, std::string, std::less<>> fields_;
    std::size_t dataOffset_ = 0;
};

// What the header says about the grid and where the voxels are.
struct Layout {
    ImageGeometry geometry;
    ElementType element{};
    bool bigEndian = false;
    bool compressed = false;
    fs::path dataFile;
    std::uint64_t offset = 0;      // of the voxels (or their compressed stream) in dataFile
    std::uint64_t storedBytes = 0; // bytes from `offset` the voxels may use
    std::uint64_t voxelBytes = 0;  // uncompressed
};

Layout layoutOf(const fs::path& path) {
    const Header header(path);
    if (const auto type = header.value({"ObjectType"}); type && *type != "Image") {
        refuse(path, "ObjectType is " + shownValue(*type) + ", not Image");
    }
    if (const auto binary = header.value({"BinaryData"}); binary && !header.flag({"BinaryData"})) {
        refuse(path, "the voxels are stored as text (BinaryData = False); Metis reads binary "
                     "MetaImage files");
    }
    if (const auto channels = header.value({"ElementNumberOfChannels"});
        channels && *channels != "1") {
        refuse(path, "ElementNumberOfChannels is " + shownValue(*channels) +
                         "; Metis reads single-channel images");
    }
    const std::string ndimsText = header.value({"NDims"}).value_or("");
    if (ndimsText != "2" && ndimsText != "3" && ndimsText != "4") {
        refuse(path, "NDims is " + shownValue(ndimsText) + " (a volume has 2 to 4)");
    }
    const std::size_t ndims = static_cast<std::size_t>(ndimsText[0] - '0');

    Layout layout;
    const std::string dimText = header.value({"DimSize"}).value_or("");
    const std::vector<std::string_view> dimWords = words(dimText);
    if (dimWords.size() != ndims) {
        refuse(path, "DimSize is " + shownValue(dimText) + " (" + std::to_string(ndims) +
                         " sizes expected)");
    }
    std::uint64_t voxels = 1;
    for (std::size_t axis = 0; axis < ndims; ++axis) {
        const std::optional<std::int64_t> size = parsed<std::int64_t>(dimWords[axis]);
        if (!size || *size < 1 || *size > 65536) {
            refuse(path, "dimension " + std::to_string(axis + 1) + " is " +
                             shownValue(dimWords[axis]) + " voxels (a volume has 1 to 65536)");
        }
        if (axis == 3 && *size != 1) {
            refuse(path, "a 4-D image of " + std::to_string(*size) +
                             " time points; Metis reads 3-D volumes");
        }
        if (axis < 3) {
            layout.geometry.size[axis] = *size;
        }
        voxels *= static_cast<std::uint64_t>(*size);
        if (voxels > kMaxVolumeVoxels) {
            refuse(path,
                   "the header claims more than " + std::to_string(kMaxVolumeVoxels) + " voxels");
        }
    }
    if (ndims == 2) {
        layout.geometry.size[2] = 1;
    }

    // ITK's placement: TransformMatrix row c is the direction of index axis c (column c of the
    // direction matrix); a 2-D grid stays in its plane, a 4-D one keeps its first three axes.
    const std::vector<double> spacing = header.value({"ElementSpacing"})
                                            ? header.numbers({"ElementSpacing"}, ndims, 1.0)
                                            : header.numbers({"ElementSize"}, ndims, 1.0);
    const std::vector<double> origin = header.numbers({"Offset", "Position", "Origin"}, ndims, 0);
    std::vector<double> matrix(ndims * ndims, 0.0);
    for (std::size_t axis = 0; axis < ndims; ++axis) {
        matrix[axis * ndims + axis] = 1.0;
    }
    if (header.value({"TransformMatrix", "Rotation", "Orientation"})) {
        matrix = header.numbers({"TransformMatrix", "Rotation", "Orientation"}, ndims * ndims, 0);
    }
    for (std::size_t row = 0; row < std::min<std::size_t>(ndims, 3); ++row) {
        layout.geometry.spacing[row] = spacing[row];
        layout.geometry.origin[row] = origin[row];
        for (std::size_t column = 0; column < std::min<std::size_t>(ndims, 3); ++column) {
            layout.geometry.direction[row][column] = matrix[column * ndims + row];
        }
    }
    try {
        layout.geometry.validate();
    } catch (const std::invalid_argument& e) {
        refuse(path, e.what());
    }

    const std::string typeName = header.value({"ElementType"}).value_or("");
    const auto type = std::find_if(std::begin(kElementTypes), std::end(kElementTypes),
                                   [&](const ElementType& t) { return t.name == typeName; });
    if (type == std::end(kElementTypes)) {
        refuse(path, "ElementType is " + shownValue(typeName) +
                         ", not a scalar MetaImage type (MET_UCHAR, MET_SHORT, MET_FLOAT, ...)");
    }
    layout.element = *type;
    layout.voxelBytes = voxels * type->bytes;
    layout.bigEndian = header.flag({"BinaryDataByteOrderMSB", "ElementByteOrderMSB"});
    layout.compressed = header.flag({"CompressedData"});

    // Only the voxels in this file (LOCAL) or a plain file beside it are read: MetaIO's LIST
    // and printf-style patterns open files elsewhere.
    const std::string dataName = header.value({"ElementDataFile"}).value_or("");
    const bool local = dataName == "LOCAL";
    const bool plainName = !dataName.empty() && dataName != "LIST" &&
                           dataName.find_first_not_of('.') != std::string::npos &&
                           std::all_of(dataName.begin(), dataName.end(), [](unsigned char c) {
                               return std::isalnum(c) != 0 || c == '.' || c == '_' || c == '-';
                           });
    if (!local && !plainName) {
        refuse(path, "ElementDataFile must be LOCAL or a file name beside the header, not " +
                         shownValue(dataName));
    }
    layout.dataFile = local ? path : path.parent_path() / dataName;
    std::error_code error;
    const std::uint64_t fileBytes = fs::file_size(layout.dataFile, error);
    if (error || !fs::is_regular_file(layout.dataFile, error)) {
        refuse(path, "its data file " + layout.dataFile.string() + " is missing");
    }
    layout.offset = local ? header.dataOffset() : 0;
    if (const auto skip = header.value({"HeaderSize"})) {
        const std::optional<std::int64_t> bytes = parsed<std::int64_t>(*skip);
        if (!bytes || *bytes < -1 || (*bytes == -1 && layout.compressed)) {
            refuse(path, "HeaderSize is " + shownValue(*skip) +
                             " (a byte count, or -1 for uncompressed voxels at the file's end)");
        }
        if (*bytes == -1) {
            layout.offset = fileBytes - std::min(fileBytes, layout.voxelBytes);
        } else if (*bytes > 0) {
            layout.offset = static_cast<std::uint64_t>(*bytes);
        }
    }
    layout.storedBytes = fileBytes - std::min(fileBytes, layout.offset);
    if (layout.compressed) {
        if (const auto claimed = header.value({"CompressedDataSize"})) {
            const std::optional<std::uint64_t> bytes = parsed<std::uint64_t>(*claimed);
            if (!bytes || *bytes > layout.storedBytes) {
                refuse(path, "CompressedDataSize is " + shownValue(*claimed) + ", more than the " +
                                 std::to_string(layout.storedBytes) + " bytes of " +
                                 layout.dataFile.filename().string());
            }
            layout.storedBytes = *bytes;
        }
    }
    const std::uint64_t holdable =
        layout.compressed ? kMaxCompressionRatio * (layout.storedBytes + 1024) : layout.storedBytes;
    if (layout.voxelBytes > holdable) {
        refuse(path, "the header claims " + std::to_string(layout.voxelBytes) +
                         " bytes of voxels, more than a file of " + std::to_string(fileBytes) +
                         " bytes can hold (" + layout.dataFile.filename().string() + ")");
    }
    return layout;
}

// The voxel bytes, raw or inflated, handed out in the order stored.
class VoxelBytes {
public:
    VoxelBytes(const fs::path& header, const Layout& layout)
        : header_(header), layout_(layout), in_(layout.dataFile, std::ios::binary),
          remaining_(layout.storedBytes) {
        in_.seekg(static_cast<std::streamoff>(layout.offset));
        if (layout.compressed && inflateInit2(&stream_, 15 + 32) != Z_OK) { // zlib or gzip
            refuse(header, "zlib failed to start");
        }
    }
    ~VoxelBytes() {
        if (layout_.compressed) {
            inflateEnd(&stream_);
        }
    }
    VoxelBytes(const VoxelBytes&) = delete;
    VoxelBytes& operator=(const VoxelBytes&) = delete;

    // Fills `out` with the next `count` bytes or refuses.
    void read(unsigned char* out, std::size_t count) {
        if (!layout_.compressed) {
            in_.read(reinterpret_cast<char*>(out), static_cast<std::streamsize>(count));
            if (static_cast<std::size_t>(in_.gcount()) != count) {
                refuse(header_,
                       "the voxel data of " + layout_.dataFile.filename().string() + " ends early");
            }
            return;
        }
        stream_.next_out = out;
        stream_.avail_out = static_cast<uInt>(count);
        while (stream_.avail_out > 0) {
            if (stream_.avail_in == 0) {
                const auto wanted = static_cast<std::streamsize>(
                    std::min<std::uint64_t>(input_.size(), remaining_));
                in_.read(reinterpret_cast<char*>(input_.data()), wanted);
                const auto got = static_cast<std::size_t>(in_.gcount());
                remaining_ -= got;
                if (got == 0) {
                    damaged("the stream ends early");
                }
                stream_.next_in = input_.data();
                stream_.avail_in = static_cast<uInt>(got);
            }
            const int status = inflate(&stream_, Z_NO_FLUSH);
            if (status == Z_STREAM_END && stream_.avail_out > 0) {
                damaged("it holds fewer bytes than the header's grid needs");
            }
            if (status != Z_OK && status != Z_STREAM_END) {
                damaged(stream_.msg ? stream_.msg : "zlib error " + std::to_string(status));
            }
        }
    }

private:
    [[noreturn]] void damaged(const std::string& problem) {
        refuse(header_, "the compressed voxel data of " + layout_.dataFile.filename().string() +
                            " is damaged (" + problem + ")");
    }

    const fs::path& header_;
    const Layout& layout_;
    std::ifstream in_;
    std::uint64_t remaining_;
    z_stream stream_{};
    std::vector<unsigned char> input_ = std::vector<unsigned char>(1 << 16);
};

bool hostIsLittleEndian() {
    const std::uint16_t one = 1;
    unsigned char first = 0;
    std::memcpy(&first, &one, 1);
    return first == 1;
}

template <typename Stored, typename Pixel>
void convert(const unsigned char* bytes, std::size_t count, bool swap, Pixel* out,
             const fs::path& path) {
    unsigned char element[sizeof(Stored)];
    for (std::size_t n = 0; n < count; ++n) {
        const unsigned char* source = bytes + n * sizeof(Stored);
        if (swap) {
            std::reverse_copy(source, source + sizeof(Stored), element);
        } else {
            std::memcpy(element, source, sizeof(Stored));
        }
        Stored value;
        std::memcpy(&value, element, sizeof(Stored));
        if constexpr (std::is_same_v<Stored, double> && std::is_same_v<Pixel, float>) {
            if (std::isfinite(value) && std::abs(value) > std::numeric_limits<float>::max()) {
                refuse(path,
                       "a voxel holds " + std::to_string(value) + ", beyond single precision");
            }
        }
        out[n] = static_cast<Pixel>(value);
    }
}

template <typename Pixel>
void convert(const ElementType& type, const unsigned char* bytes, std::size_t count, bool swap,
             Pixel* out, const fs::path& path) {
    switch (type.kind) {
    case ElementKind::Int8:
        return convert<std::int8_t>(bytes, count, swap, out, path);
    case ElementKind::UInt8:
        return convert<std::uint8_t>(bytes, count, swap, out, path);
    case ElementKind::Int16:
        return convert<std::int16_t>(bytes, count, swap, out, path);
    case ElementKind::UInt16:
        return convert<std::uint16_t>(bytes, count, swap, out, path);
    case ElementKind::Int32:
        return convert<std::int32_t>(bytes, count, swap, out, path);
    case ElementKind::UInt32:
        return convert<std::uint32_t>(bytes, count, swap, out, path);
    case ElementKind::Int64:
        return convert<std::int64_t>(bytes, count, swap, out, path);
    case ElementKind::UInt64:
        return convert<std::uint64_t>(bytes, count, swap, out, path);
    case ElementKind::Float:
        return convert<float>(bytes, count, swap, out, path);
    case ElementKind::Double:
        return convert<double>(bytes, count, swap, out, path);
    }
}

} // namespace

template <typename Pixel> VolumeContents<Pixel> readMetaImage(const fs::path& path) {
    std::error_code error;
    if (!fs::is_regular_file(path, error)) {
        refuse(path, "no such file");
    }
    const Layout layout = layoutOf(path);
    VolumeContents<Pixel> contents{layout.geometry, {}};
    contents.voxels.resize(layout.geometry.voxelCount());
    VoxelBytes source(path, layout);
    const bool swap = layout.bigEndian == hostIsLittleEndian() && layout.element.bytes > 1;
    constexpr std::size_t kChunkVoxels = std::size_t{1} << 16;
    std::vector<unsigned char> chunk(kChunkVoxels * layout.element.bytes);
    for (std::size_t done = 0; done < contents.voxels.size(); done += kChunkVoxels) {
        const std::size_t count = std::min(kChunkVoxels, contents.voxels.size() - done);
        source.read(chunk.data(), count * layout.element.bytes);
        convert(layout.element, chunk.data(), count, swap, contents.voxels.data() + done, path);
    }
    return contents;
}

template VolumeContents<float> readMetaImage<float>(const fs::path&);
template VolumeContents<double> readMetaImage<double>(const fs::path&);

} // namespace metis::imaging
