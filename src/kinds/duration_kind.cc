// Durations: "two years of war", "entering its second year": how long
// something has lasted, in days.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "compare/compare_context.h"
#include "extract/document_extractor.h"
#include "kinds/json_fields.h"
#include "kinds/kinds.h"

namespace factlint {
namespace {

using nlohmann::json;
using json_fields::Bound;
using json_fields::BoundFrom;
using json_fields::Str;

// Date claims that give the start of what a duration measures
// (duration/war -> date/war-start), by the `starts_with` of the rule.
ClaimGroup StartDates(const ClaimGroup& durations, const std::map<std::string, ClaimGroup>& dates_by_subject,
                      const RuleSet& rules) {
  std::string start;
  for (const auto& r : rules.rules()) {
    if (r->family == "lasting" && r->value == durations.front()->get<DurationFacts>()->what) {
      start = r->Attribute("starts_with");
    }
  }
  auto it = dates_by_subject.find("date/" + start);
  return start.empty() || it == dates_by_subject.end() ? ClaimGroup{} : it->second;
}

class Durations : public ClaimKind {
 public:
  const char* name() const override { return "duration"; }

  void FactsToJson(const Claim& claim, json* out) const override {
    const DurationFacts& d = *claim.get<DurationFacts>();
    (*out)["low_days"] = Bound(d.days.low);
    (*out)["high_days"] = Bound(d.days.high);
    (*out)["what"] = d.what;
    (*out)["stated"] = d.stated;
  }

  StatusOr<ClaimFacts> FactsFromJson(const json& j) const override {
    DurationFacts d;
    d.days.low = BoundFrom(j.value("low_days", json()), 0);
    d.days.high = BoundFrom(j.value("high_days", json()), Interval::kInfinity);
    d.what = Str(j, "what");
    d.stated = Str(j, "stated");
    return ClaimFacts(d);
  }

  std::string Describe(const Claim& claim, const RuleSet&) const override {
    return "How long the " + claim.get<DurationFacts>()->what + " has lasted";
  }

  void Extract(DocumentExtractor* extractor, const SentenceContext& ctx, const SentenceFinds& found) const override {
    extractor->Durations(ctx, found);
  }

  // Durations are checked even alone, once every subject is compared: a
  // single one can contradict the date its incident began.
  void CompareAcross(const std::vector<Claim>& claims, const std::function<bool(const Claim&)>& is_new,
                     const CompareContext& ctx, std::vector<Finding>* out) const override {
    std::map<std::string, ClaimGroup> dates_by_subject;
    for (const Claim* c : ClaimsWith<DateFacts>(claims, [](const Claim&) { return true; })) {
      // A past incident's start ("the war of 2003") says nothing of this one's.
      if (c->incident.type.empty() || c->incident.local == "main") dates_by_subject[c->subject].push_back(c);
    }
    std::map<std::string, ClaimGroup> durations;
    for (const Claim* c : ClaimsWith<DurationFacts>(claims, [](const Claim&) { return true; })) {
      // How long a war has lasted is compared within one incident: the war in
      // Sudan is not the pager attacks of Lebanon.
      durations[c->subject + "|" + c->incident.type + "/" + c->incident.country].push_back(c);
    }
    for (const auto& [subject, group] : durations) {
      if (std::none_of(group.begin(), group.end(), [&](const Claim* c) { return is_new(*c); })) continue;
      CompareDurations(group, StartDates(group, dates_by_subject, ctx.rules), ctx, out);
    }
  }
};

}  // namespace

const ClaimKind& DurationKind() {
  static const Durations kKind;
  return kKind;
}

}  // namespace factlint
