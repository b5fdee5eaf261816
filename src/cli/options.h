// Options shared by the commands, and the project config that fills them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "factlint/document.h"
#include "factlint/engine.h"

namespace factlint::cli {

// Exit status contract: 0 clean, 1 a finding reached --fail-on, 2 bad input or usage.
constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitBadInput = 2;

struct CommonOptions {
  std::vector<std::string> paths;
  std::string meta;
  std::vector<std::string> rules;
  std::vector<std::string> kb;
  double tolerance = 0.10;
  uint64_t max_bytes = kDefaultMaxBytes;
  double min_confidence = 0.5;
  bool show_updates = false;
  unsigned threads = 0;
  bool quiet = false;
};

// A list option that takes one value per occurrence ("--format a --format b"),
// so that it never swallows the PATH arguments after it.
inline CLI::Option* Repeatable(CLI::Option* option) {
  return option->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

// Adds --meta, --rules, --kb, --tolerance, --max-bytes, --threads, --quiet and PATH... to `cmd`.
void AddCommonOptions(CLI::App* cmd, CommonOptions* options);

// .factlint.yaml, found upward from the working directory like .editorconfig.
// Command-line flags win over it.
struct ProjectConfig {
  std::string path;  // "" when none was found
  std::vector<std::string> rules, kb, formats, outs;
  std::optional<double> tolerance;
  std::optional<uint64_t> max_bytes;
  std::string fail_on, store, meta, baseline;
};
StatusOr<ProjectConfig> FindProjectConfig();

// Spans index documents with 32-bit offsets.
constexpr uint64_t kLargestDocument = 0xFFFFFFFFull;

// Fills options the command line left unset from the config, then checks
// the values (a NaN or negative tolerance is a usage error).
Status ApplyConfig(const ProjectConfig& config, const CLI::App& cmd, CommonOptions* options);

// Finds .factlint.yaml into *config and applies it to *options (when not
// null).  Every command calls this first; a bad config is exit status 2.
Status Configure(const CLI::App& cmd, CommonOptions* options, ProjectConfig* config);

// Prints one line per problem to stderr ("factlint: ...").
void ReportError(const Status& status);

// Builds the engine; prints the error and returns nullptr when rules or the
// knowledge base are bad.
std::unique_ptr<Engine> MakeEngine(const CommonOptions& options);

// Loads the documents of `options.paths` with --meta applied; rejected
// inputs are reported on stderr and counted in *rejected.
std::vector<Document> LoadInputs(const CommonOptions& options, size_t* rejected);

}  // namespace factlint::cli
