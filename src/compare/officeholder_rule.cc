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
};

Period Union(const Period& a, const Period& b) {
  Period out = a;
  out.insert(out.end(), b.begin(), b.end());
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
    if (!o || o->time != "current") continue;
    const Office* office = ctx.rules.FindOffice(o->office);
    if (office && !office->exclusive) return;
    office_id = o->jurisdiction + "/" + o->office;
    Holder& h = holders[ctx.graph.EntityOf(o->person_key)];
    h.entity = ctx.graph.EntityOf(o->person_key);
    h.claims.push_back(c);
    const Period& p = ctx.PeriodOf(c->doc);
    h.dated = h.dated && p != Everything();
    h.period = Union(h.period, p);
  }
  if (holders.size() < 2) return;
  std::vector<const Holder*> list;
  for (const auto& [key, h] : holders) list.push_back(&h);
  bool conflict = false;
  std::vector<std::string> notes;
  for (size_t i = 0; i < list.size(); ++i) {
    for (size_t j = i + 1; j < list.size(); ++j) {
      const Holder& a = *list[i];
      const Holder& b = *list[j];
      if (a.dated && b.dated && !Overlaps(a.period, b.period)) continue;  // different periods
      conflict = true;
    }
  }
  for (const Holder* h : list) {
    const Period terms = ctx.kb.TermsOf(office_id, h->entity);
    notes.push_back(fmt::format("{} ({}{})", Name(*h, ctx.rules), ctx.Where(h->claims),
                                terms.empty() ? "" : "; in office " + DescribePeriod(terms)));
  }
  std::string names;
  for (const std::string& n : notes) names += (names.empty() ? "" : " vs ") + n;
  const Claim& first = *list.front()->claims.front();
  const std::string message =
      conflict ? fmt::format("Different people are named the current holder for overlapping times: {}.", names)
               : fmt::format("The office changed hands between the documents' dates: {}.", names);
  std::vector<std::pair<std::string, ClaimGroup>> sides;
  for (const Holder* h : list) sides.push_back({Name(*h, ctx.rules), h->claims});
  out->push_back(MakeFinding("officeholder", conflict ? Severity::kError : Severity::kInfo,
                             DescribeSubject(first, ctx.rules), first.subject, message, sides));
}

}  // namespace factlint
