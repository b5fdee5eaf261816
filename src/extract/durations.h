// Durations: "عامين" (two years), "18 months", "عامها الثاني" (its second
// year), each as an interval of days.
#pragma once

#include <string>
#include <vector>

#include "extract/sentence_context.h"
#include "factlint/claim.h"

namespace factlint {

struct DurationExpr {
  Span span;          // folded
  Interval days;
  double nominal = 0; // the stated length in days (the mention's value)
  std::string stated; // "2 years", "year 2 (entering)"
  const Rule* rule = nullptr;
};

// `tolerance` widens stated lengths ("two years" = 2 years ± tolerance).
std::vector<DurationExpr> FindDurations(const SentenceContext& ctx, const RuleSet& rules, double tolerance);

}  // namespace factlint
