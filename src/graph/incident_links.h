// Which of the documents' own incidents are one real-world incident.
//
// Two reports speak of the same incident when they have the same type, share
// a country, and their possible times overlap: a stated event day widened by
// the type's `window`, else the days from `lookback` before the article's
// date to its date (a war's lookback has no limit).  LinkIncidents returns
// the pairs to join; the claim graph takes connected components over them.
// Cost: a sort and a sweep per (type, country), never all pairs.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "factlint/claim.h"

namespace factlint {

class RuleSet;

struct LocalIncident {
  IncidentFacts facts;
  std::string doc;
  std::string doc_date;   // ISO; "" unknown
  bool shared = true;     // false: compared only inside its own document
};

// The days an incident may have happened on, [first, last].
struct IncidentTime {
  int64_t first = 0;
  int64_t last = 0;
};

IncidentTime TimeOf(const LocalIncident& incident, const RuleSet& rules);

// The days another report of the same type may STATE for its incident and
// still be joined with `incident` by LinkIncidents directly: TimeOf widened
// by the type's window (the other report's own widening), or every day when
// the type's time never keeps reports apart (a lookback of "none").  A
// report that states no day may be joined whatever this says.  The claim
// store's pre-filter (src/pipeline) reads stored incidents through this, so
// that it never leaves out one the graph would join.
IncidentTime LinkableDays(const LocalIncident& incident, const RuleSet& rules);

// Pairs (i, j) of indexes into `incidents` that are the same incident.
std::vector<std::pair<size_t, size_t>> LinkIncidents(const std::vector<LocalIncident>& incidents, const RuleSet& rules);

}  // namespace factlint
