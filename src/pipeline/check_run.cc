// RunCheck and BuildClaimGraph: the order of the stages of `factlint check`
// and `factlint graph` (see factlint/pipeline.h).
#include <algorithm>
#include <set>

#include "factlint/compare.h"
#include "factlint/pipeline.h"

namespace factlint {
namespace {

bool InvolvesClaimOf(const Finding& f, const std::set<std::string>& claim_ids) {
  for (const Side& s : f.sides) {
    for (const std::string& id : s.claims) {
      if (claim_ids.count(id)) return true;
    }
  }
  return false;
}

}  // namespace

StatusOr<CheckResult> RunCheck(const Engine& engine, const std::vector<Document>& docs,
                               const CheckRequest& request, const DocumentDone& done) {
  CheckResult result = engine.Collect(docs, done);
  std::set<std::string> new_claims;
  if (!request.store.empty()) {
    for (const Claim& c : result.claims) new_claims.insert(c.id);
    // Checking never creates a store: a typo in --store must not pass the
    // gate against an empty one.
    auto store = ClaimStore::Open(request.store, StoreMode::kReadOnly);
    if (!store.ok()) return store.status();
    if (Status s = MergeStoredClaims(engine, *store.value(), request.store_limit, &result); !s.ok()) return s;
  }
  // One comparison, over the new claims and the stored ones they may meet.
  result.findings = engine.Compare(result.documents, result.claims);
  if (!request.store.empty()) {
    // The stored articles were checked when they were published: what they
    // say among themselves is not this check's news.
    std::erase_if(result.findings, [&](const Finding& f) { return !InvolvesClaimOf(f, new_claims); });
  }
  ApplyBaseline(request.baseline, &result.findings);
  return result;
}

std::unique_ptr<ClaimGraph> BuildClaimGraph(const Engine& engine, const std::vector<Document>& docs) {
  const CheckResult collected = engine.Collect(docs);
  auto graph = std::make_unique<ClaimGraph>(collected.documents, collected.claims, engine.rules());
  // Comparing draws the findings on the graph.
  CompareClaims(engine.rules(), engine.knowledge(), engine.options().tolerance, collected.documents,
                collected.claims, *graph);
  return graph;
}

}  // namespace factlint
