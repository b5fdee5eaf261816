// Table-driven extraction tests: realistic Arabic and English news sentences
// and what a careful reader expects the engine to take from them.
//
// The cases live in extract_cases_ar.inc and extract_cases_en.inc, each row
//
//   {text, kind, expect, doc_date, known_gap}
//
// and in tests/tables/{ar,en}_*.tsv (the language is the file name's prefix;
// the document declares that language), one case a line, tab-separated:
//
//   text <TAB> kind <TAB> expect [<TAB> doc_date [<TAB> note]]
//
// where a note starting "GAP:" marks a known gap and says why; lines
// starting with "#" and blank lines are comments.
//
// kind    what to look for:
//           quantity | date | duration | officeholder | person  — a claim of that kind
//           time | number                                       — a raw mention of that kind
//           !quantity | !date | !duration | !officeholder        — NO such claim (or, with
//                                                                  `ev=`, none whose evidence
//                                                                  contains that text)
// expect  "key=value; key=value; ..." — every key must hold on ONE claim (or mention):
//           common:      subject, value, rule, lang, ev (substring of the evidence text)
//           quantity:    stated, low, high, q (qualifier), event, who, where, since, on,
//                        source (substring), hedge, unit
//           date:        iso, precision, event, relation
//           duration:    low, high (days), what, stated
//           officeholder office, jur, inferred (0/1), person, key, time,
//                        held (0/1: rules/kb/offices.yaml says `key` held jur/office on
//                        the document date)
//           person:      person, key
//           mentions:    value, low, high, rule, ev; times also precision, relation
//         Numbers compare with a small tolerance; "inf" is +infinity.  A key
//         written "key~value" checks a substring instead of equality.
// doc_date the document's date (ISO), for relative dates; "" when undated.
// known_gap  true when the engine is known to get the case wrong (an engine
//            bug, not a missing word): checked with WARN so the suite stays
//            green while the gap stays visible.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "factlint/civil_date.h"
#include "factlint/claim.h"
#include "factlint/document.h"
#include "factlint/engine.h"
#include "factlint/knowledge.h"
#include "factlint/mention.h"
#include "factlint/rules.h"
#include "test_support.h"

namespace factlint {
namespace {

constexpr bool kGap = true;

struct Case {
  const char* text;
  const char* kind;
  const char* expect;
  const char* doc_date = "";
  bool known_gap = false;
};

const Case kArabicCases[] = {
#include "extract_cases_ar.inc"
};

const Case kEnglishCases[] = {
#include "extract_cases_en.inc"
};

// One case of either source, with where it comes from for messages.
struct TableCase {
  std::string text, kind, expect, doc_date;
  bool known_gap = false;
  std::string where;  // "extract_cases_ar.inc #3" or "tables/ar_numbers.tsv:12"
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
    out.push_back(line.substr(start, tab - start));
  }
  out.push_back(line.substr(start));
  return out;
}

// The cases of one language: the .inc rows, then every tables/<lang>_*.tsv.
std::vector<TableCase> CasesOf(const std::string& lang) {
  std::vector<TableCase> out;
  const Case* inc = lang == "ar" ? std::begin(kArabicCases) : std::begin(kEnglishCases);
  const size_t n = lang == "ar" ? std::size(kArabicCases) : std::size(kEnglishCases);
  for (size_t i = 0; i < n; ++i) {
    out.push_back({inc[i].text, inc[i].kind, inc[i].expect, inc[i].doc_date, inc[i].known_gap,
                   fmt::format("extract_cases_{}.inc #{}", lang, i)});
  }
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(testing::SourceDir() / "tests" / "tables")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(lang + "_", 0) == 0 && entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::istringstream lines(testing::ReadFile(file));
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
      if (line.empty() || line[0] == '#') continue;
      const std::vector<std::string> cols = SplitTabs(line);
      const std::string where = fmt::format("tables/{}:{}", file.filename().string(), number);
      if (cols.size() < 3 || cols.size() > 5) {
        FAIL_CHECK(where << ": want 3 to 5 tab-separated columns, found " << cols.size());
        continue;
      }
      TableCase c{cols[0], cols[1], cols[2], cols.size() > 3 ? cols[3] : "", false, where};
      c.known_gap = cols.size() > 4 && cols[4].rfind("GAP:", 0) == 0;
      out.push_back(std::move(c));
    }
  }
  return out;
}

