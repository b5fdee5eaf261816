// The comparator: each conflict rule, and the agreeing pairs that must stay silent.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "factlint/check.h"
#include "factlint/graph.h"
#include "test_support.h"

namespace {

struct Pair {
  const char* name;
  const char* a;
  const char* date_a;
  const char* b;
  const char* date_b;
  const char* kind;      // expected finding kind, "" for none
  const char* severity;  // expected severity when a finding is expected
};

factlint::CheckResult CheckPair(const Pair& p) {
  std::vector<factlint::Document> docs;
  docs.push_back(factlint::testing::MakeDocument(p.a, "a.txt", p.date_a));
  if (*p.b) docs.push_back(factlint::testing::MakeDocument(p.b, "b.txt", p.date_b));
  return factlint::testing::SharedEngine().Check(docs);
}

}  // namespace

TEST_CASE("compare: conflict rules and the pairs that agree") {
  const Pair pairs[] = {
      // Quantities.
      {"more than vs about", "قتل أكثر من 40 ألف فلسطيني في غزة في الحرب على غزة.", "", "قتل نحو 12 ألف فلسطيني في الحرب على غزة.", "", "quantity", "error"},
      {"about vs exact agree", "احتجاز حوالي 250 رهينة في الحرب على غزة.", "", "اقتياد 251 شخصًا كرهائن في الحرب على غزة.", "", "", ""},
      {"Arabic-Indic vs Latin digits agree", "قتل ٤٠٬٠٠٠ فلسطيني في الحرب على غزة.", "", "قتل 40,000 فلسطيني في الحرب على غزة.", "", "", ""},
      {"words vs digits agree", "قتل ثلاثة آلاف شخص في الحرب على غزة.", "", "قتل 3000 شخص في الحرب على غزة.", "", "", ""},
      {"English vs Arabic agree", "More than 40,000 Palestinians were killed in the war in Gaza.", "", "قتل أكثر من 40 ألف فلسطيني في الحرب على غزة.", "", "", ""},
      {"English conflict", "About 1,200 people were killed in the war in Gaza.", "", "3,000 people were killed in the war in Gaza.", "", "quantity", "error"},
      {"growing toll is an update (reported only with --show-updates)", "قتل 30 ألف فلسطيني في الحرب على غزة.", "2024-01-01", "قتل 40 ألف فلسطيني في الحرب على غزة.", "2024-08-01", "", ""},
      {"later and smaller conflicts", "قتل 40 ألف فلسطيني في الحرب على غزة.", "2024-08-01", "قتل 30 ألف فلسطيني في الحرب على غزة.", "2025-01-01", "quantity", "error"},
      {"close figures warn", "قتل 100 شخص في الحرب على غزة.", "", "قتل 105 أشخاص في الحرب على غزة.", "", "quantity", "warning"},
      {"different who: no comparison", "قتل 100 طفل في الحرب على غزة.", "", "قتل 5000 فلسطيني في الحرب على غزة.", "", "", ""},
      {"different places: no comparison", "قتل 100 شخص في الحرب على غزة.", "", "قتل 5 أشخاص في الحرب على لبنان.", "", "", ""},
      {"vague range agrees", "أصيب عشرات المدنيين في الحرب على غزة.", "", "أصيب 40 مدنيا في الحرب على غزة.", "", "", ""},
      {"vague range conflicts", "أصيب عشرات المدنيين في الحرب على غزة.", "", "أصيب 500 مدني في الحرب على غزة.", "", "quantity", "error"},
      {"miles vs km agree", "The quake struck at a depth of 11 miles.", "", "The quake struck at a depth of 18 km.", "", "", ""},
      // Officeholders.
      {"same office, overlapping dates", "Secretary of State Antony Blinken spoke.", "2024-06-10",
       "US Secretary of State Marco Rubio spoke.", "2024-06-11", "officeholder", "error"},
      {"office changed hands", "Secretary of State Antony Blinken spoke.", "2024-06-10",
       "US Secretary of State Marco Rubio spoke.", "2025-06-11", "officeholder", "info"},
      {"spelling variants agree", "وزير الخارجية الأمريكي أنتوني بلينكين", "", "وزير الخارجية الأمريكي بلينكن", "", "", ""},
      {"scripts agree", "وزير الخارجية الأمريكي ماركو روبيو", "", "US Secretary of State Marco Rubio", "", "", ""},
      {"vice president is not president", "نائب الرئيس الأمريكي جي دي فانس", "", "الرئيس الأمريكي دونالد ترامب", "", "", ""},
      {"former never conflicts with current", "وزير الخارجية الأمريكي السابق أنتوني بلينكن", "2025-06-01",
       "وزير الخارجية الأمريكي ماركو روبيو", "2025-06-01", "", ""},
      {"unknown jurisdiction office conflict", "Egyptian President Abdel Fattah el-Sisi met envoys.", "2024-01-01",
       "Egyptian President Hosni Mubarak met envoys.", "2024-01-01", "officeholder", "error"},
      // Dates.
      {"month agrees with day", "الحرب المستمرة منذ أكتوبر 2023", "", "الحرب التي اندلعت في 7 أكتوبر 2023", "", "", ""},
      {"different days conflict", "the war broke out on 7 October 2023", "", "the war broke out on 9 October 2023", "", "date", "error"},
      // Durations (one document).
      {"second year vs two years", "الحرب التي تدخل عامها الثاني. سلام بعد عامين من الحرب.", "2025-10-07", "", "", "duration", "warning"},
      {"durations agree", "after two years of war. The war, now in its third year, goes on.", "2025-10-07", "", "", "", ""},
      // Knowledge base: a name no holder had.
      {"name not in office", "ورئيسة موظفي البيت الأبيض سوزي مايلز", "2025-10-07", "", "", "name", "warning"},
      {"right name, right time", "ورئيسة موظفي البيت الأبيض سوزي وايلز", "2025-10-07", "", "", "", ""},
  };
  for (const Pair& p : pairs) {
    INFO(p.name);
    const auto result = CheckPair(p);
    if (!*p.kind) {
      for (const auto& f : result.findings) {
        INFO(f.message);
        CHECK(false);
      }
      continue;
    }
    const auto it = std::find_if(result.findings.begin(), result.findings.end(),
                                 [&](const factlint::Finding& f) { return f.kind == p.kind; });
    REQUIRE(it != result.findings.end());
    CHECK(std::string(factlint::SeverityName(it->severity)) == p.severity);
    CHECK(it->sides.size() >= 1);
    CHECK_FALSE(it->message.empty());
  }
}

