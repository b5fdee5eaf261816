// Helpers shared by the libFuzzer targets (fuzz/*_fuzz.cc).
//
// A property that does not hold calls Fail(), which aborts: libFuzzer then
// saves the input as a crash.  Targets never throw; an exception escaping
// a library call is itself a bug the fuzzer reports.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "document/utf8_check.h"
#include "factlint/engine.h"

namespace factlint::fuzz {

[[noreturn]] inline void Fail(const char* property) {
  std::fprintf(stderr, "fuzz property violated: %s\n", property);
  std::abort();
}

inline void Require(bool holds, const char* property) {
  if (!holds) Fail(property);
}

// Valid UTF-8 (NUL bytes allowed: JSON may carry \u0000).
inline bool IsUtf8(std::string_view text) {
  std::string copy(text);
  for (char& c : copy) {
    if (c == '\0') c = ' ';
  }
  return !CheckUtf8Text(copy).has_value();
}

// A file of this process's own, rewritten with each input (the loaders
// under test read paths, not memory).
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& suffix) {
    path_ = "/tmp/factlint-fuzz-" + std::to_string(::getpid()) + suffix;
  }
  ~ScratchFile() { std::remove(path_.c_str()); }
  const std::string& Write(std::string_view bytes) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path_;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The built-in rules and knowledge, loaded once per fuzzing process.
inline const Engine& SharedEngine() {
  static const std::unique_ptr<Engine> engine = [] {
    auto created = Engine::Create(EngineOptions{.threads = 1});
    if (!created.ok()) {
      std::fprintf(stderr, "cannot load the built-in rules: %s\n", created.status().message().c_str());
      std::abort();
    }
    return std::move(created.value());
  }();
  return *engine;
}

}  // namespace factlint::fuzz

// Targets that use SharedEngine() define FACTLINT_FUZZ_SHARED_ENGINE before
// including this header: the engine (rules, knowledge, gazetteer: seconds
// under ASan) is then built before the first input, so its cost is not
// counted against that input's -timeout.
#ifdef FACTLINT_FUZZ_SHARED_ENGINE
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  factlint::fuzz::SharedEngine();
  return 0;
}
#endif
