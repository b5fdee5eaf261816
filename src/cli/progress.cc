#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace factlint::cli {

Progress::Progress(const std::vector<Document>& docs, bool enabled)
    : docs_(docs), enabled_(enabled && isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()), last_(start_) {
  for (const Document& d : docs) total_bytes_ += d.bytes.size();
}

Progress::~Progress() {
  if (enabled_ && done_ > 0) std::fputs("\r\033[K", stderr);
}

void Progress::Done(size_t index) {
  const size_t done = ++done_;
  const size_t bytes = bytes_ += docs_[index].bytes.size();
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100) && done < docs_.size()) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? bytes / seconds : 0;
  const double eta = rate > 0 ? (total_bytes_ - bytes) / rate : 0;
  std::fprintf(stderr, "\r\033[Kfactlint: %zu/%zu documents, %.1f MB/s, ETA %.0fs", done, docs_.size(), rate / 1e6, eta);
}

}  // namespace factlint::cli
