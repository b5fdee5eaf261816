// The comparator: walks the claim graph's subject groups and hands each to
// its claim kind (include/factlint/claim_kind.h), then lets every kind check
// what looks past one subject.  Cost grows with the claims of each subject,
// never with the square of the corpus.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "compare/compare_context.h"
#include "factlint/claim_kind.h"
#include "factlint/compare.h"

namespace factlint {
namespace {

void SortAndNumber(std::vector<Finding>* findings) {
  std::sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.subject_key != b.subject_key) return a.subject_key < b.subject_key;
    return a.fingerprint < b.fingerprint;
  });
  for (size_t i = 0; i < findings->size(); ++i) (*findings)[i].id = fmt::format("F{}", i + 1);
}

}  // namespace

std::vector<Finding> CompareClaims(const RuleSet& rules, const KnowledgeBase& kb, double tolerance,
                                   const std::vector<DocumentInfo>& docs, const std::vector<Claim>& claims,
                                   ClaimGraph& graph, bool show_updates) {
  CompareContext ctx = MakeContext(rules, kb, graph, tolerance, docs, claims);
  ctx.show_updates = show_updates;
  std::vector<Finding> findings;
  // Claims from the claim store were compared when they were new: a group
  // is looked at only when it holds a claim of a document of this run.
  std::set<std::string> stored;
  for (const DocumentInfo& d : docs) {
    if (d.from_store) stored.insert(d.id);
  }
  auto is_new = [&](const Claim& c) { return !stored.count(c.doc); };
  for (const std::vector<size_t>& indexes : graph.SubjectGroups()) {
    ClaimGroup group;
    for (size_t i : indexes) group.push_back(&claims[i]);
    if (std::none_of(group.begin(), group.end(), [&](const Claim* c) { return is_new(*c); })) continue;
    KindOf(*group.front()).CompareSubject(group, graph.SubjectOf(indexes.front()), ctx, &findings);
  }
  for (const ClaimKind* kind : AllClaimKinds()) kind->CompareAcross(claims, is_new, ctx, &findings);
  SortAndNumber(&findings);
  for (const Finding& f : findings) graph.AddFinding(f);
  return findings;
}

}  // namespace factlint
