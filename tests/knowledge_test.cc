// The knowledge base: loading knowledge files (countries, people, terms),
// `factlint kb check`, `factlint kb import wikidata`, and the person keys of
// names nobody listed.
#include <doctest/doctest.h>

#include <chrono>
#include <set>

#include <fmt/format.h>

#include "extract/people.h"
#include "factlint/civil_date.h"
#include "factlint/engine.h"
#include "factlint/kb_import.h"
#include "factlint/knowledge.h"
#include "factlint/rules.h"
#include "test_support.h"

namespace {

using factlint::testing::RunFactlint;
using factlint::testing::TempDir;

// A small world: one country, its people and terms.
constexpr const char* kGermany = R"(# Sources: written for this test.
countries:
  - {id: de, name: Germany, wikidata: Q183, ar: [ألمانيا, الألماني, الألمانية], en: [germany, german],
     head_of_state: president, head_of_government: chancellor}
people:
  - {key: scholz, name: Olaf Scholz, ar: أولاف شولتس, aliases: [أولاف شولتز, شولتس, Scholz]}
  - {key: merz-friedrich, name: Friedrich Merz, ar: فريدريش ميرتس, aliases: [ميرتس, ميرز, Merz]}
  - {key: steinmeier, name: Frank-Walter Steinmeier, ar: فرانك فالتر شتاينماير, aliases: [شتاينماير]}
terms:
  de/chancellor:
    - {person: scholz, from: 2021-12-08, to: 2025-05-06}
    - {person: merz-friedrich, from: 2025-05-06}
  de/president:
    - {person: steinmeier, from: 2017-03-19}
)";

factlint::OfficeCatalog Catalog() {
  auto catalog = factlint::ReadOfficeCatalog((factlint::testing::SourceDir() / "rules/offices.yaml").string());
  REQUIRE(catalog.ok());
  return catalog.value();
}

std::vector<factlint::KbProblem> Check(const std::string& yaml, const TempDir& dir) {
  auto germany = factlint::ReadKnowledgeFile(dir.Write("germany.yaml", kGermany).string());
  auto file = factlint::ReadKnowledgeFile(dir.Write("case.yaml", yaml).string());
  REQUIRE(germany.ok());
  REQUIRE_MESSAGE(file.ok(), file.status().message());
  return factlint::CheckKnowledge({germany.value(), file.value()}, Catalog());
}

}  // namespace

TEST_CASE("kb check: each kind of problem is named with its file and line") {
  struct Case {
    const char* name;
    const char* yaml;
    int line;
    const char* reason;  // part of the message
  };
  const Case cases[] = {
      {"overlapping terms", "terms:\n  de/vice-president:\n    - {person: steinmeier, from: 2017-03-19}\n"
                            "    - {person: scholz, from: 2020-01-01, to: 2021-01-01}\n",
       4, "overlaps the term of \"steinmeier\""},
      {"end before start", "terms:\n  de/vice-president:\n    - {person: scholz, from: 2020-01-01, to: 2019-01-01}\n",
       3, "ends (2019-01-01) before it starts"},
      {"unknown person", "terms:\n  de/speaker:\n    - {person: kloeckner, from: 2025-03-25}\n", 3,
       "unknown person key \"kloeckner\""},
      {"spelling of two people", "people:\n  - {key: merz-other, name: Hans-Rudolf Merz, aliases: [Merz]}\n", 2,
       "also names \"merz-friedrich\""},
      {"person defined twice", "people:\n  - {key: scholz, name: Olaf Scholz}\n", 2, "already defined"},
      {"unknown office", "terms:\n  de/grand-vizier:\n    - {person: scholz, from: 2025-01-01}\n", 2,
       "unknown office \"grand-vizier\""},
      {"unknown country", "terms:\n  xx/president:\n    - {person: scholz, from: 2025-01-01}\n", 2,
       "unknown country or organisation \"xx\""},
      {"country with unknown office", "countries:\n  - {id: at, name: Austria, ar: [النمسا], en: [austria], "
                                      "head_of_state: president, head_of_government: kanzler}\n",
       2, "unknown office \"kanzler\""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    TempDir dir;
    const auto problems = Check(c.yaml, dir);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == (dir.path() / "case.yaml").string());
    CHECK(problems[0].line == c.line);
    INFO(problems[0].reason);
    CHECK(problems[0].reason.find(c.reason) != std::string::npos);
  }
}

