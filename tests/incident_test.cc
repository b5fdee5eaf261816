// Incidents and frames: figures are compared only when they are about the
// same real-world incident and count the same thing over the same time.
// Each row is two short articles we wrote; `expect` is the finding kind
// (and severity) the pair must give, or "" when the pair must stay silent.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "factlint/check.h"
#include "factlint/explain.h"
#include "test_support.h"

namespace {

struct Case {
  const char* name;
  const char* a;
  const char* date_a;
  const char* b;
  const char* date_b;
  const char* expect;    // "quantity", "date", ... or "" for silence
  const char* severity;  // when a finding is expected
};

factlint::CheckResult CheckTwo(const Case& c) {
  std::vector<factlint::Document> docs;
  docs.push_back(factlint::testing::MakeDocument(c.a, "a.txt", c.date_a));
  docs.push_back(factlint::testing::MakeDocument(c.b, "b.txt", c.date_b));
  return factlint::testing::SharedEngine().Check(docs);
}

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    const factlint::CheckResult r = CheckTwo(c);
    std::string got;
    for (const auto& f : r.findings) got += f.kind + "/" + factlint::SeverityName(f.severity) + ": " + f.message + "\n";
    CAPTURE(got);
    if (*c.expect == 0) {
      CHECK(r.findings.empty());
      continue;
    }
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].kind == c.expect);
    CHECK(std::string(factlint::SeverityName(r.findings[0].severity)) == c.severity);
  }
}

}  // namespace

TEST_CASE("incidents: resolved across documents by type, country and time") {
  RunCases({
      {"same quake in two languages: the later toll is smaller",
       "The earthquake that struck Japan's Noto peninsula on January 1 has killed 126 people, officials said.",
       "2024-01-06",
       "ارتفعت حصيلة ضحايا الزلزال الذي ضرب اليابان في الأول من يناير إلى 64 قتيلا.", "2024-01-08", "quantity", "error"},
      {"two quakes a week apart in one country are two incidents",
       "ضرب زلزال قوي اليابان في 1 يناير 2024 وأودى بحياة 64 شخصا.", "2024-01-03",
       "ضرب زلزال جديد اليابان في 9 يناير 2024 وأودى بحياة 3 أشخاص.", "2024-01-10", "", ""},
      {"quakes in two countries the same week are two incidents",
       "ضرب زلزال اليابان وأودى بحياة 64 شخصا.", "2024-01-03",
       "ضرب زلزال الفلبين وأودى بحياة 3 أشخاص.", "2024-01-04", "", ""},
      {"a flood and a war in one country are two incidents",
       "أودت الفيضانات في باكستان بحياة 1100 شخص.", "2022-09-01",
       "قتل 30 شخصا في الهجوم على قاعدة عسكرية في باكستان.", "2022-09-01", "", ""},
      {"a past quake named for comparison is not this one",
       "ضرب زلزال اليابان وأودى بحياة 64 شخصا. وكان زلزال عام 2011 قد أودى بحياة 18 ألف شخص.", "2024-01-03",
       "ارتفعت حصيلة الزلزال في اليابان إلى 70 قتيلا.", "2024-01-03", "", ""},
      {"no incident named: the figures abstain",
       "قتل 100 شخص.", "", "قتل 5000 شخص.", "", "", ""},
  });
}

