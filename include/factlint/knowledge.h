// KnowledgeBase: facts from outside the documents — who held which office,
// and when (rules/kb/offices.yaml, plus --kb files).
//
// The comparator asks it three things: did this person hold this office on
// this day; which period does an undated article describe (the intersection
// of the terms of the officeholders it names); and who held the office then
// (to name the closest holder when an article's name matches none).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "factlint/status.h"

namespace factlint {

struct Term {
  std::string person;  // person key (rules/people.yaml)
  int64_t from = 0;    // day numbers (civil_date.h), inclusive
  int64_t to = 0;      // kOpen when still in office
};

// A set of day intervals, inclusive; used for estimated periods.
using Period = std::vector<std::pair<int64_t, int64_t>>;

class KnowledgeBase {
 public:
  static constexpr int64_t kOpen = INT64_MAX / 4;

  // True when an office ("us/president") has one holder at a time.
  using IsExclusive = std::function<bool(const std::string& office)>;

  // Reads terms files (YAML "terms: {jurisdiction/office: [{person, from, to}]}").
  // A term that ends before it starts, or (with `is_exclusive`) overlaps
  // another term of an exclusive office, is an error naming file and line.
  static StatusOr<KnowledgeBase> Load(const std::vector<std::string>& files, const IsExclusive& is_exclusive = {});

  // Terms of an office ("us/secretary-of-state"); empty when unknown.
  const std::vector<Term>& Terms(const std::string& office) const;
  bool Knows(const std::string& office) const { return !Terms(office).empty(); }

  // The days on which `person` held `office`.
  Period TermsOf(const std::string& office, const std::string& person) const;
  // Holders of `office` at some day of `period`.
  std::vector<std::string> HoldersDuring(const std::string& office, const Period& period) const;

 private:
  std::map<std::string, std::vector<Term>> terms_;
};

// Period helpers.
Period Intersect(const Period& a, const Period& b);
bool Overlaps(const Period& a, const Period& b);
Period Everything();
std::string DescribePeriod(const Period& p);  // "2021-01-26..2025-01-20"

}  // namespace factlint
