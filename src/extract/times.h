// Time expressions: absolute dates (Gregorian in both Arabic traditions,
// Hijri through ICU's Islamic calendar, numeric, English), relative ones
// (today, yesterday, a weekday, last week, "قبل أسبوعين", the last Monday of
// March) and clock times with their zone ("23:11 بالتوقيت المحلي",
// "22:11 GMT"), resolved against the document's date when it is known and
// kept unresolved, with their relation, when not.  The sentence's tense, as
// the rules declare it (family `tense`), decides whether a day and month
// without a year, or a bare weekday, lie before the document or after it.
#pragma once

#include <string>
#include <vector>

#include "extract/sentence_context.h"

namespace factlint {

struct TimeExpr {
  Span span;               // folded
  std::string iso;         // "2023-10-07", "2025-W40", "2023-10", "XXXX-07-31", "T23:11Z"; "" if unresolved
  std::string precision;   // minute | day | week | month | year
  std::string relation;    // relative expressions: "-1 days", "weekday 2"; a stated weekday;
                           // "ambiguous, or 2016-04-05"; a clock's zone: "local", "utc"
  const Rule* rule = nullptr;
  bool since = false;      // preceded by "منذ"/"since"
};

// A day the text spells out: a digit or a month's name in it ("19 مايو",
// "الأول من يناير"), not a day named relative to the report ("on Tuesday",
// "اليوم", "أمس").
bool StatesItsDate(const SentenceContext& ctx, const RuleSet& rules, const TimeExpr& t);

std::vector<TimeExpr> FindTimes(const SentenceContext& ctx, const RuleSet& rules, const std::string& doc_date);

}  // namespace factlint