const std::vector<TableCase>& Cases(const std::string& lang) {
  static const std::vector<TableCase> ar = CasesOf("ar"), en = CasesOf("en");
  return lang == "ar" ? ar : en;
}

const Engine& TheEngine() {
  static std::unique_ptr<Engine> engine = [] {
    auto created = Engine::Create(EngineOptions{});
    if (!created.ok()) FAIL("cannot create the engine: " << created.status().message());
    return std::move(created.value());
  }();
  return *engine;
}

// ---------------------------------------------------------------------------
// Expectations

struct Expectation {
  std::string key;
  std::string value;
  bool contains = false;  // key~value
};

std::string Trim(std::string s) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

std::vector<Expectation> ParseExpect(std::string_view spec) {
  std::vector<Expectation> out;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t end = spec.find(';', start);
    if (end == std::string_view::npos) end = spec.size();
    const std::string item = Trim(std::string(spec.substr(start, end - start)));
    start = end + 1;
    if (item.empty()) continue;
    const size_t eq = item.find_first_of("=~");
    REQUIRE_MESSAGE(eq != std::string::npos, "bad expectation: " << item);
    out.push_back({Trim(item.substr(0, eq)), Trim(item.substr(eq + 1)), item[eq] == '~'});
  }
  return out;
}

std::string Num(double v) {
  if (std::isinf(v)) return "inf";
  return fmt::format("{:g}", v);
}

bool NumberMatches(double actual, const std::string& expected) {
  if (expected == "inf") return std::isinf(actual) && actual > 0;
  char* end = nullptr;
  const double want = std::strtod(expected.c_str(), &end);
  if (end == expected.c_str() || std::isinf(actual)) return false;
  return std::fabs(actual - want) <= std::max(0.6, std::fabs(want) * 1e-3);
}

// The fields of a claim (or mention) as strings; numbers kept apart.
struct Fields {
  std::map<std::string, std::string> text;
  std::map<std::string, double> numbers;
  std::string Describe() const {
    std::string out;
    for (const auto& [k, v] : text) {
      if (!v.empty()) out += fmt::format("{}={}; ", k, v);
    }
    for (const auto& [k, v] : numbers) out += fmt::format("{}={}; ", k, Num(v));
    return out;
  }
};

Fields FieldsOf(const Claim& c) {
  Fields f;
  f.text = {{"kind", c.kind()}, {"subject", c.subject}, {"value", c.value}, {"rule", c.rule},
            {"lang", c.lang},   {"ev", c.text}};
  if (const auto* q = c.get<QuantityFacts>()) {
    f.numbers = {{"stated", q->stated}, {"low", q->range.low}, {"high", q->range.high}};
    f.text.insert({{"q", std::string(Name(q->qualifier))}, {"event", std::string(Name(q->event))},
                   {"who", q->who}, {"where", q->where},
                   {"since", q->since}, {"on", q->on}, {"source", q->source}, {"hedge", q->hedge},
                   {"unit", q->unit}});
  } else if (const auto* d = c.get<DateFacts>()) {
    f.text.insert({{"iso", d->iso}, {"precision", std::string(Name(d->precision))}, {"event", d->event},
                   {"relation", d->relation}});
  } else if (const auto* d = c.get<DurationFacts>()) {
    f.numbers = {{"low", d->days.low}, {"high", d->days.high}};
    f.text.insert({{"what", d->what}, {"stated", d->stated}});
  } else if (const auto* o = c.get<OfficeholderFacts>()) {
    f.text.insert({{"office", o->office}, {"jur", o->jurisdiction}, {"inferred", o->inferred ? "1" : "0"},
                   {"person", o->person}, {"key", o->person_key}, {"time", std::string(Name(o->time))}});
  } else if (const auto* p = c.get<PersonFacts>()) {
    f.text.insert({{"person", p->person}, {"key", p->person_key}});
  }
  return f;
}

