// Dates of one event: each is a day, month or year; they agree when their
// ranges meet ("October 2023" agrees with "7 October 2023").
#include <fmt/format.h>

#include "compare/compare_context.h"
#include "factlint/civil_date.h"

namespace factlint {

void CompareDates(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out) {
  ClaimGroup dated;
  for (const Claim* c : group) {
    if (c->get<DateFacts>() && ParseIsoDate(c->get<DateFacts>()->iso)) dated.push_back(c);
  }
  auto agree = [](const Claim& a, const Claim& b) {
    return DatesCompatible(*ParseIsoDate(a.get<DateFacts>()->iso), *ParseIsoDate(b.get<DateFacts>()->iso));
  };
  const std::vector<ClaimGroup> sides = Cluster(dated, agree);
  if (sides.size() < 2) return;
  std::vector<std::pair<std::string, ClaimGroup>> named;
  std::string message;
  for (const ClaimGroup& side : sides) {
    const std::string value = side.front()->get<DateFacts>()->iso;
    named.push_back({value, side});
    message += fmt::format("{}{} ({})", message.empty() ? "" : " vs ", value, ctx.Where(side));
  }
  const Claim& first = *sides.front().front();
  out->push_back(MakeFinding("date", Severity::kError, DescribeSubject(first, ctx.rules), first.subject,
                             "The documents date this event differently: " + message + ".", named));
}

}  // namespace factlint
