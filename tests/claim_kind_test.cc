// The claim kinds (include/factlint/claim_kind.h): one per alternative of
// ClaimFacts, found by facts and by name; each writes and reads its facts,
// and says what its claims are about.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "factlint/claim_kind.h"
#include "factlint/engine.h"
#include "test_support.h"

using factlint::Claim;
using factlint::ClaimFacts;
using factlint::KindNamed;
using factlint::KindOf;

namespace {

Claim WithFacts(ClaimFacts facts, std::string subject = "") {
  Claim c;
  c.id = "a.txt#1";
  c.doc = "a.txt";
  c.subject = std::move(subject);
  c.facts = std::move(facts);
  return c;
}

}  // namespace

TEST_CASE("claim kinds: one per kind of facts, found by facts and by name") {
  struct Case {
    ClaimFacts facts;
    const char* name;
  } cases[] = {
      {factlint::QuantityFacts{}, "quantity"},         {factlint::DateFacts{}, "date"},
      {factlint::DurationFacts{}, "duration"},         {factlint::OfficeholderFacts{}, "officeholder"},
      {factlint::PersonFacts{}, "person"},
  };
  REQUIRE(factlint::AllClaimKinds().size() == std::size(cases));
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(std::string(KindOf(c.facts).name()) == c.name);
    CHECK(KindNamed(c.name) == &KindOf(c.facts));
    CHECK(std::string(WithFacts(c.facts).kind()) == c.name);
  }
  CHECK(KindNamed("rumour") == nullptr);
  auto claim = factlint::ClaimFromJson({{"id", "a.txt#1"}, {"kind", "rumour"}});
  REQUIRE_FALSE(claim.ok());
  CHECK(claim.status().message() == "unknown claim kind \"rumour\"");
}

TEST_CASE("claim kinds: each says in words what its claims are about") {
  const factlint::RuleSet& rules = factlint::testing::SharedEngine().rules();
  factlint::QuantityFacts killed;
  killed.event = factlint::Measure::kKilled;
  killed.who = "palestinians";
  killed.where = "gaza";
  factlint::QuantityFacts magnitude;
  magnitude.event = factlint::Measure::kEarthquakeMagnitude;
  factlint::DateFacts war_start{"2023-10-07", factlint::DatePrecision::kDay, "war-start", ""};
  factlint::DurationFacts war{{730, 730}, "war", "2 years"};
  factlint::PersonFacts person{"Antony Blinken", "blinken"};
  struct Case {
    Claim claim;
    const char* words;
  } cases[] = {
      {WithFacts(killed), "Palestinians killed (Gaza)"},
      {WithFacts(magnitude), "Earthquake magnitude"},
      {WithFacts(war_start), "Date of the war start"},
      {WithFacts(war), "How long the war has lasted"},
      {WithFacts(person, "person/blinken"), "person/blinken"},
  };
  for (const Case& c : cases) {
    CHECK(KindOf(c.claim).Describe(c.claim, rules) == c.words);
  }
}

TEST_CASE("claim kinds: the claims of a news paragraph go out as JSON and come back the same") {
  // Our own sentences; the figures are those of the 2023 Herat earthquakes.
  const std::vector<Claim> claims = factlint::testing::ClaimsOf(
      "A magnitude 6.3 earthquake struck Herat, Afghanistan on 7 October 2023, killing more than 1,000 people. "
      "US Secretary of State Antony Blinken said about 2,400 people were injured. "
      "Two years of war have left thousands displaced. The war began on 7 October 2023.",
      "2023-10-09");
  std::set<std::string> kinds;
  for (const Claim& c : claims) {
    INFO(c.subject);
    kinds.insert(c.kind());
    const nlohmann::json json = factlint::ClaimToJson(c);
    auto back = factlint::ClaimFromJson(json);
    REQUIRE(back.ok());
    CHECK(factlint::ClaimToJson(back.value()) == json);
  }
  CHECK(kinds == std::set<std::string>{"quantity", "date", "duration", "officeholder", "person"});
}