TEST_CASE("kb check: touching terms, an acting stand-in and a non-exclusive office are fine") {
  TempDir dir;
  const auto problems = Check(R"(people:
  - {key: han, name: Han Duck-soo, aliases: []}
terms:
  de/vice-president:
    - {person: scholz, from: 2020-01-01, to: 2021-01-01}
    - {person: scholz, from: 2021-01-01}
    - {person: han, from: 2021-06-01, to: 2021-07-01, acting: true}
  de/special-envoy:
    - {person: scholz, from: 2020-01-01}
    - {person: scholz, from: 2020-01-01}
)", dir);
  for (const auto& p : problems) {
    INFO(p.reason);
    CHECK(false);
  }
}

TEST_CASE("kb check: a malformed knowledge file is rejected with file, line and reason") {
  TempDir dir;
  struct Case {
    const char* yaml;
    const char* reason;
  };
  for (const Case& c : {Case{"terms:\n  de/president:\n    - {person: a, from: 1 May 2020}\n", "line 3: expected an ISO date"},
                        Case{"people:\n  - {key: a, name: A, alias: [x]}\n", "line 2: unknown key \"alias\""},
                        Case{"terms:\n  president:\n    - {person: a, from: 2020}\n", "line 2: \"president\": an office is written"},
                        Case{"countries: [{name: Nowhere}]\n", "line 1: a country needs \"id\""},
                        Case{"people: [{key: a, name: [x, y]}]\n", "a person needs"}}) {
    INFO(c.yaml);
    auto file = factlint::ReadKnowledgeFile(dir.Write("bad.yaml", c.yaml).string());
    REQUIRE_FALSE(file.ok());
    CHECK(file.status().message().find("bad.yaml") != std::string::npos);
    CHECK(file.status().message().find(c.reason) != std::string::npos);
  }
}

TEST_CASE("kb check: the command line, on the bundled files and on a bad file") {
  const auto bundled = RunFactlint("kb check");
  INFO(bundled.out << bundled.err);
  CHECK(bundled.status == 0);
  CHECK(bundled.err.find("kb check:") != std::string::npos);
  TempDir dir;
  const auto bad = dir.Write("bad.yaml", "terms:\n  us/president:\n    - {person: nobody-at-all, from: 2020-01-01}\n");
  const auto result = RunFactlint("kb check " + bad.string());
  CHECK(result.status == 2);
  CHECK(result.out.find(bad.string() + ":3: error: us/president: unknown person key \"nobody-at-all\"") != std::string::npos);
}

TEST_CASE("knowledge files: countries become jurisdiction words, people names, terms roles") {
  TempDir dir;
  factlint::EngineOptions options;
  options.kb_files = {dir.Write("germany.yaml", kGermany).string()};
  auto engine = factlint::Engine::Create(options);
  REQUIRE_MESSAGE(engine.ok(), engine.status().message());
  struct Case {
    const char* text;
    const char* subject;
    const char* key;
  };
  for (const Case& c : {Case{"قال المستشار الألماني فريدريش ميرتس إن الحكومة متفقة.", "office/de/chancellor", "merz-friedrich"},
                        Case{"المستشارة الألمانية السابقة", "", ""},
                        Case{"German Chancellor Friedrich Merz spoke.", "office/de/chancellor", "merz-friedrich"},
                        Case{"وقال المستشار ميرتس للصحفيين.", "office/de/chancellor", "merz-friedrich"},  // jurisdiction from his role
                        Case{"الرئيس الألماني فرانك فالتر شتاينماير", "office/de/president", "steinmeier"}}) {
    INFO(c.text);
    const auto claims = engine.value()->Extract(factlint::testing::MakeDocument(c.text));
    bool found = false;
    for (const auto& claim : claims) {
      const auto* o = claim.get<factlint::OfficeholderFacts>();
      if (o && claim.subject == c.subject && o->person_key == c.key) found = true;
    }
    CHECK(found == (*c.subject != 0));
  }
  const auto& kb = engine.value()->knowledge();
  CHECK(kb.countries().at("de").head_of_government == "chancellor");
  CHECK(kb.TermsOf("de/chancellor", "merz-friedrich") == factlint::Period{{factlint::DaysFromCivil(2025, 5, 6), factlint::KnowledgeBase::kOpen}});
}

