// The command line: help, version, exit status contract, formats, stdin.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

using factlint::testing::RunFactlint;
using factlint::testing::TempDir;

TEST_CASE("cli: --version and --help describe the tool and every command") {
  CHECK(RunFactlint("--version").out.find("factlint 0.") == 0);
  for (const char* cmd : {"check", "extract", "graph", "store add", "store list", "store stats", "store remove"}) {
    INFO(cmd);
    const auto r = RunFactlint(std::string(cmd) + " --help");
    CHECK(r.status == 0);
    CHECK(r.out.find("--") != std::string::npos);
  }
  const auto check = RunFactlint("check --help");
  for (const char* option : {"--meta", "--rules", "--kb", "--format", "--out", "--fail-on", "--store", "--baseline",
                             "--write-baseline", "--tolerance", "--quiet"}) {
    CHECK(check.out.find(option) != std::string::npos);
  }
}

TEST_CASE("cli: exit status 0 clean, 1 findings, 2 bad input or usage") {
  TempDir dir;
  const auto a = dir.Write("a.txt", "قتل أكثر من 40 ألف فلسطيني في الحرب على غزة.");
  const auto b = dir.Write("b.txt", "قتل نحو 12 ألف فلسطيني في الحرب على غزة.");
  const auto bad = dir.Write("bad.txt", std::string("\xFF", 1));
  CHECK(RunFactlint("check --quiet --format json '" + a.string() + "'").status == 0);
  CHECK(RunFactlint("check --quiet --format json '" + a.string() + "' '" + b.string() + "'").status == 1);
  const auto rejected = RunFactlint("check --quiet --format json '" + a.string() + "' '" + bad.string() + "'");
  CHECK(rejected.status == 2);
  CHECK(rejected.err.find("bad.txt: byte 0") != std::string::npos);
  CHECK(RunFactlint("check --fail-on nonsense '" + a.string() + "'").status == 2);
  CHECK(RunFactlint("check --format pdf '" + a.string() + "'").status == 2);
  CHECK(RunFactlint("frobnicate").status == 2);
  // The finding is an error: with --fail-on error it fails, and a warning-only run passes.
  const auto c = dir.Write("c.txt", "قتل 100 شخص في الحرب على غزة.");
  const auto d = dir.Write("d.txt", "قتل 105 أشخاص في الحرب على غزة.");
  CHECK(RunFactlint("check --quiet --format json '" + c.string() + "' '" + d.string() + "'").status == 0);
  CHECK(RunFactlint("check --quiet --fail-on warning --format json '" + c.string() + "' '" + d.string() + "'").status == 1);
}

TEST_CASE("cli: extract prints the claim contract as JSON Lines, from stdin too") {
  const auto r = RunFactlint("extract -", "وأسفرت عن مقتل نحو 12 ألف فلسطيني وفقًا لتقديرات أولية.");
  REQUIRE(r.status == 0);
  const auto claim = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  for (const char* key : {"id", "doc", "kind", "subject", "value", "text", "span", "line", "column", "sentence", "rule",
                          "lang", "low", "high", "exact", "qualifier", "event", "who", "where", "since", "source", "hedge"}) {
    INFO(key);
    CHECK(claim.contains(key));
  }
  CHECK(claim["doc"] == "stdin");
  CHECK(claim["text"] == "نحو 12 ألف فلسطيني");
  CHECK(claim["low"] == doctest::Approx(10800));
  const auto mentions = RunFactlint("extract --mentions -", "قتل 5 أشخاص في 7 أكتوبر 2023 بحسب الوزير ماركو روبيو");
  for (const char* kind : {"\"kind\":\"number\"", "\"kind\":\"time\"", "\"kind\":\"name\""}) {
    CHECK(mentions.out.find(kind) != std::string::npos);
  }
}

TEST_CASE("cli: several formats and outputs in one run, written atomically") {
  TempDir dir;
  const auto a = dir.Write("a.txt", "قتل أكثر من 40 ألف فلسطيني في الحرب على غزة.");
  const auto b = dir.Write("b.txt", "قتل نحو 12 ألف فلسطيني في الحرب على غزة.");
  const auto json = dir.path() / "r.json";
  const auto md = dir.path() / "r.md";
  const auto r = RunFactlint("check --quiet -f json -o '" + json.string() + "' -f markdown -o '" + md.string() +
                             "' -f github '" + a.string() + "' '" + b.string() + "'");
  CHECK(r.status == 1);
  CHECK(std::filesystem::exists(json));
  CHECK(std::filesystem::exists(md));
  CHECK(r.out.find("::error") != std::string::npos);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
  }
}

TEST_CASE("cli: graph writes DOT and JSON") {
  TempDir dir;
  const auto a = dir.Write("a.txt", "وزير الخارجية الأمريكي أنتوني بلينكين");
  const auto dot = RunFactlint("graph '" + a.string() + "'");
  CHECK(dot.status == 0);
  CHECK(dot.out.find("graph G {") != std::string::npos);
  const auto json = RunFactlint("graph --format json '" + a.string() + "'");
  CHECK(nlohmann::json::parse(json.out).contains("edges"));
}

TEST_CASE("cli: baseline accepts findings; .factlint.yaml sets defaults") {
  TempDir dir;
  const auto a = dir.Write("a.txt", "قتل أكثر من 40 ألف فلسطيني في الحرب على غزة.");
  const auto b = dir.Write("b.txt", "قتل نحو 12 ألف فلسطيني في الحرب على غزة.");
  const auto baseline = dir.path() / "baseline.json";
  const std::string docs = " '" + a.string() + "' '" + b.string() + "'";
  CHECK(RunFactlint("check --quiet -f json --write-baseline '" + baseline.string() + "'" + docs).status == 1);
  const auto accepted = RunFactlint("check --quiet -f json --baseline '" + baseline.string() + "'" + docs);
  CHECK(accepted.status == 0);
  CHECK(nlohmann::json::parse(accepted.out)["findings"][0]["baselined"] == true);
  CHECK(RunFactlint("check --quiet --baseline '" + (dir.path() / "nope.json").string() + "'" + docs).status == 2);
  // A config file found upward from the working directory.
  dir.Write(".factlint.yaml", "fail-on: info\nformat: [json]\n");
  const auto c = dir.Write("sub/c.txt", "قتل 100 شخص في الحرب على غزة.");
  const auto d = dir.Write("sub/d.txt", "قتل 105 أشخاص في الحرب على غزة.");
  const std::string cmd = "cd '" + (dir.path() / "sub").string() + "' && NO_COLOR=1 '" FACTLINT_BINARY
                          "' check --quiet c.txt d.txt > /dev/null 2>&1";
  const int raw = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(raw) == 1);  // the warning fails at fail-on: info
}