TEST_CASE("frames: scope, group, place and state decide what is compared") {
  RunCases({
      {"daily vs cumulative toll",
       "استشهد 40 فلسطينيا خلال الـ24 ساعة الماضية في الحرب على غزة.", "2024-08-01",
       "ارتفعت حصيلة الحرب على غزة إلى 40 ألف قتيل.", "2024-08-01", "", ""},
      {"English daily vs cumulative toll",
       "In the war in Gaza, 40 Palestinians were killed in the past 24 hours.", "2024-08-01",
       "More than 40,000 Palestinians have been killed in the war in Gaza.", "2024-08-01", "", ""},
      {"children among the dead vs all the dead",
       "قتل 15 ألف طفل في الحرب على غزة.", "2024-08-01",
       "قتل 40 ألف فلسطيني في الحرب على غزة.", "2024-08-01", "", ""},
      {"a province vs the country",
       "قتل 300 شخص في إقليم السند جراء الفيضانات.", "2022-09-01",
       "أودت الفيضانات في باكستان بحياة 1100 شخص.", "2022-09-01", "", ""},
      {"hostages released vs still held",
       "أفرجت حماس عن 20 رهينة في إطار الحرب على غزة.", "2025-10-13",
       "لا يزال 48 رهينة محتجزين في غزة منذ بدء الحرب.", "2025-10-13", "", ""},
      {"killed vs injured",
       "قتل 40 شخصا في الهجوم على قاعة الحفلات قرب موسكو.", "2024-03-23",
       "أصيب 140 شخصا في الهجوم على قاعة الحفلات قرب موسكو.", "2024-03-23", "", ""},
      {"same frame, same day, different sources: abstains (often an update during the day)",
       "أسفر الهجوم على قاعة الحفلات قرب موسكو عن مقتل 40 شخصا.", "2024-03-23",
       "أسفر الهجوم على قاعة الحفلات قرب موسكو عن مقتل 400 شخص.", "2024-03-23", "", ""},
      {"same frame, later and smaller",
       "أسفر الهجوم على قاعة الحفلات قرب موسكو عن مقتل 400 شخص.", "2024-03-23",
       "أسفر الهجوم على قاعة الحفلات قرب موسكو عن مقتل 40 شخصا.", "2024-03-25", "quantity", "error"},
      {"a rising toll is an update, not a contradiction",
       "أسفر الهجوم على قاعة الحفلات قرب موسكو عن مقتل 40 شخصا.", "2024-03-22",
       "ارتفعت حصيلة الهجوم على قاعة الحفلات قرب موسكو إلى 137 قتيلا.", "2024-03-25", "", ""},
  });
}

TEST_CASE("frames: a headline against its own body, a camp named again, everyone aboard, a longer story") {
  RunCases({
      {"headline vs body of one article: the article is one source",
       "نزوح 40 ألفا من مخيم زمزم في حرب السودان\n\nوقالت المنظمة الدولية للهجرة إن نحو 400 ألف شخص، فروا من "
       "المخيم خلال أيام في حرب السودان.", "2025-04-15",
       "وصل وفد أممي إلى بورتسودان.", "2025-04-15", "quantity", "error"},
      {"the camp named again is the camp, not all of Sudan",
       "نزح 40 ألفا من مخيم زمزم في حرب السودان.", "2025-04-15",
       "أدت حرب السودان إلى نزوح أكثر من 12 مليون شخص.", "2025-04-15", "", ""},
      {"nobody survived: the count aboard is the toll",
       "مصرع 9 أشخاص في تحطم مروحية الرئيس الإيراني", "2024-05-20",
       "تحطمت مروحية الرئيس الإيراني يوم الأحد 19 مايو 2024. وكان في المروحية ثمانية ركاب، لم ينجُ أحد منهم.",
       "2024-05-21", "quantity", "error"},
      {"survivors named: the count aboard is no toll",
       "مصرع 9 أشخاص في تحطم مروحية الرئيس الإيراني", "2024-05-20",
       "تحطمت مروحية الرئيس الإيراني يوم الأحد 19 مايو 2024. وكان في المروحية ثمانية ركاب، نجا اثنان منهم.",
       "2024-05-21", "", ""},
      {"a headline's blasts are the lead's walkie-talkie blasts",
       "Second wave of device blasts in Lebanon kills 20\n\nWalkie-talkies exploded across Lebanon on Wednesday, "
       "killing 14 people, the health ministry said.", "2024-09-18",
       "Lebanon's health minister visited a hospital in Beirut.", "2024-09-18", "quantity", "error"},
      {"a headline's blasts and a lead that names no kind of them",
       "Blasts in Lebanon kill 20\n\nIsraeli strikes on southern Lebanon killed 14 people on Wednesday.",
       "2024-09-18", "Lebanon's health minister visited a hospital in Beirut.", "2024-09-18", "", ""},
      {"the missing are found: a later, smaller count of them is an update",
       "After the earthquake in Japan, 222 people were missing.", "2024-01-05",
       "After the earthquake in Japan, 52 people were still missing.", "2024-01-10", "", ""},
      {"a count since long before the blast is a longer story",
       "Pager blasts across Lebanon kill 12 people. Cross-border fire has killed hundreds of people in Lebanon "
       "since October 2023.", "2024-09-18",
       "The pager blasts in Lebanon killed 12 people, the health ministry said.", "2024-09-18", "", ""},
  });
}

