// Numbers in a sentence: digits and number words joined into values, vague
// quantities as ranges, and the qualifier before them.
#pragma once

#include <string>
#include <vector>

#include "extract/sentence_context.h"
#include "factlint/claim.h"

namespace factlint {

struct NumberExpr {
  Span span;                  // folded span of the digits/words
  Span full;                  // with the qualifier ("أكثر من 40 ألف")
  double stated = 0;          // 40000; for vague ones the unit (1000 for "آلاف")
  Interval range;             // what the text allows, qualifier and tolerance applied
  std::string qualifier = "exact";  // exact | approximate | lower_bound | upper_bound | vague | range
  std::string rule;           // rule of the first token
  bool percent = false;       // followed by "%"
  std::string currency;       // unit of a sign before the figure ("$100" -> "usd"), from `currency` words
  bool share = false;         // only a fraction ("نصف السكان", "a third of"): a share, not a count
};

// Every number in the sentence, in text order.  `tolerance` widens
// approximate figures ("about 250" = 225..275 at 0.10).
std::vector<NumberExpr> FindNumbers(const SentenceContext& ctx, const RuleSet& rules, double tolerance);

// The value of a single number word or digit string ("12", "ثلاثة", "40,000").
bool ParseNumberToken(const std::string& folded, const RuleSet& rules, const std::string& lang, double* value);

// "more than 40,000", "about 12,000", "thousands (2,000-9,999)".
std::string DescribeNumber(const NumberExpr& n);
std::string FormatNumber(double v);

}  // namespace factlint
