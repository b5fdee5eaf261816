// Durations: how long something has lasted, compared directly within one
// document (or one day), and across days through the start date they imply;
// also against the dated start of the same thing ("منذ أكتوبر 2023").
#include <fmt/format.h>

#include "compare/compare_context.h"
#include "factlint/civil_date.h"

namespace factlint {
namespace {

struct DayInterval {
  double low, high;
};

// The days the thing may have started on, when the document is dated.
std::optional<DayInterval> ImpliedStart(const Claim& c, const CompareContext& ctx) {
  auto day = ctx.DayOf(c.doc);
  if (!day) return std::nullopt;
  if (const auto* d = c.get<DurationFacts>()) return DayInterval{*day - d->days.high, *day - d->days.low};
  const auto range = ParseIsoDate(c.get<DateFacts>()->iso);
  if (!range || !range->year_known) return std::nullopt;
  return DayInterval{static_cast<double>(range->first), static_cast<double>(range->last)};
}

bool Agree(const Claim& a, const Claim& b, const CompareContext& ctx) {
  const auto* da = a.get<DurationFacts>();
  const auto* db = b.get<DurationFacts>();
  if (da && db && (a.doc == b.doc || (ctx.DayOf(a.doc) && ctx.DayOf(a.doc) == ctx.DayOf(b.doc)))) {
    return da->days.Overlaps(db->days);
  }
  auto sa = ImpliedStart(a, ctx), sb = ImpliedStart(b, ctx);
  if (!sa || !sb) return true;  // nothing to measure against
  return sa->low <= sb->high && sb->low <= sa->high;
}

}  // namespace

void CompareDurations(const ClaimGroup& group, const ClaimGroup& start_dates, const CompareContext& ctx,
                      std::vector<Finding>* out) {
  ClaimGroup claims = group;
  for (const Claim* d : start_dates) {
    // A start date counts against durations of its own document only.
    const bool same_doc = std::any_of(group.begin(), group.end(), [&](const Claim* c) { return c->doc == d->doc; });
    if (same_doc && ImpliedStart(*d, ctx)) claims.push_back(d);
  }
  const std::vector<ClaimGroup> sides = Cluster(claims, [&](const Claim& a, const Claim& b) { return Agree(a, b, ctx); });
  if (sides.size() < 2) return;
  auto value_of = [](const ClaimGroup& side) {
    std::string value;
    for (const Claim* c : side) {
      const std::string v = c->get<DurationFacts>() ? c->value : "since " + c->value;
      if (value.find(v) == std::string::npos) value += (value.empty() ? "" : "; ") + v;
    }
    return value;
  };
  out->push_back(FindingOfSides("duration", Severity::kWarning, "These lengths cannot all hold at once: ", sides,
                                value_of, ctx));
}

}  // namespace factlint
