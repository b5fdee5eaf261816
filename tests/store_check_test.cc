// The CI gate: published articles in the claim store, new ones checked
// against them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "test_support.h"

using factlint::testing::RunFactlint;

TEST_CASE("store gate: seeds 000-002 stored, 003 and 004 checked against them") {
  const auto seeds = factlint::testing::SeedsDir();
  if (seeds.empty()) return;
  factlint::testing::TempDir tmp;
  const std::string store = (tmp.path() / "claims.db").string();
  const std::string meta = " --meta '" + (seeds / "meta.yaml").string() + "'";
  std::string stored, fresh;
  for (const char* id : {"000_547c2e3fa83e156c.txt", "001_cee4d09742974433.txt", "002_fa74424bcadbb66f.txt"}) {
    stored += " '" + (seeds / id).string() + "'";
  }
  for (const char* id : {"003_d4b8c78146bb3eea.txt", "004_f36a61c3223500bf.txt"}) fresh += " '" + (seeds / id).string() + "'";

  const auto add = RunFactlint("store add --quiet --store '" + store + "'" + meta + stored);
  REQUIRE(add.status == 0);
  CHECK(add.out.find("3 documents read, 3 added or changed") != std::string::npos);
  // Idempotent: the same documents again change nothing.
  CHECK(RunFactlint("store add --quiet --store '" + store + "'" + meta + stored).out.find("0 added or changed") !=
        std::string::npos);
  CHECK(RunFactlint("store list --store '" + store + "'").out.find("001_cee4d09742974433.txt\t2024-08-19") !=
        std::string::npos);
  CHECK(RunFactlint("store stats --store '" + store + "'").out.find("documents 3") != std::string::npos);

  const auto report = tmp.path() / "r.json";
  const auto check = RunFactlint("check --quiet --format json --out '" + report.string() + "' --store '" + store + "'" +
                                 meta + fresh);
  CHECK(check.status == 1);
  const std::string score = factlint::testing::ScoreAgainstGold(report);
  // Every gold conflict involves 003 or 004, so all are found through the store.
  CHECK(score == "core 3/3 stretch 2/2 non-conflicts violated 0/8 other findings 0\n");
  std::ifstream in(report);
  const auto json = nlohmann::json::parse(in);
  size_t from_store = 0;
  for (const auto& d : json["documents"]) from_store += d["from_store"].get<bool>();
  CHECK(from_store >= 2);  // 001 (Blinken, Biden, 40,000) and the Rubio articles

  CHECK(RunFactlint("store remove --store '" + store + "' 002_fa74424bcadbb66f.txt").status == 0);
  CHECK(RunFactlint("store remove --store '" + store + "' nope.txt").status == 2);
  CHECK(RunFactlint("store stats --store '" + store + "'").out.find("documents 2") != std::string::npos);
}

TEST_CASE("store gate: a file that is not a store is named") {
  factlint::testing::TempDir tmp;
  const auto bogus = tmp.Write("bogus.db", "this is not sqlite, just text that is long enough to look like a file\n");
  const auto r = RunFactlint("store stats --store '" + bogus.string() + "'");
  CHECK(r.status == 2);
  CHECK(r.err.find("bogus.db") != std::string::npos);
}

// A newsroom's store holds every story; a new article about one earthquake
// is checked against the stored reports of that earthquake only.
TEST_CASE("store gate: the news corpus stored, a new Noto article meets only its incident") {
  const auto news = factlint::testing::SourceDir() / "tests" / "corpus" / "news";
  factlint::testing::TempDir tmp;
  const std::string store = (tmp.path() / "news.db").string();
  const std::string fresh_name = "noto_05_ar.txt";
  std::string stored;
  size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(news)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".txt" || name == fresh_name) continue;
    stored += " '" + entry.path().string() + "'";
    ++count;
  }
  REQUIRE(count >= 40);
  REQUIRE(RunFactlint("store add --quiet --store '" + store + "'" + stored).status == 0);

  const auto report = tmp.path() / "noto.json";
  const auto check = RunFactlint("check --quiet --format json --out '" + report.string() + "' --store '" + store +
                                 "' '" + (news / fresh_name).string() + "'");
  CHECK(check.status == 1);
  std::ifstream in(report);
  const auto json = nlohmann::json::parse(in);
  std::map<std::string, nlohmann::json> claims;
  for (const auto& c : json["claims"]) claims[c["id"].get<std::string>()] = c;
  bool later_smaller = false;
  for (const auto& f : json["findings"]) {
    const std::string key = f["subject_key"].get<std::string>();
    INFO("finding: " << f["message"].get<std::string>());
    // Only the Noto earthquake's figures and dates, and Japan's offices.
    const bool about_noto = key.rfind("earthquake/jp/", 0) == 0 || key.rfind("office/jp/", 0) == 0 ||
                            f.value("incident", "").rfind("earthquake/jp/", 0) == 0;
    CHECK(about_noto);
    std::set<std::string> values;
    for (const auto& side : f["sides"]) {
      for (const auto& id : side["claims"]) values.insert(claims[id.get<std::string>()]["value"].get<std::string>());
    }
    later_smaller |= values.count("126") && values.count("98");
  }
  CHECK(later_smaller);  // 126 stored (noto_04, 6 January) against the new 98 (7 January)
}
