#include "graph/incident_links.h"

#include <algorithm>
#include <limits>
#include <map>

#include "factlint/civil_date.h"
#include "factlint/rules.h"

namespace factlint {
namespace {

constexpr int64_t kNever = std::numeric_limits<int64_t>::min() / 4;
constexpr int64_t kAlways = std::numeric_limits<int64_t>::max() / 4;

// The `window` and `lookback` of an incident type, from its rule.
struct TypeTimes {
  int64_t window = 1;
  int64_t lookback = 30;  // kAlways: no limit
};

TypeTimes TimesOf(const std::string& type, const RuleSet& rules) {
  TypeTimes t;
  for (const auto& r : rules.rules()) {
    if (r->family != "incident" || r->value != type) continue;
    t.window = std::atoll(r->Attribute("window", "1").c_str());
    const std::string lookback = r->Attribute("lookback", "30");
    t.lookback = lookback == "none" ? kAlways : std::atoll(lookback.c_str());
    break;
  }
  return t;
}

std::vector<std::string> Countries(const std::string& list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    const size_t comma = std::min(list.find(',', start), list.size());
    out.push_back(list.substr(start, comma - start));  // "" stands for "unknown"
    start = comma + 1;
  }
  return out;
}

}  // namespace

IncidentTime TimeOf(const LocalIncident& incident, const RuleSet& rules) {
  const TypeTimes t = TimesOf(incident.facts.type, rules);
  const auto stated = ParseIsoDate(incident.facts.day);
  const auto published = ParseIsoDate(incident.doc_date);
  if (stated && t.lookback != kAlways) return {stated->first - t.window, stated->last + t.window};
  if (!published) return {kNever, kAlways};
  return {t.lookback == kAlways ? kNever : published->first - t.lookback, published->last + t.window};
}

IncidentTime LinkableDays(const LocalIncident& incident, const RuleSet& rules) {
  const TypeTimes t = TimesOf(incident.facts.type, rules);
  if (t.lookback == kAlways) return {kNever, kAlways};
  const IncidentTime time = TimeOf(incident, rules);
  // An unbounded end stays unbounded (kNever and kAlways leave room for it).
  return {time.first == kNever ? kNever : time.first - t.window,
          time.last == kAlways ? kAlways : time.last + t.window};
}

std::vector<std::pair<size_t, size_t>> LinkIncidents(const std::vector<LocalIncident>& incidents,
                                                     const RuleSet& rules) {
  // Buckets by type and country; an incident in two countries sits in both.
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> buckets;
  std::vector<IncidentTime> times;
  times.reserve(incidents.size());
  for (size_t i = 0; i < incidents.size(); ++i) {
    times.push_back(TimeOf(incidents[i], rules));
    if (!incidents[i].shared) continue;
    for (const std::string& country : Countries(incidents[i].facts.country)) {
      buckets[{incidents[i].facts.type, country}].push_back(i);
    }
  }
  std::vector<std::pair<size_t, size_t>> links;
  for (auto& [key, members] : buckets) {
    std::sort(members.begin(), members.end(), [&](size_t a, size_t b) { return times[a].first < times[b].first; });
    // Sweep: an incident overlaps the run so far when it starts before the
    // run's latest end; joining it to the run's reach keeps it one component.
    size_t reach = members.front();
    for (size_t k = 1; k < members.size(); ++k) {
      const size_t i = members[k];
      if (times[i].first <= times[reach].last) links.emplace_back(reach, i);
      if (times[i].first > times[reach].last || times[i].last > times[reach].last) reach = i;
    }
  }
  return links;
}

}  // namespace factlint
