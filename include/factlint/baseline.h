// Baselines: findings a newsroom has looked at and accepted.
//
// A baseline file is JSON: {"version": 1, "accepted": [{"fingerprint",
// "subject", "reason"}]}.  Baselined findings are still reported and counted,
// but never fail the run.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "factlint/finding.h"
#include "factlint/status.h"

namespace factlint {

struct Baseline {
  std::map<std::string, std::string> reasons;  // fingerprint -> reason ("" if none)
};

StatusOr<Baseline> LoadBaseline(const std::string& path);
// The baseline accepting every given finding (reasons kept from `previous`).
std::string BaselineJson(const std::vector<Finding>& findings, const Baseline& previous);
// Marks the findings the baseline accepts.
void ApplyBaseline(const Baseline& baseline, std::vector<Finding>* findings);

}  // namespace factlint
