// Progress on stderr for long runs: documents done, MB/s, ETA.  Shown only
// when stderr is a terminal and --quiet is not given; safe to call from the
// extraction threads.
#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <vector>

#include "factlint/document.h"

namespace factlint::cli {

class Progress {
 public:
  Progress(const std::vector<Document>& docs, bool enabled);
  ~Progress();
  void Done(size_t index);  // docs[index] is finished

 private:
  const std::vector<Document>& docs_;
  const bool enabled_;
  size_t total_bytes_ = 0;
  std::atomic<size_t> done_{0}, bytes_{0};
  std::mutex mu_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace factlint::cli
