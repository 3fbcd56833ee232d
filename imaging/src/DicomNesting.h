#pragma once
// Internal to metis_imaging: a guard run before DCMTK parses a file from outside. DCMTK reads
// nested sequences recursively, so a file of ten thousand nested sequences (a few hundred kB)
// overflows the stack and kills the process; real images and structure sets nest a handful.

#include <filesystem>
#include <optional>
#include <string>

namespace metis::imaging::detail {

/// More nesting than any real object has (RTSTRUCTs nest about five sequences deep).
inline constexpr int kMaxSequenceNesting = 64;

/// Walks the file's element headers, skipping values (pixel data included), and returns why it
/// must not be parsed when its sequences nest deeper than `maxNesting`; nothing when they do not
/// or when the walk cannot tell (truncated, deflated or malformed files are left to DCMTK, which
/// reports them without recursing into them).
std::optional<std::string> excessiveNesting(const std::filesystem::path& file,
                                            int maxNesting = kMaxSequenceNesting);

} // namespace metis::imaging::detail
