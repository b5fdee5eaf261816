// Explaining a decision: why two claims were, or were not, compared.
//
// A fact-checker who expected a finding (or did not expect one) asks about
// two claims by id (as `factlint extract` and the JSON report print them).
// The answer puts their incidents and frames side by side and names the
// rule that decided: a different incident, measure, group, place, time
// scope or unit keeps figures apart; a claim with no incident abstains.
#pragma once

#include <string>
#include <vector>

#include "factlint/check.h"
#include "factlint/claim.h"
#include "factlint/status.h"

namespace factlint {

class Engine;

// Plain text, one field per line, ending with the decision and, when the
// claims were compared, whether a finding holds them on different sides.
// An unknown claim id is an error naming it.
StatusOr<std::string> ExplainPair(const Engine& engine, const std::vector<DocumentInfo>& docs,
                                  const std::vector<Claim>& claims, const std::string& id_a, const std::string& id_b);

}  // namespace factlint
