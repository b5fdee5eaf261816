// Rules as data: the loader's errors, and every rule's own examples.
#include <doctest/doctest.h>

#include <set>

#include "factlint/fold.h"
#include "factlint/mention.h"
#include "factlint/rules.h"
#include "rules/compiled.h"
#include "test_support.h"

using factlint::RuleSet;
using factlint::testing::TempDir;

namespace {

std::string LoadError(const std::string& file, const std::string& yaml) {
  TempDir dir;
  dir.Write(file, yaml);
  auto set = RuleSet::Load({dir.path().string()});
  return set.ok() ? "" : set.status().message();
}

}  // namespace

TEST_CASE("rules: a bad rules file is rejected with file, line and reason") {
  struct Case {
    const char* yaml;
    const char* expected;
  } cases[] = {
      {"rules:\n  - id: a\n    family: event\n    wordz: [x]\n", "line 4: unknown key \"wordz\""},
      {"rules:\n  - id: a\n    family: hedge\n    pattern: '(unclosed'\n", "RE2 error: missing )"},
      {"rules:\n  - id: a\n    family: hedge\n    words: [x]\n  - id: a\n    family: hedge\n    words: [y]\n",
       "line 5: duplicate rule id \"a\""},
      {"rules:\n  - id: a\n    family: event\n    words: 5\n", "line 4: words must be a list or a map"},
      {"rules:\n  - id: a\n    words: [x]\n", "missing \"family\""},
      {"rules:\n  - id: a\n    family: event\n", "exactly one of \"words\" or \"pattern\""},
      {"rules:\n  - id: a\n    family: time\n    pattern: '{nosuchfamily}'\n", "{nosuchfamily} names no word family"},
      {"rules: [\n", "malformed YAML"},
      {"rules:\n  - id: a\n    family: event\n    grows: [1]\n", "\"grows\" must be a single value"},
      // What a figure counts, its state and an officeholder's time are closed sets (claim.h).
      {"rules:\n  - id: en.event.evacuated\n    family: event\n    value: evacuated\n    words: [evacuees]\n",
       "line 4: rule \"en.event.evacuated\": unknown event value \"evacuated\"; allowed: killed, injured, hostages"},
      {"rules:\n  - id: en.measure.wind\n    family: measure\n    pattern: 'wind speed'\n",
       "rule \"en.measure.wind\": unknown measure value \"\"; allowed: killed"},
      {"rules:\n  - id: en.none.sank\n    family: no_survivors\n    value: sunk\n    events: aboard\n"
       "    words: [all hands lost]\n",
       "line 4: rule \"en.none.sank\": unknown no_survivors value \"sunk\"; allowed: killed"},
      {"rules:\n  - id: en.state.freed\n    family: state\n    words: {freed: freed, held: held}\n",
       "rule \"en.state.freed\": unknown state value \"freed\"; allowed: held, held-alive, released"},
      {"rules:\n  - id: en.former.ex\n    family: former\n    value: ex\n    words: [ex]\n",
       "rule \"en.former.ex\": unknown former value \"ex\"; allowed: current, former, acting"},
  };
  for (const Case& c : cases) {
    INFO(c.yaml);
    const std::string error = LoadError("en/bad.yaml", c.yaml);
    CHECK(error.find("bad.yaml") != std::string::npos);
    CHECK(error.find(c.expected) != std::string::npos);
  }
}

TEST_CASE("rules: a user folder overrides a built-in rule by id and adds new ones") {
  TempDir dir;
  dir.Write("en/extra.yaml",
            "rules:\n  - id: en.event.killed\n    family: event\n    value: killed\n    grows: true\n"
            "    words: [slain]\n  - id: en.event.evacuated\n    family: event\n    value: displaced\n"
            "    words: [evacuees]\n");
  auto set = RuleSet::Load({factlint::BuiltinRulesDir(), dir.path().string()});
  REQUIRE(set.ok());
  const factlint::Rule* killed = set.value()->Find("en.event.killed");
  REQUIRE(killed);
  CHECK(killed->words.count("slain") == 1);
  CHECK(killed->words.count("killed") == 0);
  CHECK(set.value()->Find("en.event.evacuated") != nullptr);
}

namespace {

// True when extracting `text` yields a claim or mention from rule `id`
// (with `value` when given).
bool Produces(const std::string& lang, const std::string& id, const factlint::RuleExample& example) {
  const factlint::Document doc = factlint::testing::MakeDocument(example.text, "example.txt", "2025-10-07");
  std::vector<factlint::Mention> mentions;
  const auto claims = factlint::testing::SharedEngine().Extract(doc, &mentions);
  for (const auto& m : mentions) {
    if (m.rule == id && (example.value.empty() || m.value == example.value)) return true;
  }
  for (const auto& c : claims) {
    if (c.rule == id && (example.value.empty() || c.value == example.value)) return true;
  }
  // Word lists the engine only looks words up in: the rule itself must match.
  const auto& rules = factlint::testing::SharedEngine().rules();
  if (!factlint::IsLexiconOnly(rules.Find(id)->family)) return false;
  for (const auto& m : rules.MatchRule(*rules.Find(id), factlint::Fold(example.text), lang)) {
    if (example.value.empty() || m.value == example.value) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("rules: every rule's examples produce it, and its counterexamples do not") {
  const RuleSet& rules = factlint::testing::SharedEngine().rules();
  size_t examples = 0, with_examples = 0;
  std::set<std::string> files;
  for (const auto& rule : rules.rules()) {
    files.insert(rule->file);
    if (!rule->examples.empty()) ++with_examples;
    for (const auto& e : rule->examples) {
      INFO(rule->id << " (" << rule->file << ":" << rule->line << ") on «" << e.text << "» value " << e.value);
      CHECK(Produces(rule->lang, rule->id, e));
      ++examples;
    }
    for (const auto& e : rule->counterexamples) {
      INFO(rule->id << " must not match «" << e.text << "»");
      CHECK_FALSE(Produces(rule->lang, rule->id, factlint::RuleExample{e.text, e.value}));
    }
  }
  CHECK(examples > 150);
  CHECK(with_examples * 10 >= rules.rules().size() * 8);  // at least 80% of rules carry examples
  CHECK(files.size() >= 10);
}
