// Dates of one event: each is a day, month or year; they agree when their
// ranges meet ("October 2023" agrees with "7 October 2023").
#include <fmt/format.h>

#include "compare/compare_context.h"
#include "factlint/civil_date.h"

namespace factlint {

void CompareDates(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out) {
  ClaimGroup dated;
  for (const Claim* c : group) {
    if (c->get<DateFacts>() && ParseIsoDate(c->get<DateFacts>()->iso) && !ContradictsItsWeekday(*c)) dated.push_back(c);
  }
  auto agree = [](const Claim& a, const Claim& b) {
    return DatesCompatible(*ParseIsoDate(a.get<DateFacts>()->iso), *ParseIsoDate(b.get<DateFacts>()->iso));
  };
  const std::vector<ClaimGroup> sides = Cluster(dated, agree);
  if (sides.size() < 2) return;
  out->push_back(FindingOfSides("date", Severity::kError, "The documents date this event differently: ", sides,
                                [](const ClaimGroup& side) { return side.front()->get<DateFacts>()->iso; }, ctx));
}

}  // namespace factlint
