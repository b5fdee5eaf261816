// Clock times with their zones: a local time and its UTC equivalent are one
// instant when the place's offset on that day makes them so; a pair that
// one document gives and that the offset does not join is a finding; a
// place whose offset is unknown or not single abstains.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "compare/compare_context.h"
#include "factlint/check.h"
#include "factlint/civil_date.h"
#include "test_support.h"

namespace {

struct Doc {
  const char* text;
  const char* date;
};

// The "time" findings of a check of `docs` (a.txt, b.txt, ...).
std::vector<factlint::Finding> TimeFindings(const std::vector<Doc>& docs) {
  std::vector<factlint::Document> documents;
  for (size_t i = 0; i < docs.size(); ++i) {
    documents.push_back(factlint::testing::MakeDocument(docs[i].text, std::string(1, char('a' + i)) + ".txt", docs[i].date));
  }
  auto result = factlint::testing::SharedEngine().Check(documents);
  std::vector<factlint::Finding> out;
  std::copy_if(result.findings.begin(), result.findings.end(), std::back_inserter(out),
               [](const factlint::Finding& f) { return f.kind == "time"; });
  return out;
}

int64_t Day(const char* iso) { return factlint::ParseIsoDate(iso)->first; }

}  // namespace

TEST_CASE("clock rule: a country's offset from UTC on a day, from ICU's zones") {
  CHECK(factlint::UtcOffsetMinutes("tr", Day("2023-02-06")) == 180);
  CHECK(factlint::UtcOffsetMinutes("lb", Day("2020-08-04")) == 180);  // summer time
  CHECK(factlint::UtcOffsetMinutes("lb", Day("2024-01-15")) == 120);
  CHECK(factlint::UtcOffsetMinutes("gb", Day("2024-01-15")) == 0);
  CHECK(factlint::UtcOffsetMinutes("in", Day("2024-01-15")) == 330);
  CHECK_FALSE(factlint::UtcOffsetMinutes("us", Day("2024-01-15")).has_value());  // several zones
  CHECK_FALSE(factlint::UtcOffsetMinutes("ru", Day("2024-01-15")).has_value());
  CHECK_FALSE(factlint::UtcOffsetMinutes("", Day("2024-01-15")).has_value());
  CHECK_FALSE(factlint::UtcOffsetMinutes("zz", Day("2024-01-15")).has_value());
}

TEST_CASE("clock rule: a local time and the UTC time one document gives for it") {
  struct Case {
    Doc doc;
    bool finding;
  } cases[] = {
      // Turkey, UTC+3
      {{"ضرب زلزال بقوة 7.8 درجات جنوب تركيا. ووقع الزلزال الساعة 4:17 فجرًا بالتوقيت المحلي (01:17 ت.غ) قرب غازي عنتاب.",
        "2023-02-06"}, false},
      {{"ضرب زلزال بقوة 7.8 درجات جنوب تركيا. ووقع الزلزال الساعة 4:17 فجرًا بالتوقيت المحلي (02:17 ت.غ) قرب غازي عنتاب.",
        "2023-02-06"}, true},
      {{"ضرب زلزال جنوب تركيا. ووقع الزلزال الساعة 23:11 بالتوقيت المحلي (20:11 ت.غ).", "2023-02-06"}, false},
      {{"ضرب زلزال جنوب تركيا. ووقع الزلزال الساعة 23:11 بالتوقيت المحلي (22:11 ت.غ).", "2023-02-06"}, true},
      {{"A 7.8-magnitude earthquake struck southern Turkey. The earthquake struck at 4:17 a.m. local time (01:17 GMT) "
        "near Gaziantep.", "2023-02-06"}, false},
      {{"A 7.8-magnitude earthquake struck southern Turkey. The earthquake struck at 4:17 a.m. local time (02:17 GMT) "
        "near Gaziantep.", "2023-02-06"}, true},
      // Lebanon keeps summer time: UTC+3 in August, so 16:08 is the winter offset
      {{"هز انفجار ضخم مرفأ بيروت في لبنان. ووقع الانفجار الساعة 18:08 بالتوقيت المحلي (15:08 ت.غ).", "2020-08-04"}, false},
      {{"هز انفجار ضخم مرفأ بيروت في لبنان. ووقع الانفجار الساعة 18:08 بالتوقيت المحلي (16:08 ت.غ).", "2020-08-04"}, true},
      {{"A huge explosion ripped through the port of Beirut, Lebanon. The explosion happened at 18:08 local time "
        "(16:08 GMT).", "2020-08-04"}, true},
      // No country, or one of several zones: abstain
      {{"ووقع الانفجار الساعة 23:11 بالتوقيت المحلي (20:11 ت.غ).", "2023-02-06"}, false},
      {{"A powerful earthquake struck California. The earthquake struck at 11:11 p.m. local time (0911 GMT).",
        "2023-02-06"}, false},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.doc.text));
    CHECK(TimeFindings({c.doc}).size() == (c.finding ? 1u : 0u));
  }
}

TEST_CASE("clock rule: documents timing one event agree when their instants do") {
  const Doc local_ar{"ضرب زلزال بقوة 7.8 درجات جنوب تركيا. ووقع الزلزال الساعة 4:17 فجرًا بالتوقيت المحلي قرب غازي عنتاب.",
                     "2023-02-06"};
  const Doc gmt_en{"A 7.8-magnitude earthquake struck southern Turkey. The earthquake struck at 01:17 GMT near Gaziantep.",
                   "2023-02-06"};
  const Doc other_gmt_en{"A 7.8-magnitude earthquake struck southern Turkey. The earthquake struck at 03:17 GMT near "
                         "Gaziantep.", "2023-02-06"};
  CHECK(TimeFindings({local_ar, gmt_en}).empty());
  const auto findings = TimeFindings({local_ar, other_gmt_en});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("01:17 UTC") != std::string::npos);
  CHECK(findings[0].message.find("03:17 UTC") != std::string::npos);
}
