// Mention: what a rule found in a sentence before it became part of a claim:
// a number, a time expression, a person name, an office title, a word of a
// lexicon ("killed", "Palestinians", "about").
#pragma once

#include <string>

#include "factlint/claim.h"
#include "factlint/span.h"

namespace factlint {

struct Mention {
  std::string kind;      // number | time | name | office | word
  std::string family;    // the rule family: number, qualifier, event, who, month, ...
  std::string rule;      // rule id
  std::string value;     // canonical value: "40000", "2023-10-07", "blinken", "killed"
  Interval range;        // numbers: [low, high] (vague ones differ)
  Span folded;           // span in the sentence's folded text
  Span span;             // span in the original document
  std::string text;      // quoted from the original
  // Times: "day", "week", "month", "year" or "minute", and the relation
  // (a stated weekday "weekday 5", "ambiguous, or 2016-05-04", a clock's
  // zone "local"/"utc", "-1 days").
  std::string precision;
  std::string relation;
};

}  // namespace factlint
