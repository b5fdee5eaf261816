// Claim: a statement one document makes, with the evidence that shows it.
//
// A claim is built from mentions (numbers, dates, names, office titles) by
// the extractor.  It always carries its provenance: document, byte span of
// the evidence in the ORIGINAL file, line:column, the sentence it sits in and
// the id of the rule that produced it.  Claims are compared only with claims
// of the same subject key ("killed/palestinians",
// "office/us/secretary-of-state").
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "factlint/span.h"
#include "factlint/status.h"

namespace factlint {

// A closed interval of values; `high` may be +infinity ("more than 40,000").
struct Interval {
  double low = 0;
  double high = 0;
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();
  bool Overlaps(const Interval& o) const { return low <= o.high && o.low <= high; }
};

// What time a figure covers: everything since the incident began (the
// default), a window ("in the past 24 hours"), the time since a date
// ("since the ceasefire"), or one day ("on 7 October").
enum class Scope { kCumulative, kWindow, kSince, kOnDay };
const char* ScopeName(Scope scope);
Scope ScopeFromName(std::string_view name);

// The words the facts below are made of.  Each is an enum inside factlint,
// converted to and from its name only where text comes in or goes out: the
// rules' YAML (src/rules/loader.cc) and the claim JSON (ClaimToJson).

// How a figure is stated: "42", "about 40", "more than 40", "at most 40",
// "dozens", "between 40 and 50".
enum class Qualifier { kExact, kApproximate, kLowerBound, kUpperBound, kVague, kRange };

// How much of a date the text gives: "at 23:11", "7 October 2023", "next
// week", "October 2023", "2023"; unstated for a relative day not resolved.
enum class DatePrecision { kUnstated, kMinute, kDay, kWeek, kMonth, kYear };

// When a person holds the office named: now, or before or after now ("the
// former minister", "the president-elect"), from the rules of family `former`.
enum class HolderTime { kCurrent, kFormer, kActing, kDesignate, kElect, kLate };

// What a figure counts or measures: the values of the rules of family `event`
// (counts of people and things) and `measure` (a quake's magnitude, turnout).
enum class Measure {
  kKilled, kInjured, kHostages, kCaptives, kMissing, kDisplaced, kDetained, kReleased, kBodies, kSeats,
  kSurvivors, kAboard, kEarthquakeMagnitude, kEarthquakeDepth, kElectionTurnout, kPopulation, kAidAmount
};

// The state of the people a count is of (hostages still held, released…):
// the values of the rules of family `state`; unstated for most counts.
enum class CountState { kUnstated, kHeld, kHeldAlive, kReleased, kDead, kFound, kRescued, kHospitalised };

// The name of each value as the rules and the JSON write it ("lower_bound",
// "earthquake-magnitude", "held-alive"; "" for unstated).
std::string_view Name(Qualifier value);
std::string_view Name(DatePrecision value);
std::string_view Name(HolderTime value);
std::string_view Name(Measure value);
std::string_view Name(CountState value);

// The value named `name`; nothing when it names none.
template <typename Enum>
std::optional<Enum> FromName(std::string_view name);

// Every name of `Enum`, comma separated, for error messages.
template <typename Enum>
std::string AllowedNames();

// The `local` of a figure with no incident that its article sets apart from
// its own ("hundreds killed since October 2023" in a report on one day's
// blasts): it abstains, and no story lends it one.
inline constexpr char kOutsideIncident[] = "outside";

// The real-world happening a claim is about, as its document describes it:
// "the earthquake that struck Ishikawa, Japan on 1 January 2024".  The
// comparator resolves these across documents into incidents (same type,
// compatible place, compatible time) and compares only claims of one incident.
struct IncidentFacts {
  std::string type;     // earthquake, flood, war, attack, ...; "" = no incident (the claim abstains)
  std::string country;  // ISO 3166 code of where it happened; "" unknown
  std::string region;   // gazetteer id of the region-level place (province, prefecture); "" unknown
  std::string day;      // ISO date of the event when the text states it; "" unknown
  std::string local;    // the document's own id for it ("i1"); a past incident ("the 2011 quake") gets its own
  bool from_sentence = false;  // named in the claim's own sentence (else the document's main incident)
};

// "أكثر من 40 ألف فلسطينيًا": how many, of what, where, since when, says who.
struct QuantityFacts {
  Interval range;
  double stated = 0;          // the figure as written (40000)
  Qualifier qualifier = Qualifier::kExact;
  // killed, injured, hostages, ... or a measure (magnitude).  Spelled out:
  // the member function Measure() below hides the type's name in this class.
  factlint::Measure event = factlint::Measure::kKilled;
  std::string who;            // palestinians, israelis, children, people, ...; "" unknown
  std::string where;          // gaza, israel, ...; "" unknown
  std::string since;          // ISO date the count runs from ("since 7 October")
  std::string on;             // ISO date of the single event counted ("on 7 October")
  std::string source;         // who says so ("السلطات الصحية الفلسطينية")
  std::string hedge;          // "initial estimates", ...
  std::string unit;           // "" for counts; km, %, usd, ...
  // The frame: what exactly the figure counts.
  CountState state = CountState::kUnstated;  // of hostages/captives/...: held, released, dead, ...
  std::string place;          // gazetteer id when the figure is about a part of the incident's area; "" = all of it
  Scope scope = Scope::kCumulative;
  std::string window;         // for kWindow: "24h", "day", "week"
  // "hostages/released": the measure compared, state included.
  std::string Measure() const;
};

// "السابع من أكتوبر 2023" tied to the event it dates.
struct DateFacts {
  std::string iso;        // "2023-10-07", "2023-10" or "2023"; "" when unresolved
  DatePrecision precision = DatePrecision::kUnstated;
  std::string event;      // war-start, assassination/haniyeh, ...
  std::string relation;   // for relative dates: "yesterday", "last monday", ...
};

// "عامين من الحرب": how long something lasts, in days.
struct DurationFacts {
  Interval days;
  std::string what;   // war, ceasefire, ...
  std::string stated; // "2 years", "entering year 2"
};

// "وزير الخارجية الأمريكي، أنتوني بلينكين".
struct OfficeholderFacts {
  std::string office;        // secretary-of-state, president, ...
  std::string jurisdiction;  // us, il, ca, ...
  bool inferred = false;     // jurisdiction (or holder) inferred from context
  std::string person;        // the name as written (original script)
  std::string person_key;    // joins spellings and scripts: "blinken"
  HolderTime time = HolderTime::kCurrent;
};

// A person named in the text.
struct PersonFacts {
  std::string person;
  std::string person_key;
};

using ClaimFacts =
    std::variant<QuantityFacts, DateFacts, DurationFacts, OfficeholderFacts, PersonFacts>;

struct Claim {
  std::string id;        // "<doc>#<n>", stable for a given document and rules
  std::string doc;       // document id
  std::string subject;   // subject key
  std::string value;     // the value in words: "more than 40,000", "Antony Blinken"
  std::string text;      // evidence, quoted from the original
  Span span;             // byte span of `text` in the original document
  uint32_t line = 0;
  uint32_t column = 0;
  Span sentence;
  std::string sentence_text;  // the sentence, quoted from the original
  std::string rule;      // id of the rule that produced it
  std::string lang;
  std::string doc_date;  // the document's date when known (the claim's as-of date)
  bool headline = false;   // read in the document's first sentence (its headline)
  IncidentFacts incident;  // quantities and event dates; empty type for the rest
  ClaimFacts facts;

  // "quantity" | "date" | "duration" | "officeholder" | "person".
  const char* kind() const;
  template <typename T> const T* get() const { return std::get_if<T>(&facts); }
  template <typename T> T* get() { return std::get_if<T>(&facts); }
};

// The extract contract: one JSON object per claim.
nlohmann::json ClaimToJson(const Claim& claim);
StatusOr<Claim> ClaimFromJson(const nlohmann::json& json);

}  // namespace factlint