TEST_CASE("compare: fingerprints are stable whatever order the documents come in") {
  const auto a = factlint::testing::MakeDocument("قتل أكثر من 40 ألف فلسطيني في الحرب على غزة.", "a.txt");
  const auto b = factlint::testing::MakeDocument("قتل نحو 12 ألف فلسطيني في الحرب على غزة.", "b.txt");
  const auto forward = factlint::testing::SharedEngine().Check({a, b});
  const auto backward = factlint::testing::SharedEngine().Check({b, a});
  REQUIRE(forward.findings.size() == 1);
  REQUIRE(backward.findings.size() == 1);
  CHECK(forward.findings[0].fingerprint == backward.findings[0].fingerprint);
  CHECK(forward.findings[0].fingerprint.size() == 16);
}

TEST_CASE("compare: claim graph joins spellings and groups by subject") {
  std::vector<factlint::Document> docs = {
      factlint::testing::MakeDocument("وزير الخارجية الأمريكي أنتوني بلينكين. وأضاف بلينكن.", "a.txt"),
      factlint::testing::MakeDocument("US Secretary of State Antony Blinken said.", "b.txt"),
  };
  std::vector<factlint::DocumentInfo> infos;
  std::vector<factlint::Claim> claims;
  for (const auto& d : docs) {
    infos.push_back(factlint::InfoOf(d));
    for (auto& c : factlint::testing::SharedEngine().Extract(d)) claims.push_back(c);
  }
  factlint::ClaimGraph graph(infos, claims, factlint::testing::SharedEngine().rules());
  CHECK(graph.EntityOf("blinken") == "blinken");
  bool office_group = false;
  for (const auto& group : graph.SubjectGroups()) {
    if (claims[group[0]].subject == "office/us/secretary-of-state") office_group = group.size() == 2;
  }
  CHECK(office_group);
  const std::string dot = graph.ToDot();
  CHECK(dot.find("graph G") != std::string::npos);
  CHECK(dot.find("same entity") != std::string::npos);
  CHECK(graph.ToJson()["vertices"].size() == graph.vertex_count());
}