TEST_CASE("knowledge files: hundreds of people and thousands of spellings load fast") {
  TempDir dir;
  std::string yaml = "people:\n";
  std::string terms = "terms:\n  de/special-envoy:\n";
  for (int i = 0; i < 800; ++i) {
    yaml += fmt::format("  - {{key: p{0}, name: Person Number{0}, ar: شخص رقم{0}, aliases: [Number{0}, P{0} Number{0}, "
                        "Mr Number{0}, رقم{0}, السيد رقم{0}]}}\n", i);
    terms += fmt::format("    - {{person: p{0}, from: 2020-01-01}}\n", i);
  }
  factlint::EngineOptions options;
  options.kb_files = {dir.Write("many.yaml", yaml + terms).string()};
  const auto start = std::chrono::steady_clock::now();
  auto engine = factlint::Engine::Create(options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE_MESSAGE(engine.ok(), engine.status().message());
  MESSAGE(fmt::format("engine with 800 extra people, 5,600 spellings: {:.2f} s", seconds));
  CHECK(seconds < 20);  // a generous bound for a shared machine; the figure above is what matters
  CHECK(engine.value()->rules().FindPerson("p799") != nullptr);
}

TEST_CASE("person keys: a name nobody listed joins its spellings in both scripts") {
  const auto& rules = factlint::testing::SharedEngine().rules();
  const factlint::PersonKeyer keyer(rules);
  REQUIRE(rules.name_key_examples().size() >= 10);
  for (const auto& e : rules.name_key_examples()) {
    INFO(e.a << " -> " << keyer.Skeleton(e.a) << ", " << e.b << " -> " << keyer.Skeleton(e.b));
    CHECK((keyer.Skeleton(e.a) == keyer.Skeleton(e.b)) == e.same);
  }
  // Two given names, one family name: two people, one family.
  CHECK(keyer.FamilyNames(keyer.Skeleton("ميشال عون")) == keyer.FamilyNames(keyer.Skeleton("Joseph Aoun")));
}

TEST_CASE("kb import wikidata: a SPARQL result becomes a knowledge file, and a re-import updates it") {
  TempDir dir;
  const auto fixture = factlint::testing::SourceDir() / "tests/fixtures/wikidata/heads.json";
  const auto out = dir.path() / "world.yaml";
  const auto first = RunFactlint(fmt::format("kb import wikidata {} --out {}", fixture.string(), out.string()));
  INFO(first.err);
  REQUIRE(first.status == 0);
  CHECK(first.err.find("skipped row 10: no office id for \"Lord Warden of the Stannaries\"") != std::string::npos);
  CHECK(first.err.find("skipped row 11: no start date") != std::string::npos);
  auto file = factlint::ReadKnowledgeFile(out.string());
  REQUIRE_MESSAGE(file.ok(), file.status().message());
  const std::string yaml = factlint::testing::ReadFile(out);
  INFO(yaml);
  CHECK(yaml.rfind("# Sources: Wikidata P39", 0) == 0);
  // Open term, year precision, month precision, the person with no Arabic label.
  CHECK(yaml.find("from: \"2025-05-06\", wikidata: \"Q4970706\"}") != std::string::npos);
  CHECK(yaml.find("{person: \"deprez\", from: \"2023\", wikidata: \"Q900100\"}") != std::string::npos);
  CHECK(yaml.find("to: \"2022-10\"") != std::string::npos);
  CHECK(yaml.find("{key: \"deprez\", name: \"Martine Deprez\", wikidata: \"Q900101\", aliases: [\"Deprez\"]}") != std::string::npos);
  CHECK(yaml.find("\"lu/health-minister\"") != std::string::npos);
  CHECK(yaml.find("\"us/vice-president\"") != std::string::npos);
  CHECK(yaml.find("\"lb/secretary-of-state\"") != std::string::npos);
  // Known people are referenced, not repeated.
  CHECK(yaml.find("{person: \"trump\"") != std::string::npos);
  CHECK(yaml.find("key: \"trump\"") == std::string::npos);
  size_t merkel_terms = 0;
  for (const auto& t : file.value().terms) merkel_terms += t.person == "merkel";
  CHECK(merkel_terms == 1);
  // The file is a valid knowledge file (its countries may come from elsewhere).
  const auto countries = dir.Write("countries.yaml", R"(countries:
  - {id: de, name: Germany, ar: [الألماني], en: [german]}
  - {id: lu, name: Luxembourg, ar: [اللوكسمبورغي], en: [luxembourg]}
  - {id: lb, name: Lebanon, ar: [اللبناني], en: [lebanese]}
)");
  const auto check = RunFactlint("kb check " + countries.string() + " " + out.string());
  INFO(check.out);
  CHECK(check.status == 0);
  // Re-importing changes nothing and duplicates nothing.
  const auto second = RunFactlint(fmt::format("kb import wikidata {} --out {}", fixture.string(), out.string()));
  CHECK(second.status == 0);
  CHECK(second.err.find("0 new people, 0 new terms") != std::string::npos);
  CHECK(factlint::testing::ReadFile(out) == yaml);
  // A bad results file is named.
  const auto bad = RunFactlint(fmt::format("kb import wikidata {} --out {}", dir.Write("bad.json", "{\"head\": {}}").string(),
                                           (dir.path() / "x.yaml").string()));
  CHECK(bad.status == 2);
  CHECK(bad.err.find("bad.json: expected application/sparql-results+json") != std::string::npos);
}
