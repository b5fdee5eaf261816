// Clock times of an event ("وقع الزلزال الساعة 4:17 فجرًا بالتوقيت المحلي",
// "at 01:17 GMT").  A time in UTC is an instant; a local time is one only
// with its place's offset from UTC on that day, which ICU's time zones of the
// incident's country give.  When the country is unknown, or its zones differ
// on that day (the United States, Russia), a local time abstains.
#include <unicode/strenum.h>
#include <unicode/timezone.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "compare/compare_context.h"
#include "factlint/civil_date.h"

namespace factlint {
namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr std::string_view kStatedUtc = "; utc ";  // see extract/times.h

// "T23:11", "T22:11Z" -> minutes since midnight.
std::optional<int> MinutesOf(std::string_view iso) {
  if (iso.size() < 6 || iso[0] != 'T' || iso[3] != ':') return std::nullopt;
  return std::atoi(std::string(iso.substr(1, 2)).c_str()) * 60 + std::atoi(std::string(iso.substr(4, 2)).c_str());
}

bool IsUtc(const DateFacts& d) { return !d.iso.empty() && d.iso.back() == 'Z'; }
bool IsLocal(const DateFacts& d) { return d.relation.rfind("local", 0) == 0; }

// The UTC time the text gives beside a local one ("(22:11 ت.غ)"), if any.
std::optional<int> StatedUtc(const DateFacts& d) {
  const size_t at = d.relation.find(kStatedUtc);
  if (at == std::string::npos) return std::nullopt;
  return MinutesOf(std::string_view(d.relation).substr(at + kStatedUtc.size()));
}

// The day a claim's clock time falls on: its incident's, else its document's.
std::optional<int64_t> DayOfClaim(const Claim& c) {
  for (const std::string& iso : {c.incident.day, c.doc_date}) {
    if (const auto day = ParseIsoDate(iso); day && day->first == day->last && day->year_known) return day->first;
  }
  return std::nullopt;
}

// The local time's offset, when its country and day are known.
std::optional<int> OffsetOf(const Claim& c) {
  const auto day = DayOfClaim(c);
  if (!day || c.incident.country.empty()) return std::nullopt;
  return UtcOffsetMinutes(c.incident.country, *day);
}

// The instant of a clock-time claim in minutes of the UTC day.
std::optional<int> UtcMinutes(const Claim& c) {
  const DateFacts& d = *c.get<DateFacts>();
  const auto minutes = MinutesOf(d.iso);
  if (!minutes) return std::nullopt;
  if (IsUtc(d)) return minutes;
  if (!IsLocal(d)) return std::nullopt;  // no zone stated: no instant
  if (const auto offset = OffsetOf(c)) return ((*minutes - *offset) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay;
  return StatedUtc(d);
}

std::string Clock(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

std::string Offset(int minutes) {
  return fmt::format("UTC{}{}{}", minutes < 0 ? "-" : "+", std::abs(minutes) / 60,
                     std::abs(minutes) % 60 ? fmt::format(":{:02}", std::abs(minutes) % 60) : "");
}

}  // namespace

std::optional<int> UtcOffsetMinutes(const std::string& country, int64_t day) {
  std::string region = country;
  for (char& ch : region) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createEnumerationForRegion(region.c_str(), status));
  if (U_FAILURE(status) || !zones) return std::nullopt;
  const UDate noon = (static_cast<double>(day) * 86400.0 + 12 * 3600.0) * 1000.0;
  std::optional<int> offset;
  while (const char* id = zones->next(nullptr, status)) {
    if (U_FAILURE(status)) return std::nullopt;
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(id)));
    int32_t raw = 0, dst = 0;
    zone->getOffset(noon, false, raw, dst, status);
    if (U_FAILURE(status)) return std::nullopt;
    const int minutes = (raw + dst) / 60000;
    if (offset && *offset != minutes) return std::nullopt;  // zones that differ: which one is meant?
    offset = minutes;
  }
  return offset;
}

void CheckClockPairs(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out) {
  for (const Claim* c : group) {
    const DateFacts* d = c->get<DateFacts>();
    if (!d || !IsLocal(*d)) continue;
    const auto local = MinutesOf(d->iso);
    const auto stated = StatedUtc(*d);
    const auto offset = OffsetOf(*c);
    if (!local || !stated || !offset) continue;
    const int expected = ((*local - *offset) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay;
    if (expected == *stated) continue;
    const std::string message = fmt::format(
        "{} gives {} local time as {} UTC, but in {} on that day ({}) {} local time is {} UTC: one of the two "
        "times is wrong.",
        ctx.Where({c}), Clock(*local), Clock(*stated), ctx.rules.JurisdictionName(c->incident.country),
        Offset(*offset), Clock(*local), Clock(expected));
    out->push_back(MakeFinding("time", Severity::kWarning, DescribeSubject(*c, ctx.rules), c->subject, message,
                               {{fmt::format("{} local = {} UTC", Clock(*local), Clock(expected)), {c}},
                                {fmt::format("{} UTC (stated)", Clock(*stated)), {}}}));
  }
}

void CompareClockTimes(const ClaimGroup& group, const CompareContext& ctx, std::vector<Finding>* out) {
  ClaimGroup timed;
  std::map<std::string, std::set<int>> instants_by_doc;
  for (const Claim* c : group) {
    if (!c->get<DateFacts>()) continue;
    const auto minutes = UtcMinutes(*c);
    if (!minutes) continue;
    timed.push_back(c);
    instants_by_doc[c->doc].insert(*minutes);
  }
  // A document that gives two times for the event (a shock and its
  // aftershock) leaves unclear which one another document's time is of.
  for (const auto& [doc, instants] : instants_by_doc) {
    if (instants.size() > 1) return;
  }
  if (instants_by_doc.size() < 2) return;
  auto agree = [](const Claim& a, const Claim& b) { return UtcMinutes(a) == UtcMinutes(b); };
  const std::vector<ClaimGroup> sides = Cluster(timed, agree);
  if (sides.size() < 2) return;
  out->push_back(FindingOfSides("time", Severity::kWarning, "The documents time this event differently: ", sides,
                                [](const ClaimGroup& side) { return Clock(*UtcMinutes(*side.front())) + " UTC"; },
                                ctx));
}

}  // namespace factlint
