// Time expressions: absolute dates (Gregorian in both Arabic traditions,
// Hijri through ICU's Islamic calendar, numeric, English), relative ones
// (today, yesterday, a weekday, last week, "قبل أسبوعين", the last Monday of
// March) and clock times with their zone ("23:11 بالتوقيت المحلي",
// "22:11 GMT"), resolved against the document's date when it is known and
// kept unresolved, with their relation, when not.  The sentence's tense, as
// the rules declare it (family `tense`), decides whether a day and month
// without a year, or a bare weekday, lie before the document or after it.
#pragma once

#include <cstdint>
#include <optional>
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
  bool full_date = false;  // a day the text dates in full (day and month): the story's date from here on
};

// A day the text spells out: a digit or a month's name in it ("19 مايو",
// "الأول من يناير"), or a clock time ("الساعة 4:17 فجرًا"), not a day named
// relative to the report ("on Tuesday", "اليوم", "أمس").
bool StatesItsDate(const SentenceContext& ctx, const TimeExpr& t);

// The times of one sentence.  `story_day` is the last day the document has
// dated in full so far (days since 1970-01-01): rules with `from: story`
// ("في اليوم التالي", "the next day") count from it, not from the document's
// date; FindTimes moves it on to every day dated in full it reads.
std::vector<TimeExpr> FindTimes(const SentenceContext& ctx, const RuleSet& rules, const std::string& doc_date,
                                std::optional<int64_t>* story_day);

}  // namespace factlint
