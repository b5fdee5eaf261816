// Officeholders: one exclusive office, different current holders.  With
// dates (known or estimated from the knowledge base) a change of holder
// between the documents' periods is "office changed hands" (info); holders
// named for overlapping times are a conflict.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "compare/compare_context.h"
#include "factlint/civil_date.h"

namespace factlint {
namespace {

struct Holder {
  std::string entity;
  ClaimGroup claims;
  Period period;  // union of the periods of the documents naming them
  bool dated = true;
  bool estimated = false;  // some period comes from the knowledge base, not a date
};

// Two holders named for the same time.  Terms touch on the day of the
// handover (one's `to` is the next one's `from`), so periods estimated from
// them share that day without meaning the same time: they must share more.
bool SameTime(const Holder& a, const Holder& b) {
  const Period shared = Intersect(a.period, b.period);
  if (!a.estimated && !b.estimated) return !shared.empty();
  return std::any_of(shared.begin(), shared.end(), [](const auto& range) { return range.second > range.first; });
}

// The union of two periods, merged so that it stays as short as the
// distinct stretches of time it covers.
Period Union(const Period& a, const Period& b) {
  Period all = a;
  all.insert(all.end(), b.begin(), b.end());
  std::sort(all.begin(), all.end());
  Period out;
  for (const auto& range : all) {
    if (!out.empty() && range.first <= out.back().second + 1) {
      out.back().second = std::max(out.back().second, range.second);
    } else {
      out.push_back(range);
    }
  }
  return out;
}

std::string Name(const Holder& h, const RuleSet& rules) {
  const Person* p = rules.FindPerson(h.entity);
  return p ? p->name : h.claims.front()->get<OfficeholderFacts>()->person;
}

}  // namespace

void CompareOfficeholders(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out) {
  std::map<std::string, Holder> holders;
  std::string office_id;
  for (const Claim* c : group) {
    const auto* o = c->get<OfficeholderFacts>();
    if (!o || o->time != HolderTime::kCurrent) continue;
    const Office* office = ctx.rules.FindOffice(o->office);
    if (office && !office->exclusive) return;
    office_id = o->jurisdiction + "/" + o->office;
    Holder& h = holders[ctx.graph.EntityOf(o->person_key)];
    h.entity = ctx.graph.EntityOf(o->person_key);
    h.claims.push_back(c);
    const Period& p = ctx.PeriodOf(c->doc);
    h.dated = h.dated && p != Everything();
    h.estimated = h.estimated || (!ctx.DayOf(c->doc) && p != Everything());
    h.period = Union(h.period, p);
  }
  if (holders.size() < 2) return;
  std::vector<const Holder*> list;
  for (const auto& [key, h] : holders) list.push_back(&h);
  // Changed hands: every holder named in a period of their own, and — where
  // the knowledge base knows the office — in office during it.
  const bool known_office = ctx.kb.Knows(office_id);
  bool separate = true, consistent = true;
  for (size_t i = 0; i < list.size(); ++i) {
    const Holder& a = *list[i];
    if (known_office && !Overlaps(a.period, ctx.kb.TermsOf(office_id, a.entity))) consistent = false;
    for (size_t j = i + 1; j < list.size(); ++j) {
      const Holder& b = *list[j];
      if (!a.dated || !b.dated || SameTime(a, b)) separate = false;
    }
  }
  const bool conflict = !separate || !consistent;
  std::vector<std::string> notes;
  for (const Holder* h : list) {
    const Period terms = ctx.kb.TermsOf(office_id, h->entity);
    notes.push_back(fmt::format("{} ({}{})", Name(*h, ctx.rules), ctx.Where(h->claims),
                                terms.empty() ? "" : "; in office " + DescribePeriod(terms)));
  }
  std::string names;
  for (const std::string& n : notes) names += (names.empty() ? "" : " vs ") + n;
  const Claim& first = *list.front()->claims.front();
  const bool estimated = std::any_of(group.begin(), group.end(), [&](const Claim* c) { return !ctx.DayOf(c->doc); });
  std::string message;
  if (!separate) {
    message = fmt::format("Different people are named the current holder at overlapping times: {}.", names);
  } else if (!consistent) {
    message = fmt::format("Different people are named the holder, and the knowledge base has not all of them in "
                          "office at those dates: {}.", names);
  } else {
    message = fmt::format("The office changed hands between the {}: {}.",
                          estimated ? "periods the documents describe (estimated from the officeholders they name)"
                                    : "documents' dates",
                          names);
  }
  const Severity severity =
      conflict ? Severity::kError : (known_office ? Severity::kInfo : Severity::kWarning);
  std::vector<std::pair<std::string, ClaimGroup>> sides;
  for (const Holder* h : list) sides.push_back({Name(*h, ctx.rules), h->claims});
  out->push_back(MakeFinding("officeholder", severity,
                             DescribeSubject(first, ctx.rules), first.subject, message, sides));
}

}  // namespace factlint
