// Helpers shared by the test files: the engine built once, in-memory
// documents, the source tree and shared/ corpus locations.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "factlint/claim.h"
#include "factlint/document.h"
#include "factlint/engine.h"

namespace factlint::testing {

// The engine with the built-in rules (built on first use).
const Engine& SharedEngine();

// A document parsed from `text` as a .txt file named `name`, with `date`.
Document MakeDocument(const std::string& text, const std::string& name = "case.txt", const std::string& date = "");

// Claims of `text` (one document).
std::vector<Claim> ClaimsOf(const std::string& text, const std::string& date = "");

std::filesystem::path SourceDir();
// ../shared/corpus/seeds beside the checkout; empty when absent.
std::filesystem::path SeedsDir();

// A fresh temporary directory, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path Write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

// The bytes of a file ("" when it cannot be read).
std::string ReadFile(const std::filesystem::path& path);

// Runs the factlint binary with `args`; returns its exit status and output.
struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};
RunResult RunFactlint(const std::string& args, const std::string& stdin_text = "");

// Compares `actual` with the golden file <source>/<dir>/<name>, naming the
// first line that differs; FACTLINT_UPDATE_GOLDEN=1 rewrites it instead.
void CheckGolden(const std::string& dir, const std::string& name, const std::string& actual);

// The summary line of shared/tools/score_findings.py for a JSON report
// against `gold` (default: the seeds' gold file): "core 3/3 stretch 2/2 ...\n".
std::string ScoreAgainstGold(const std::filesystem::path& report, const std::filesystem::path& gold = {});

}  // namespace factlint::testing
