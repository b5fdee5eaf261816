// Engine: rules and knowledge loaded once; extraction in parallel across
// documents; comparison over the claim graph.
#include "factlint/engine.h"

#include <algorithm>

#include <fmt/format.h>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "extract/document_extractor.h"
#include "extract/people.h"
#include "factlint/compare.h"
#include "factlint/gazetteer.h"
#include "factlint/graph.h"
#include "factlint/knowledge.h"
#include "factlint/rules.h"
#include "factlint/segment.h"

namespace factlint {

DocumentInfo InfoOf(const Document& doc) {
  return DocumentInfo{doc.id, doc.path, doc.meta.lang, doc.meta.date, false};
}

std::string BuiltinRulesDir() {
  if (const char* env = std::getenv("FACTLINT_RULES"); env && *env) return env;
  return FACTLINT_SOURCE_RULES_DIR;
}

StatusOr<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  std::unique_ptr<Engine> engine(new Engine());
  engine->options_ = options;
  std::vector<std::string> dirs = {BuiltinRulesDir()};
  dirs.insert(dirs.end(), options.rule_dirs.begin(), options.rule_dirs.end());
  auto rules = RuleSet::Load(dirs, options.kb_files);
  if (!rules.ok()) return rules.status();
  engine->rules_ = std::move(rules.value());
  // The rules loader read the knowledge files (their countries and people
  // are words); their terms make the knowledge base.
  // Terms that end before they start or overlap for an exclusive office are
  // typos in a knowledge file: the same check as `factlint kb check`.
  auto catalog = ReadOfficeCatalog(BuiltinRulesDir() + "/offices.yaml");
  if (!catalog.ok()) return catalog.status();
  for (const KbProblem& p : CheckKnowledge(engine->rules_->knowledge(), catalog.value())) {
    // Only impossible terms stop a run; the rest (unknown or redefined
    // people, who may live in rules/people.yaml or override) is `kb check`'s.
    const bool impossible = p.reason.find("before it starts") != std::string::npos ||
                            p.reason.find("overlaps the term") != std::string::npos;
    if (p.warning || !impossible) continue;
    return Status::InvalidRule(fmt::format("{}: line {}: {}", p.file, p.line, p.reason));
  }
  engine->kb_ = std::make_unique<KnowledgeBase>(KnowledgeBase::FromFiles(engine->rules_->knowledge()));
  engine->keyer_ = std::make_unique<PersonKeyer>(*engine->rules_);
  auto gazetteer = Gazetteer::Load(BuiltinRulesDir());
  if (!gazetteer.ok()) return gazetteer.status();
  engine->gazetteer_ = std::make_unique<Gazetteer>(std::move(gazetteer.value()));
  return engine;
}

Engine::~Engine() = default;

std::vector<Claim> Engine::Extract(const Document& doc, std::vector<Mention>* mentions) const {
  SentenceSplitter splitter;
  return DocumentExtractor(doc, *rules_, *keyer_, gazetteer_.get(), options_.tolerance, &splitter).Run(mentions);
}

std::vector<std::vector<Claim>> Engine::ExtractAll(const std::vector<Document>& docs,
                                                   const std::function<void(size_t)>& done) const {
  std::vector<std::vector<Claim>> out(docs.size());
  unsigned threads = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(docs.size()));
  std::atomic<size_t> next{0};
  auto work = [&] {
    SentenceSplitter splitter;  // one per thread: ICU iterators are costly to make
    for (size_t i = next++; i < docs.size(); i = next++) {
      out[i] = DocumentExtractor(docs[i], *rules_, *keyer_, gazetteer_.get(), options_.tolerance, &splitter).Run(nullptr);
      if (done) done(i);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return out;
}

std::vector<Finding> Engine::Compare(const std::vector<DocumentInfo>& docs, const std::vector<Claim>& claims) const {
  ClaimGraph graph(docs, claims, *rules_);
  std::vector<Finding> findings =
      CompareClaims(*rules_, *kb_, options_.tolerance, docs, claims, graph, options_.show_updates);
  // Precision first: what factlint is not sure enough of is not reported.
  std::erase_if(findings, [&](const Finding& f) { return f.confidence < options_.min_confidence; });
  for (size_t i = 0; i < findings.size(); ++i) findings[i].id = fmt::format("F{}", i + 1);
  return findings;
}

CheckResult Engine::Collect(const std::vector<Document>& docs, const std::function<void(size_t)>& done) const {
  CheckResult result;
  for (const Document& d : docs) result.documents.push_back(InfoOf(d));
  for (auto& claims : ExtractAll(docs, done)) {
    std::move(claims.begin(), claims.end(), std::back_inserter(result.claims));
  }
  return result;
}

CheckResult Engine::Check(const std::vector<Document>& docs, const std::function<void(size_t)>& done) const {
  CheckResult result = Collect(docs, done);
  result.findings = Compare(result.documents, result.claims);
  return result;
}

}  // namespace factlint