Fields FieldsOf(const Mention& m) {
  Fields f;
  f.text = {{"kind", m.kind},           {"rule", m.rule},       {"value", m.value},
            {"ev", m.text},             {"relation", m.relation}, {"precision", m.precision}};
  if (m.kind == "number" || m.kind == "duration") f.numbers = {{"low", m.range.low}, {"high", m.range.high}};
  return f;
}

// Whether rules/kb/offices.yaml has `key` holding `jur`/`office` on `date`.
bool HeldOn(const std::string& jur, const std::string& office, const std::string& key, const std::string& date) {
  const auto day = ParseIsoDate(date);
  if (!day) return false;
  const auto holders = TheEngine().knowledge().HoldersDuring(jur + "/" + office, Period{{day->first, day->last}});
  return std::count(holders.begin(), holders.end(), key) > 0;
}

bool Matches(const Fields& f, const std::vector<Expectation>& expect, const std::string& doc_date) {
  for (const Expectation& e : expect) {
    if (e.key == "held") {
      auto get = [&](const char* k) { return f.text.count(k) ? f.text.at(k) : std::string(); };
      if (HeldOn(get("jur"), get("office"), get("key"), doc_date) != (e.value == "1")) return false;
      continue;
    }
    if (auto n = f.numbers.find(e.key); n != f.numbers.end()) {
      if (!NumberMatches(n->second, e.value)) return false;
      continue;
    }
    auto t = f.text.find(e.key);
    if (t == f.text.end()) {
      // An unknown key is a mistake in the table, not in the engine.
      FAIL_CHECK("no field \"" << e.key << "\" on a " << (f.text.count("kind") ? f.text.at("kind") : "?"));
      return false;
    }
    if (e.contains ? t->second.find(e.value) == std::string::npos : t->second != e.value) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Running one case

struct Outcome {
  bool ok = false;
  std::string seen;                   // what the engine produced, for the failure message
  std::set<std::string> rules_seen;   // rule ids of every claim and mention
};

Outcome Run(const TableCase& c, const std::string& lang) {
  Outcome out;
  LoadResult loaded = ParseDocuments("case.txt", c.text);
  REQUIRE(loaded.documents.size() == 1);
  Document& doc = loaded.documents.front();
  doc.meta.date = c.doc_date;
  doc.meta.lang = lang;
  std::vector<Mention> mentions;
  const std::vector<Claim> claims = TheEngine().Extract(doc, &mentions);
  for (const Claim& cl : claims) out.rules_seen.insert(cl.rule);
  for (const Mention& m : mentions) out.rules_seen.insert(m.rule);

  std::string kind = c.kind;
  const bool negative = !kind.empty() && kind[0] == '!';
  if (negative) kind.erase(0, 1);
  const bool mention_kind = kind == "time" || kind == "number";
  std::vector<Expectation> expect = ParseExpect(c.expect);
  if (!mention_kind && !negative && std::none_of(expect.begin(), expect.end(), [](auto& e) { return e.key == "lang"; })) {
    expect.push_back({"lang", lang});
  }

  std::vector<Fields> candidates;
  if (mention_kind) {
    for (const Mention& m : mentions) {
      if (m.kind == kind) candidates.push_back(FieldsOf(m));
    }
  } else {
    for (const Claim& cl : claims) {
      if (kind == cl.kind()) candidates.push_back(FieldsOf(cl));
    }
  }
  const bool found = std::any_of(candidates.begin(), candidates.end(),
                                 [&](const Fields& f) { return Matches(f, expect, c.doc_date); });
  out.ok = negative ? !found : found;
  for (const Claim& cl : claims) out.seen += "\n    claim   " + FieldsOf(cl).Describe();
  if (mention_kind || out.seen.empty()) {
    for (const Mention& m : mentions) {
      if (m.kind != "word") out.seen += "\n    mention " + FieldsOf(m).Describe();
    }
  }
  if (out.seen.empty()) out.seen = " (nothing)";
  return out;
}

std::set<std::string>& RulesSeen() {
  static std::set<std::string> seen;
  return seen;
}

void RunTable(const std::string& lang) {
  size_t gaps = 0;
  const std::vector<TableCase>& cases = Cases(lang);
  for (const TableCase& c : cases) {
    const Outcome out = Run(c, lang);
    RulesSeen().insert(out.rules_seen.begin(), out.rules_seen.end());
    const std::string what = fmt::format("{}{}\n  text:   {}\n  date:   {}\n  expect: {} {}\n  engine:{}", c.where,
                                         c.known_gap ? " [known gap]" : "", c.text,
                                         c.doc_date.empty() ? "(none)" : c.doc_date, c.kind, c.expect, out.seen);
    INFO(what);
    if (c.known_gap) {
      ++gaps;
      WARN(out.ok);
      if (out.ok) MESSAGE("known gap now passes; drop its known_gap flag: " << c.text);
    } else {
      CHECK(out.ok);
    }
  }
  MESSAGE(lang << ": " << cases.size() << " cases, " << gaps << " known gaps");
}

TEST_CASE("extraction table: Arabic") { RunTable("ar"); }

TEST_CASE("extraction table: English") { RunTable("en"); }

TEST_CASE("extraction table: size and known gaps") {
  const size_t arabic = Cases("ar").size(), english = Cases("en").size();
  const size_t total = arabic + english;
  size_t gaps = 0;
  for (const char* lang : {"ar", "en"}) {
    for (const TableCase& c : Cases(lang)) gaps += c.known_gap;
  }
  MESSAGE(total << " cases, " << arabic << " Arabic (" << 100 * arabic / total << "%), " << gaps << " known gaps");
  CHECK(total >= 700);
  CHECK(arabic * 10 >= total * 6);  // at least 60% Arabic
  CHECK(english >= 80);
  CHECK(gaps * 10 < total);  // under 10% known gaps
}

// Every rules file (and the knowledge base) has at least one case that
// touches one of its rules.  Runs after the tables (doctest runs test cases
// in file order by default; run the tables here if they were filtered out).
TEST_CASE("extraction table: every rules file is covered") {
  if (RulesSeen().empty()) {
    for (const char* lang : {"ar", "en"}) {
      for (const TableCase& c : Cases(lang)) RulesSeen().merge(Run(c, lang).rules_seen);
    }
  }
  namespace fs = std::filesystem;
  const fs::path root = fs::weakly_canonical(BuiltinRulesDir());
  std::map<std::string, int> hits;  // file under rules/ -> rules of it seen
  for (const auto& r : TheEngine().rules().rules()) {
    if (r->file.empty()) continue;
    const std::string rel = fs::weakly_canonical(r->file).lexically_relative(root).generic_string();
    if (rel.empty() || rel.rfind("..", 0) == 0) continue;  // not a built-in rules file
    if (rel.rfind("kb/", 0) == 0) continue;  // knowledge files: tests/tables/officeholders.yaml covers them
    hits[rel] += RulesSeen().count(r->id) ? 1 : 0;
  }
  CHECK(hits.size() >= 14);
  // Rules no case reaches (informational: joiners and stop words have no
  // mention of their own).
  std::string unseen;
  for (const auto& r : TheEngine().rules().rules()) {
    if (!RulesSeen().count(r->id) && r->id.rfind("person.", 0) != 0) unseen += " " + r->id;
  }
  MESSAGE(hits.size() << " rules files covered; rules without a case:" << (unseen.empty() ? " none" : unseen));
  for (const auto& [file, n] : hits) {
    INFO("rules file without a case: " << file);
    CHECK(n > 0);
  }
  // rules/kb/offices.yaml holds no rules: the `held=` checks of the
  // officeholder cases read it.  Make sure some exist.
  size_t held = 0;
  for (const char* lang : {"ar", "en"}) {
    for (const TableCase& c : Cases(lang)) held += c.expect.find("held=") != std::string::npos;
  }
  CHECK(held >= 4);
  CHECK(TheEngine().knowledge().Knows("us/secretary-of-state"));
}

}  // namespace
}  // namespace factlint
