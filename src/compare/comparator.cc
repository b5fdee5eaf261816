// The comparator: walks the claim graph's subject groups and hands each to
// the rule for its claim kind.  Cost grows with the claims of each subject,
// never with the square of the corpus.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "compare/compare_context.h"
#include "factlint/compare.h"

namespace factlint {
namespace {

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

void SortAndNumber(std::vector<Finding>* findings) {
  std::sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.subject_key != b.subject_key) return a.subject_key < b.subject_key;
    return a.fingerprint < b.fingerprint;
  });
  for (size_t i = 0; i < findings->size(); ++i) (*findings)[i].id = fmt::format("F{}", i + 1);
}

}  // namespace

std::vector<Finding> CompareClaims(const RuleSet& rules, const KnowledgeBase& kb, double tolerance,
                                   const std::vector<DocumentInfo>& docs, const std::vector<Claim>& claims,
                                   ClaimGraph& graph, bool show_updates) {
  CompareContext ctx = MakeContext(rules, kb, graph, tolerance, docs, claims);
  ctx.show_updates = show_updates;
  std::vector<Finding> findings;
  // Claims from the claim store were compared when they were new: a group
  // is looked at only when it holds a claim of a document of this run.
  std::set<std::string> stored;
  for (const DocumentInfo& d : docs) {
    if (d.from_store) stored.insert(d.id);
  }
  auto is_new = [&](const Claim* c) { return !stored.count(c->doc); };
  std::map<std::string, ClaimGroup> dates_by_subject;
  ClaimGroup officeholders, new_dates;
  for (const Claim& c : claims) {
    // A past incident's start ("the war of 2003") says nothing of this one's.
    if (c.get<DateFacts>() && (c.incident.type.empty() || c.incident.local == "main")) {
      dates_by_subject[c.subject].push_back(&c);
    }
    if (c.get<DateFacts>() && is_new(&c)) new_dates.push_back(&c);
    if (c.get<OfficeholderFacts>() && is_new(&c)) officeholders.push_back(&c);
  }
  for (const std::vector<size_t>& indexes : graph.SubjectGroups()) {
    ClaimGroup group;
    for (size_t i : indexes) group.push_back(&claims[i]);
    if (std::none_of(group.begin(), group.end(), is_new)) continue;
    const Claim& first = *group.front();
    if (first.get<QuantityFacts>()) CompareQuantities(group, graph.SubjectOf(indexes.front()), ctx, &findings);
    if (first.get<OfficeholderFacts>()) CompareOfficeholders(group, ctx, &findings);
    if (first.get<DateFacts>()) {
      const size_t before = findings.size();
      CompareDates(group, ctx, &findings);
      CompareClockTimes(group, ctx, &findings);
      for (size_t i = before; i < findings.size(); ++i) {
        const std::string& key = graph.SubjectOf(indexes.front());
        if (key.find('|') != std::string::npos) findings[i].incident = key.substr(0, key.find('|'));
      }
    }
  }
  // Durations are checked even alone: a single one can contradict a date.
  std::map<std::string, ClaimGroup> durations;
  for (const Claim& c : claims) {
    // How long a war has lasted is compared within one incident: the war in
    // Sudan is not the pager attacks of Lebanon.
    if (c.get<DurationFacts>()) durations[c.subject + "|" + c.incident.type + "/" + c.incident.country].push_back(&c);
  }
  for (const auto& [subject, group] : durations) {
    if (std::none_of(group.begin(), group.end(), is_new)) continue;
    CompareDurations(group, StartDates(group, dates_by_subject, rules), ctx, &findings);
  }
  CheckHolderNames(officeholders, ctx, &findings);
  CheckWeekdays(new_dates, ctx, &findings);
  CheckClockPairs(new_dates, ctx, &findings);
  SortAndNumber(&findings);
  for (const Finding& f : findings) graph.AddFinding(f);
  return findings;
}

}  // namespace factlint
