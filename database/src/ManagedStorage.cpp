#include "metis/database/ManagedStorage.h"

#include "metis/core/Sha256.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace metis::db {
namespace fs = std::filesystem;
namespace {

// Closes a POSIX file descriptor on every path out of a scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    /// Closes now and reports close()'s error, which is where NFS and full disks may speak up.
    int close() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }

private:
    int fd_;
};

[[noreturn]] void failWithErrno(const std::string& what, const std::string& path) {
    throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

} // namespace

ManagedStorage::ManagedStorage(std::string root, bool readOnly) : root_(std::move(root)) {
    if (readOnly) {
        return;
    }
    std::error_code ec;
    fs::create_directories(fs::path(root_) / "tmp", ec);
    if (ec) {
        throw std::runtime_error("cannot create the storage folder " + root_ + ": " + ec.message());
    }
    // The owner's alone (folders made under another umask, or by an earlier version, included):
    // nobody else can list or open the stored images and contours.
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec) {
        throw std::runtime_error("cannot make the storage folder " + root_ +
                                 " private: " + ec.message());
    }
}

void ManagedStorage::flushToDisk() const {
    FileDescriptor root(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (root.get() < 0 || ::syncfs(root.get()) != 0) {
        failWithErrno("cannot flush the storage folder", root_);
    }
}

std::string ManagedStorage::absolutePath(const std::string& relativePath) const {
    return (fs::path(root_) / relativePath).string();
}

ManagedStorage::StoredFile ManagedStorage::store(const std::string& source,
                                                 const std::string& extension) {
    FileDescriptor in(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0) {
        failWithErrno("cannot read", source);
    }
    // Unique per process and call, so parallel importers never share a temporary file.
    static std::atomic<std::uint64_t> counter{0};
    const std::string temporary =
        (fs::path(root_) / "tmp" /
         ("import-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1))))
            .string();
    Sha256 hash;
    {
        FileDescriptor out(
            ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
        if (out.get() < 0) {
            failWithErrno("cannot create a file in storage for", source);
        }
        std::vector<char> buffer(1 << 16);
        for (;;) {
            const ssize_t got = ::read(in.get(), buffer.data(), buffer.size());
            if (got < 0) {
                const int error = errno;
                ::unlink(temporary.c_str());
                errno = error;
                failWithErrno("read error in", source);
            }
            if (got == 0) {
                break;
            }
            hash.update(buffer.data(), static_cast<std::size_t>(got));
            for (ssize_t written = 0; written < got;) {
                const ssize_t n = ::write(out.get(), buffer.data() + written,
                                          static_cast<std::size_t>(got - written));
                if (n < 0) {
                    const int error = errno;
                    ::unlink(temporary.c_str());
                    errno = error;
                    failWithErrno("cannot copy into storage (" + root_ + ")", source);
                }
                written += n;
            }
        }
        if (out.close() != 0) {
            const int error = errno;
            ::unlink(temporary.c_str());
            errno = error;
            failWithErrno("cannot copy into storage (" + root_ + ")", source);
        }
    }

    StoredFile stored;
    stored.sha256 = hash.hexDigest();
    const fs::path relative = fs::path(stored.sha256.substr(0, 2)) / (stored.sha256 + extension);
    stored.relativePath = relative.string();
    const fs::path target = fs::path(root_) / relative;
    std::error_code ec;
    if (fs::exists(target, ec)) {
        ::unlink(temporary.c_str());
        stored.alreadyPresent = true;
        return stored;
    }
    fs::create_directories(target.parent_path(), ec);
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        errno = error;
        failWithErrno("cannot move into storage", source);
    }
    return stored;
}

} // namespace metis::db
