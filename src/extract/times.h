// Time expressions: absolute dates (Gregorian in both Arabic traditions,
// Hijri through ICU's Islamic calendar, numeric, English) and relative ones
// (today, yesterday, a weekday, last week), resolved against the document's
// date when it is known and kept unresolved, with their relation, when not.
#pragma once

#include <string>
#include <vector>

#include "extract/sentence_context.h"

namespace factlint {

struct TimeExpr {
  Span span;               // folded
  std::string iso;         // "2023-10-07", "2023-10", "XXXX-07-31", "" if unresolved
  std::string precision;   // day | week | month | year
  std::string relation;    // relative expressions: "-1 day", "weekday 2"
  const Rule* rule = nullptr;
  bool since = false;      // preceded by "منذ"/"since"
};

std::vector<TimeExpr> FindTimes(const SentenceContext& ctx, const RuleSet& rules, const std::string& doc_date);

}  // namespace factlint
