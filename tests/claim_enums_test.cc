// The claim enums at their edges: every value's name, and the claim JSON
// carrying each value out and back in.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "factlint/claim.h"

using factlint::Claim;
using factlint::ClaimFromJson;
using factlint::ClaimToJson;
using factlint::FromName;
using factlint::Name;

namespace {

// Every value of `Enum`, in declaration order, with the name the JSON and
// the rules give it.
template <typename Enum>
struct Named {
  Enum value;
  const char* name;
};

const Named<factlint::Qualifier> kQualifiers[] = {
    {factlint::Qualifier::kExact, "exact"},           {factlint::Qualifier::kApproximate, "approximate"},
    {factlint::Qualifier::kLowerBound, "lower_bound"}, {factlint::Qualifier::kUpperBound, "upper_bound"},
    {factlint::Qualifier::kVague, "vague"},           {factlint::Qualifier::kRange, "range"}};
const Named<factlint::Measure> kMeasures[] = {
    {factlint::Measure::kKilled, "killed"},
    {factlint::Measure::kInjured, "injured"},
    {factlint::Measure::kHostages, "hostages"},
    {factlint::Measure::kCaptives, "captives"},
    {factlint::Measure::kMissing, "missing"},
    {factlint::Measure::kDisplaced, "displaced"},
    {factlint::Measure::kDetained, "detained"},
    {factlint::Measure::kReleased, "released"},
    {factlint::Measure::kBodies, "bodies"},
    {factlint::Measure::kSeats, "seats"},
    {factlint::Measure::kSurvivors, "survivors"},
    {factlint::Measure::kAboard, "aboard"},
    {factlint::Measure::kEarthquakeMagnitude, "earthquake-magnitude"},
    {factlint::Measure::kEarthquakeDepth, "earthquake-depth"},
    {factlint::Measure::kElectionTurnout, "election-turnout"},
    {factlint::Measure::kPopulation, "population"},
    {factlint::Measure::kAidAmount, "aid-amount"}};
const Named<factlint::CountState> kStates[] = {
    {factlint::CountState::kUnstated, ""},          {factlint::CountState::kHeld, "held"},
    {factlint::CountState::kHeldAlive, "held-alive"}, {factlint::CountState::kReleased, "released"},
    {factlint::CountState::kDead, "dead"},          {factlint::CountState::kFound, "found"},
    {factlint::CountState::kRescued, "rescued"},    {factlint::CountState::kHospitalised, "hospitalised"}};
const Named<factlint::DatePrecision> kPrecisions[] = {
    {factlint::DatePrecision::kUnstated, ""},   {factlint::DatePrecision::kMinute, "minute"},
    {factlint::DatePrecision::kDay, "day"},     {factlint::DatePrecision::kWeek, "week"},
    {factlint::DatePrecision::kMonth, "month"}, {factlint::DatePrecision::kYear, "year"}};
const Named<factlint::HolderTime> kTimes[] = {
    {factlint::HolderTime::kCurrent, "current"},     {factlint::HolderTime::kFormer, "former"},
    {factlint::HolderTime::kActing, "acting"},       {factlint::HolderTime::kDesignate, "designate"},
    {factlint::HolderTime::kElect, "elect"},         {factlint::HolderTime::kLate, "late"}};

template <typename Enum, size_t N>
void CheckNames(const Named<Enum> (&table)[N]) {
  for (const Named<Enum>& n : table) {
    INFO(n.name);
    CHECK(Name(n.value) == n.name);
    REQUIRE(FromName<Enum>(n.name).has_value());
    CHECK(*FromName<Enum>(n.name) == n.value);
  }
  CHECK_FALSE(FromName<Enum>("no-such-value").has_value());
}

// `claim` written as JSON and read back.
Claim RoundTrip(const Claim& claim) {
  auto back = ClaimFromJson(ClaimToJson(claim));
  REQUIRE(back.ok());
  return back.value();
}

Claim WithFacts(factlint::ClaimFacts facts) {
  Claim c;
  c.id = "a.txt#1";
  c.doc = "a.txt";
  c.facts = std::move(facts);
  return c;
}

}  // namespace

TEST_CASE("claim enums: every value has its name, and every name its value") {
  CheckNames(kQualifiers);
  CheckNames(kMeasures);
  CheckNames(kStates);
  CheckNames(kPrecisions);
  CheckNames(kTimes);
  CHECK(factlint::AllowedNames<factlint::CountState>() ==
        "held, held-alive, released, dead, found, rescued, hospitalised");
}

TEST_CASE("claim enums: every value goes out as its name in the claim JSON and comes back") {
  for (const auto& qualifier : kQualifiers) {
    for (const auto& measure : kMeasures) {
      for (const auto& state : kStates) {
        INFO(qualifier.name, " ", measure.name, " ", state.name);
        factlint::QuantityFacts q;
        q.qualifier = qualifier.value;
        q.event = measure.value;
        q.state = state.value;
        const nlohmann::json json = ClaimToJson(WithFacts(q));
        CHECK(json["qualifier"] == qualifier.name);
        CHECK(json["event"] == measure.name);
        CHECK(json["state"] == state.name);
        CHECK(json["exact"] == (qualifier.value == factlint::Qualifier::kExact));
        const Claim read = RoundTrip(WithFacts(q));  // `back` points into it
        const auto* back = read.get<factlint::QuantityFacts>();
        REQUIRE(back);
        CHECK(back->qualifier == qualifier.value);
        CHECK(back->event == measure.value);
        CHECK(back->state == state.value);
      }
    }
  }
  for (const auto& precision : kPrecisions) {
    INFO(precision.name);
    const factlint::DateFacts d{"2023-10-07", precision.value, "war-start", ""};
    CHECK(ClaimToJson(WithFacts(d))["precision"] == precision.name);
    const Claim read = RoundTrip(WithFacts(d));  // `back` points into it
    const auto* back = read.get<factlint::DateFacts>();
    REQUIRE(back);
    CHECK(back->precision == precision.value);
  }
  for (const auto& time : kTimes) {
    INFO(time.name);
    factlint::OfficeholderFacts o;
    o.office = "president";
    o.time = time.value;
    CHECK(ClaimToJson(WithFacts(o))["time"] == time.name);
    const Claim read = RoundTrip(WithFacts(o));  // `back` points into it
    const auto* back = read.get<factlint::OfficeholderFacts>();
    REQUIRE(back);
    CHECK(back->time == time.value);
  }
}

TEST_CASE("claim enums: a claim JSON with an unknown name is refused, naming it and the names allowed") {
  struct Case {
    const char* kind;
    const char* key;
    const char* value;
    const char* expected;
  } cases[] = {
      {"quantity", "event", "evacuated", "unknown event \"evacuated\" in a claim; expected one of: killed, injured"},
      {"quantity", "qualifier", "roughly", "unknown qualifier \"roughly\""},
      {"quantity", "state", "freed", "unknown state \"freed\""},
      {"date", "precision", "decade", "unknown precision \"decade\""},
      {"officeholder", "time", "ex", "unknown time \"ex\""},
  };
  for (const Case& c : cases) {
    INFO(c.key, "=", c.value);
    nlohmann::json json = {{"id", "a.txt#1"}, {"doc", "a.txt"}, {"kind", c.kind}, {c.key, c.value}};
    auto claim = ClaimFromJson(json);
    REQUIRE_FALSE(claim.ok());
    CHECK(claim.status().message().find(c.expected) != std::string::npos);
  }
}
