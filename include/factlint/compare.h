// Comparing claims: findings where documents disagree.
//
// Claims are compared only within a subject group of the claim graph
// (quantities by what is counted; officeholders by office; dates by event;
// durations by what lasts), so the cost grows with the claims that share a
// subject, never with the square of the corpus.  Each finding carries sides
// (a value and the claims behind it), a one-sentence explanation and a
// stable fingerprint.  The graph receives agree/conflict edges.
#pragma once

#include <vector>

#include "factlint/check.h"
#include "factlint/claim.h"
#include "factlint/finding.h"
#include "factlint/graph.h"
#include "factlint/knowledge.h"
#include "factlint/rules.h"

namespace factlint {

// `graph` must have been built from the same documents and claims.
// Findings come most severe first, numbered F1, F2, ...
std::vector<Finding> CompareClaims(const RuleSet& rules, const KnowledgeBase& kb, double tolerance,
                                   const std::vector<DocumentInfo>& docs, const std::vector<Claim>& claims,
                                   ClaimGraph& graph, bool show_updates = false);

}  // namespace factlint
