// Quantities: intervals from qualifiers, compared within one scope (place,
// "since" or "on" date, unit); growing tolls read over time as updates.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "compare/compare_context.h"
#include "factlint/civil_date.h"

namespace factlint {
namespace {

bool SameScopeDate(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  auto ra = ParseIsoDate(a), rb = ParseIsoDate(b);
  return !ra || !rb || DatesCompatible(*ra, *rb);
}

// Two figures speak of the same thing: same unit, no two different places,
// and not a single day's toll against a running total.
bool Comparable(const QuantityFacts& a, const QuantityFacts& b) {
  if (a.unit != b.unit) return false;
  if (!a.where.empty() && !b.where.empty() && a.where != b.where) return false;
  if ((!a.since.empty() && !b.on.empty()) || (!a.on.empty() && !b.since.empty())) return false;
  return SameScopeDate(a.since, b.since) && SameScopeDate(a.on, b.on);
}

bool Disagree(const Claim& a, const Claim& b) {
  const auto& qa = *a.get<QuantityFacts>();
  const auto& qb = *b.get<QuantityFacts>();
  return Comparable(qa, qb) && !qa.range.Overlaps(qb.range);
}

std::string SideValue(const ClaimGroup& side) {
  std::set<std::string> values;
  for (const Claim* c : side) values.insert(c->value);
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : " / ") + v;
  return out;
}

enum class Verdict { kConflict, kNearMiss, kUpdate, kShrank };

// How one disagreeing pair reads, `a` before `b` when both are dated.
Verdict Judge(const Claim& a, const Claim& b, const CompareContext& ctx) {
  const auto& qa = *a.get<QuantityFacts>();
  const auto& qb = *b.get<QuantityFacts>();
  const Rule* rule = ctx.rules.Find(a.rule);
  const bool grows = rule && rule->Attribute("grows") == "true";
  auto da = ctx.DayOf(a.doc), db = ctx.DayOf(b.doc);
  if (grows && da && db && *da != *db) {
    const bool b_later = *db > *da;
    const bool b_larger = qb.range.low > qa.range.high;
    return b_later == b_larger ? Verdict::kUpdate : Verdict::kShrank;
  }
  const double lo = std::min(qa.range.high, qb.range.high), hi = std::max(qa.range.low, qb.range.low);
  return (hi - lo) <= ctx.tolerance * hi ? Verdict::kNearMiss : Verdict::kConflict;
}

void CompareSides(const ClaimGroup& a, const ClaimGroup& b, const CompareContext& ctx, std::vector<Finding>* out) {
  ClaimGroup in_a, in_b;
  std::vector<Verdict> verdicts;
  for (const Claim* x : a) {
    for (const Claim* y : b) {
      if (!Disagree(*x, *y)) continue;
      verdicts.push_back(Judge(*x, *y, ctx));
      if (std::find(in_a.begin(), in_a.end(), x) == in_a.end()) in_a.push_back(x);
      if (std::find(in_b.begin(), in_b.end(), y) == in_b.end()) in_b.push_back(y);
    }
  }
  if (verdicts.empty()) return;
  auto all = [&](Verdict v) { return std::all_of(verdicts.begin(), verdicts.end(), [&](Verdict x) { return x == v; }); };
  auto any = [&](Verdict v) { return std::count(verdicts.begin(), verdicts.end(), v) > 0; };
  Severity severity = Severity::kError;
  std::string why;
  if (all(Verdict::kUpdate)) {
    severity = Severity::kInfo;
    if (ctx.DayOf(in_a.front()->doc) > ctx.DayOf(in_b.front()->doc)) std::swap(in_a, in_b);  // earlier first
    why = "; a toll that only grows: an update, not a contradiction";
  } else if (any(Verdict::kShrank)) {
    why = "; the later figure is the smaller one, though this toll only grows";
  } else if (all(Verdict::kNearMiss)) {
    severity = Severity::kWarning;
    why = "; the figures are close, check the rounding";
  }
  for (const ClaimGroup* side : {&in_a, &in_b}) {
    for (const Claim* c : *side) {
      const auto& q = *c->get<QuantityFacts>();
      if (!q.hedge.empty()) why += fmt::format("; {} calls its figure an {}", c->doc, q.hedge == "initial-estimate" ? "initial estimate" : q.hedge);
    }
  }
  const Claim& first = *in_a.front();
  const char* verb = severity == Severity::kInfo ? "rose to" : "excludes";
  const std::string message = fmt::format("{} ({}) {} {} ({}){}.", SideValue(in_a), ctx.Where(in_a), verb,
                                          SideValue(in_b), ctx.Where(in_b), why);
  out->push_back(MakeFinding("quantity", severity, DescribeSubject(first, ctx.rules), CompareKey(first), message,
                             {{SideValue(in_a), in_a}, {SideValue(in_b), in_b}}));
}

}  // namespace

void CompareQuantities(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out) {
  const std::vector<ClaimGroup> sides =
      Cluster(group, [](const Claim& a, const Claim& b) { return !Disagree(a, b) && Comparable(*a.get<QuantityFacts>(), *b.get<QuantityFacts>()); });
  for (size_t i = 0; i < sides.size(); ++i) {
    for (size_t j = i + 1; j < sides.size(); ++j) CompareSides(sides[i], sides[j], ctx, out);
  }
}

}  // namespace factlint
