// The pipeline's store gate (src/pipeline): which stored claims a check
// reads.  Figures and incident dates are read by incident type, country and
// time, so that an article about one earthquake meets the archive of that
// earthquake only, and never less than the claim graph would join.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "factlint/pipeline.h"
#include "factlint/store.h"
#include "test_support.h"

namespace factlint {
namespace {

using testing::SharedEngine;

// A death toll of an earthquake in `country` on `day` ("" unknown), stated
// by document `doc` of `doc_date`.
Claim Toll(const std::string& doc, const std::string& doc_date, const std::string& country, const std::string& day,
           const std::string& type = "earthquake") {
  Claim c;
  c.id = doc + "#0";
  c.doc = doc;
  c.subject = "killed/any";
  c.value = "10";
  c.text = "10 people were killed";
  c.sentence_text = "At least 10 people were killed.";
  c.rule = "test.rule";
  c.lang = "en";
  c.doc_date = doc_date;
  c.incident = IncidentFacts{type, country, "", day, "main", false};
  QuantityFacts q;
  q.range = Interval{10, 10};
  q.stated = 10;
  q.qualifier = Qualifier::kExact;
  q.event = Measure::kKilled;
  c.facts = q;
  return c;
}

DocumentInfo DocOf(const Claim& c) { return DocumentInfo{c.doc, c.doc + ".txt", "en", c.doc_date, false}; }

// The archive: two earthquakes in Japan a week apart, one in Turkey on the
// day of the first, and an older Japanese report that dates no quake.
const std::vector<Claim>& Archive() {
  static const std::vector<Claim> archive = {
      Toll("jp-jan1", "2024-01-02", "jp", "2024-01-01"),
      Toll("jp-jan8", "2024-01-09", "jp", "2024-01-08"),
      Toll("tr-jan1", "2024-01-02", "tr", "2024-01-01"),
      Toll("jp-undated", "2023-06-01", "jp", ""),
  };
  return archive;
}

std::set<std::string> StoredDocsMet(ClaimStore& store, const Claim& fresh) {
  CheckResult result;
  result.documents.push_back(DocOf(fresh));
  result.claims.push_back(fresh);
  Status s = MergeStoredClaims(SharedEngine(), store, 0, &result);
  REQUIRE_MESSAGE(s.ok(), s.message());
  std::set<std::string> met;
  for (const DocumentInfo& d : result.documents) {
    if (d.from_store) met.insert(d.id);
  }
  return met;
}

TEST_CASE("the store gate reads stored figures by incident type, country and day") {
  testing::TempDir tmp;
  auto opened = ClaimStore::Open((tmp.path() / "claims.db").string());
  REQUIRE_MESSAGE(opened.ok(), opened.status().message());
  ClaimStore& store = *opened.value();
  for (const Claim& c : Archive()) {
    REQUIRE(store.Add(DocOf(c), ContentHash(c.doc), {c}, nullptr).ok());
  }
  struct Case {
    const char* name;
    Claim fresh;
    std::set<std::string> met;
  };
  const Case cases[] = {
      {"the first Japanese quake, a day later", Toll("new", "2024-01-03", "jp", "2024-01-02"),
       {"jp-jan1", "jp-undated"}},
      {"the second Japanese quake", Toll("new", "2024-01-10", "jp", "2024-01-08"), {"jp-jan8", "jp-undated"}},
      {"the Turkish quake", Toll("new", "2024-01-02", "tr", "2024-01-01"), {"tr-jan1"}},
      // No day: the article's date and the type's lookback (45 days) bound it.
      {"no day, dated the day after the first", Toll("new", "2024-01-02", "jp", ""), {"jp-jan1", "jp-undated"}},
      {"no day, no date: every Japanese quake", Toll("new", "", "jp", ""), {"jp-jan1", "jp-jan8", "jp-undated"}},
      {"no country: every quake that day", Toll("new", "2024-01-02", "", "2024-01-01"),
       {"jp-jan1", "tr-jan1", "jp-undated"}},
      {"a quake in a country the archive lacks", Toll("new", "2024-01-02", "cl", "2024-01-01"), {}},
      {"a flood that day in Japan", Toll("new", "2024-01-02", "jp", "2024-01-01", "flood"), {}},
      {"a quake two days after the first", Toll("new", "2024-01-04", "jp", "2024-01-03"),
       {"jp-jan1", "jp-undated"}},
      {"a quake four days after the first", Toll("new", "2024-01-06", "jp", "2024-01-05"), {"jp-undated"}},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.name));
    CHECK(StoredDocsMet(store, c.fresh) == c.met);
  }
}

