// The rules loader on an arbitrary rules file (rules/xx/fuzz.yaml), then
// matching with what loaded.  Property: a Status, never a crash or throw.
#include <filesystem>

#include "factlint/rules.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace factlint;
  namespace fs = std::filesystem;
  static const fs::path dir = fs::temp_directory_path() / ("factlint-fuzz-rules-" + std::to_string(::getpid()));
  static const bool made = fs::create_directories(dir / "xx") || true;
  (void)made;
  {
    std::ofstream out(dir / "xx" / "fuzz.yaml", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  auto rules = RuleSet::Load({dir.string()});
  if (!rules.ok()) {
    fuzz::Require(!rules.status().message().empty(), "errors say why");
    return 0;
  }
  const std::string sample = "qa 12 killed in Gaza, about 40 injured on 7 october 2023";
  for (const RuleMatch& m : rules.value()->Match(sample, "xx")) {
    fuzz::Require(m.span.start <= m.span.end && m.span.end <= sample.size(), "matches inside the text");
  }
  return 0;
}
