// A date stated with its weekday ("الخميس 15 أغسطس 2024", "Friday, 22 March
// 2024") whose weekday is not that day's: the document contradicts itself,
// whatever other documents say.
#include <cstdlib>

#include <fmt/format.h>

#include "compare/compare_context.h"
#include "factlint/civil_date.h"

namespace factlint {
namespace {

constexpr const char* kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

// The weekday the text states beside a date: "weekday 5" in the relation
// (see extract/times.h), or -1.
int StatedWeekday(const std::string& relation) {
  const size_t at = relation.find("weekday ");
  if (at == std::string::npos || (at > 0 && relation[at - 1] != ' ')) return -1;
  const int day = std::atoi(relation.c_str() + at + 8);
  return day >= 0 && day <= 6 ? day : -1;
}

// The weekday a date really fell on when the text states another one, or -1.
int WrongWeekday(const DateFacts& d) {
  if (d.precision != DatePrecision::kDay) return -1;
  const int stated = StatedWeekday(d.relation);
  const auto day = ParseIsoDate(d.iso);
  if (stated < 0 || !day || !day->year_known || day->first != day->last) return -1;
  const int actual = WeekdayOf(day->first);
  return actual == stated ? -1 : actual;
}

}  // namespace

bool ContradictsItsWeekday(const Claim& claim) {
  const auto* d = claim.get<DateFacts>();
  return d && WrongWeekday(*d) >= 0;
}

void CheckWeekdays(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out) {
  for (const Claim* c : group) {
    const auto* d = c->get<DateFacts>();
    if (!d) continue;
    const int actual = WrongWeekday(*d);
    if (actual < 0) continue;
    const int stated = StatedWeekday(d->relation);
    const std::string subject = DescribeSubject(*c, ctx.rules);
    const std::string message =
        fmt::format("{} says {} was a {}, but {} was a {}: the weekday or the date is wrong.", ctx.Where({c}), d->iso,
                    kWeekdays[stated], d->iso, kWeekdays[actual]);
    out->push_back(MakeFinding("weekday", Severity::kWarning, subject, c->subject, message,
                               {{fmt::format("{} {}", kWeekdays[stated], d->iso), {c}},
                                {fmt::format("{} (calendar)", kWeekdays[actual]), {}}}));
  }
}

}  // namespace factlint