TEST_CASE("stories: an article that names no incident is compared within its story only") {
  RunCases({
      {"same person in the news the same week: the story's incident",
       "Prime Minister Fumio Kishida said the earthquake in Japan had killed 200 people.", "2024-01-03",
       "Prime Minister Fumio Kishida said 100 people had been killed.", "2024-01-05", "quantity", "error"},
      {"the same person a month later: another story, abstains",
       "Prime Minister Fumio Kishida said the earthquake in Japan had killed 200 people.", "2024-01-03",
       "Prime Minister Fumio Kishida said 100 people had been killed.", "2024-02-05", "", ""},
      {"no person, no incident in common: abstains",
       "Prime Minister Fumio Kishida said the earthquake in Japan had killed 200 people.", "2024-01-03",
       "Officials said 100 people had been killed.", "2024-01-05", "", ""},
  });
}

TEST_CASE("non-counts never become quantity claims") {
  struct NonCount {
    const char* text;
    double not_value;  // no quantity claim may carry this value
  };
  const NonCount cases[] = {
      {"ضرب زلزال بقوة 7.6 درجات على بعد 30 كيلومترا من مدينة واجيما وقتل 20 شخصا.", 30},
      {"قتل 20 شخصا في الزلزال، وللاستفسار اتصلوا على الرقم 0300-1234567.", 1234567},
      {"The quake killed 20 people; flight 516 landed safely.", 516},
      {"قتل 20 شخصا في الزلزال الذي وقع عام 2024.", 2024},
  };
  for (const NonCount& c : cases) {
    CAPTURE(c.text);
    for (const factlint::Claim& claim : factlint::testing::ClaimsOf(c.text, "2024-01-02")) {
      if (const auto* q = claim.get<factlint::QuantityFacts>()) {
        CAPTURE(claim.value);
        CHECK(q->stated != doctest::Approx(c.not_value));
      }
    }
  }
}

TEST_CASE("explain: says why two claims were or were not compared") {
  std::vector<factlint::Document> docs;
  docs.push_back(factlint::testing::MakeDocument("استشهد 40 فلسطينيا خلال الـ24 ساعة الماضية في الحرب على غزة.", "a.txt",
                                                 "2024-08-01"));
  docs.push_back(factlint::testing::MakeDocument("ارتفعت حصيلة الحرب على غزة إلى 40 ألف قتيل.", "b.txt", "2024-08-01"));
  const auto& engine = factlint::testing::SharedEngine();
  const factlint::CheckResult r = engine.Collect(docs);
  REQUIRE(r.claims.size() >= 2);
  std::string a, b;
  for (const auto& c : r.claims) {
    if (c.get<factlint::QuantityFacts>() && c.doc == "a.txt") a = c.id;
    if (c.get<factlint::QuantityFacts>() && c.doc == "b.txt") b = c.id;
  }
  auto text = factlint::ExplainPair(engine, r.documents, r.claims, a, b);
  REQUIRE(text.ok());
  CHECK(text.value().find("decision: not compared") != std::string::npos);
  CHECK(text.value().find("[rule: frame.") != std::string::npos);
  CHECK(text.value().find("war/") != std::string::npos);
  CHECK_FALSE(factlint::ExplainPair(engine, r.documents, r.claims, a, "nope#1").ok());
}

TEST_CASE("explain: a figure of a longer story, and one placed by its story") {
  std::vector<factlint::Document> docs;
  docs.push_back(factlint::testing::MakeDocument(
      "Pager blasts across Lebanon kill 12 people. Cross-border fire has killed hundreds of people in Lebanon since "
      "October 2023.", "a.txt", "2024-09-18"));
  docs.push_back(factlint::testing::MakeDocument("The pager blasts in Lebanon killed 12 people, the health ministry said.",
                                                 "b.txt", "2024-09-18"));
  const auto& engine = factlint::testing::SharedEngine();
  const factlint::CheckResult r = engine.Collect(docs);
  std::string longer, toll;
  for (const auto& c : r.claims) {
    if (c.get<factlint::QuantityFacts>() && c.doc == "a.txt" && c.incident.local == factlint::kOutsideIncident) longer = c.id;
    if (c.get<factlint::QuantityFacts>() && c.doc == "b.txt") toll = c.id;
  }
  REQUIRE(!longer.empty());
  REQUIRE(!toll.empty());
  auto text = factlint::ExplainPair(engine, r.documents, r.claims, longer, toll);
  REQUIRE(text.ok());
  CHECK(text.value().find("[rule: abstain.longer-story]") != std::string::npos);
}
