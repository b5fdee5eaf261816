// Engine: the pipeline behind every command, built once per run.
//
//   load ─► fold & segment ─► match rules ─► build claims ─► claim graph ─► compare
//
// Create() loads and validates the rules and the knowledge base (built-in
// ones first, then the user's, which may override by id) and compiles every
// pattern once; the Engine is then immutable and safe to share across threads.
// The workflows around it (the claim store gate, store add, the graph) are
// in factlint/pipeline.h; the implementation lives in src/pipeline/.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "factlint/check.h"
#include "factlint/claim.h"
#include "factlint/document.h"
#include "factlint/mention.h"
#include "factlint/status.h"

namespace factlint {

class RuleSet;
class KnowledgeBase;
class PersonKeyer;
class Gazetteer;

struct EngineOptions {
  std::vector<std::string> rule_dirs;  // extra rules folders (--rules), after the built-in ones
  std::vector<std::string> kb_files;   // extra knowledge files (--kb)
  double tolerance = 0.10;             // relative tolerance of approximate figures
  double min_confidence = 0.5;         // findings less sure than this are left out (abstain)
  bool show_updates = false;           // report tolls that only rose as info timelines
  unsigned threads = 0;                // 0: one per core
};

class Engine {
 public:
  static StatusOr<std::unique_ptr<Engine>> Create(const EngineOptions& options);
  ~Engine();

  // Claims of one document, in text order.  When `mentions` is given it
  // receives the raw mentions the rules found (for `extract --mentions`).
  std::vector<Claim> Extract(const Document& doc, std::vector<Mention>* mentions = nullptr) const;

  // Claims of many documents, extracted in parallel; result[i] belongs to
  // docs[i].  `done(i)` is called (from any worker thread) as docs[i] finishes.
  std::vector<std::vector<Claim>> ExtractAll(const std::vector<Document>& docs,
                                             const std::function<void(size_t)>& done = {}) const;

  // Findings over the claims of `docs` (grouped by subject, never all pairs).
  std::vector<Finding> Compare(const std::vector<DocumentInfo>& docs,
                               const std::vector<Claim>& claims) const;

  // The documents and their claims, findings left empty: what Check compares,
  // or what a caller merges with stored claims before comparing.
  CheckResult Collect(const std::vector<Document>& docs, const std::function<void(size_t)>& done = {}) const;

  // Extract and compare: the whole of `factlint check` without a store.
  CheckResult Check(const std::vector<Document>& docs, const std::function<void(size_t)>& done = {}) const;

  const RuleSet& rules() const { return *rules_; }
  const KnowledgeBase& knowledge() const { return *kb_; }
  const EngineOptions& options() const { return options_; }

 private:
  Engine() = default;
  EngineOptions options_;
  std::unique_ptr<RuleSet> rules_;
  std::unique_ptr<KnowledgeBase> kb_;
  std::unique_ptr<PersonKeyer> keyer_;
  std::unique_ptr<Gazetteer> gazetteer_;
};

// The built-in rules folder: $FACTLINT_RULES if set, else the one this
// binary was built with.
std::string BuiltinRulesDir();

}  // namespace factlint