// The graph joins incidents transitively (connected components): a stored
// report that meets the new one's incident brings the reports it meets.
TEST_CASE("the store gate follows incidents the graph would join through a stored one") {
  testing::TempDir tmp;
  auto opened = ClaimStore::Open((tmp.path() / "claims.db").string());
  REQUIRE_MESSAGE(opened.ok(), opened.status().message());
  ClaimStore& store = *opened.value();
  const std::vector<Claim> chain = {
      Toll("day3", "2024-01-04", "jp", "2024-01-03"),
      Toll("day5", "2024-01-06", "jp", "2024-01-05"),
      Toll("day7", "2024-01-08", "jp", "2024-01-07"),
      Toll("day12", "2024-01-13", "jp", "2024-01-12"),
  };
  for (const Claim& c : chain) REQUIRE(store.Add(DocOf(c), ContentHash(c.doc), {c}, nullptr).ok());
  // Day 1 meets day 3 (windows of a day each side), day 3 meets day 5, day 5
  // meets day 7; day 12 is out of reach.
  CHECK(StoredDocsMet(store, Toll("new", "2024-01-02", "jp", "2024-01-01")) ==
        std::set<std::string>{"day3", "day5", "day7"});

  // What the graph joins, with every stored report merged: the same ones.
  CheckResult all;
  all.documents.push_back(DocOf(Toll("new", "2024-01-02", "jp", "2024-01-01")));
  all.claims.push_back(Toll("new", "2024-01-02", "jp", "2024-01-01"));
  for (const Claim& c : chain) {
    all.documents.push_back(DocOf(c));
    all.claims.push_back(c);
  }
  ClaimGraph graph(all.documents, all.claims, SharedEngine().rules());
  std::set<std::string> joined;
  for (size_t i = 1; i < all.claims.size(); ++i) {
    if (graph.IncidentOf(i) == graph.IncidentOf(0)) joined.insert(all.claims[i].doc);
  }
  CHECK(joined == std::set<std::string>{"day3", "day5", "day7"});
}

// The same through the whole pipeline, on articles we wrote: store add, then
// check --store.
TEST_CASE("check --store: a new article about one quake meets only that quake's stored reports") {
  using testing::MakeDocument;
  const std::vector<Document> archive = {
      MakeDocument("زلزال قوي يضرب وسط اليابان\n\nضرب زلزال بقوة 7.5 درجات شبه جزيرة نوتو في محافظة إيشيكاوا في "
                   "اليابان في الأول من يناير 2024، ما أسفر عن مقتل 64 شخصا على الأقل بحسب السلطات.\n",
                   "jp-jan1.txt", "2024-01-02"),
      MakeDocument("هزة أرضية في هوكايدو\n\nضرب زلزال بقوة 6.1 درجات جزيرة هوكايدو في اليابان في الثامن من "
                   "يناير 2024، ما أسفر عن مقتل 3 أشخاص بحسب السلطات.\n",
                   "jp-jan8.txt", "2024-01-09"),
      MakeDocument("زلزال في شرق تركيا\n\nضرب زلزال بقوة 5.9 درجات ولاية ملاطية في تركيا في الأول من يناير "
                   "2024، ما أسفر عن مقتل 4 أشخاص بحسب السلطات.\n",
                   "tr-jan1.txt", "2024-01-02"),
  };
  testing::TempDir tmp;
  CheckRequest request;
  request.store = (tmp.path() / "claims.db").string();
  {
    auto store = ClaimStore::Open(request.store, StoreMode::kCreate);
    REQUIRE_MESSAGE(store.ok(), store.status().message());
    size_t changed = 0;
    Status s = AddToStore(SharedEngine(), archive, *store.value(), &changed);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(changed == 3);
  }
  struct Case {
    const char* name;
    const char* text;
    const char* date;
    std::set<std::string> met;
  };
  const Case cases[] = {
      {"the Noto quake, dated",
       "ارتفاع حصيلة زلزال اليابان\n\nارتفعت حصيلة ضحايا الزلزال الذي ضرب محافظة إيشيكاوا في اليابان في الأول "
       "من يناير 2024 إلى 92 قتيلا، بحسب السلطات المحلية.\n",
       "2024-01-04", {"jp-jan1.txt"}},
      // No day: type and country, within the type's lookback before the date.
      {"a Japanese quake, undated",
       "حصيلة الزلزال في اليابان\n\nارتفعت حصيلة ضحايا الزلزال في اليابان إلى 92 قتيلا، بحسب السلطات المحلية.\n",
       "2024-01-10", {"jp-jan1.txt", "jp-jan8.txt"}},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.name));
    auto checked = RunCheck(SharedEngine(), {MakeDocument(c.text, "new.txt", c.date)}, request);
    REQUIRE_MESSAGE(checked.ok(), checked.status().message());
    std::set<std::string> met;
    for (const DocumentInfo& d : checked->documents) {
      if (d.from_store) met.insert(d.id);
    }
    CHECK(met == c.met);
    for (const Finding& f : checked->findings) {
      CAPTURE(f.message);
      bool involves_new = false;
      for (const Side& side : f.sides) {
        for (const std::string& id : side.claims) involves_new |= id.rfind("new.txt#", 0) == 0;
      }
      CHECK(involves_new);
    }
  }
  // A store that is not there fails the check, and is not created.
  request.store = (tmp.path() / "missing.db").string();
  auto missing = RunCheck(SharedEngine(), archive, request);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("no such store") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(request.store));
}

}  // namespace
}  // namespace factlint
