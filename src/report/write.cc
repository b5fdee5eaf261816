// WriteFileAtomically: a report (or baseline) file is either the old one or
// the complete new one, never a prefix, even if the process dies mid-write.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "factlint/report.h"

namespace factlint {
namespace {

Status Failure(const std::string& path, const char* what, int error) {
  return Status::IOError(path + ": cannot " + what + ": " + std::strerror(error));
}

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

Status WriteAll(int fd, std::string_view contents, const std::string& path) {
  while (!contents.empty()) {
    const ssize_t n = ::write(fd, contents.data(), contents.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Failure(path, "write", errno);
    }
    contents.remove_prefix(static_cast<size_t>(n));
  }
  return Status::OK();
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view contents) {
  // The temporary file must be in the same directory: rename() is atomic
  // only within one file system.
  std::string temp = path + ".tmp.XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0)
    return Failure(path, ("create a temporary file in " + DirectoryOf(path)).c_str(), errno);

  // mkstemp makes the file 0600; a report is for others to read, so give it
  // the mode of the file it replaces, or the usual 0644.
  struct stat old;
  const mode_t mode = ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644;
  Status status = WriteAll(fd, contents, path);
  if (status.ok() && ::fchmod(fd, mode) != 0) status = Failure(path, "set the mode of", errno);
  // fsync before rename: otherwise a crash can leave the new name pointing at
  // an empty file on file systems that reorder metadata and data writes.
  if (status.ok() && ::fsync(fd) != 0) status = Failure(path, "flush", errno);
  if (::close(fd) != 0 && status.ok()) status = Failure(path, "close", errno);
  if (status.ok() && ::rename(temp.c_str(), path.c_str()) != 0) {
    status = Failure(path, "replace", errno);
  }
  if (!status.ok()) {
    ::unlink(temp.c_str());
    return status;
  }
  // Make the rename itself durable; a failure here loses nothing that a
  // reader could see, so it is not reported.
  const int dir = ::open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return Status::OK();
}

}  // namespace factlint
