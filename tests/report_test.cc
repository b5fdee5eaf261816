// Reports: every format against a golden file, plus the properties a golden
// file cannot show on its own (escaping, direction, no external assets,
// atomic writes).
//
// FACTLINT_UPDATE_GOLDEN=1 rewrites tests/golden/report/*.  When
// FACTLINT_TEST_OUT names a directory, the fixture's SARIF and HTML are
// written there for scripts/check-sarif and scripts/check-html.
#include "factlint/report.h"

#include <doctest/doctest.h>

#include "test_support.h"
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "factlint/check.h"
#include "report/escape.h"
#include "report/templates.h"
#include "report/view.h"

namespace factlint {
namespace {

namespace fs = std::filesystem;

// A claim whose span, line and column are where `text` sits in `sentence`,
// the sentence starting at byte `sentence_start`, line `line`, code-point
// column `sentence_column` of its document.
Claim MakeClaim(std::string id, std::string doc, std::string subject, std::string value,
                std::string text, std::string sentence, uint32_t sentence_start, uint32_t line,
                uint32_t sentence_column, std::string lang, ClaimFacts facts) {
  Claim c;
  const size_t at = sentence.find(text);
  REQUIRE(at != std::string::npos);
  c.id = std::move(id);
  c.doc = std::move(doc);
  c.subject = std::move(subject);
  c.value = std::move(value);
  c.span = Span{sentence_start + static_cast<uint32_t>(at),
                sentence_start + static_cast<uint32_t>(at + text.size())};
  c.line = line;
  c.column = sentence_column + static_cast<uint32_t>(report::CodePoints(sentence.substr(0, at)));
  c.sentence = Span{sentence_start, sentence_start + static_cast<uint32_t>(sentence.size())};
  c.text = std::move(text);
  c.sentence_text = std::move(sentence);
  c.rule = "test/" + std::string(c.subject.substr(0, c.subject.find('/')));
  c.lang = std::move(lang);
  c.facts = std::move(facts);
  return c;
}

QuantityFacts Killed(double low, double high, double stated, factlint::Qualifier qualifier) {
  QuantityFacts q;
  q.range = {low, high};
  q.stated = stated;
  q.qualifier = qualifier;
  q.event = factlint::Measure::kKilled;
  q.who = "palestinians";
  q.where = "gaza";
  return q;
}

OfficeholderFacts SecretaryOfState(const char* person, const char* key) {
  OfficeholderFacts o;
  o.office = "secretary-of-state";
  o.jurisdiction = "us";
  o.person = person;
  o.person_key = key;
  return o;
}

// Five documents of the seed corpus (one of them from the claim store) and
// an English wire story; three findings, the last one baselined.
CheckResult Fixture() {
  const std::string d001 = "001_cee4d09742974433.txt";
  const std::string d002 = "002_fa74424bcadbb66f.txt";
  const std::string d003 = "003_d4b8c78146bb3eea.txt";
  const std::string d004 = "004_f36a61c3223500bf.txt";
  const std::string wire = "gaza-update.md";
  CheckResult r;
  r.documents = {
      {d001, "corpus/" + d001, "ar", "2024-08-19", false},
      {d003, "corpus/" + d003, "ar", "2025-10-07", false},
      {d004, "corpus/" + d004, "ar", "2025-10-07", false},
      {wire, "wire/gaza update.md", "en", "2024-08-20", false},
      {d002, "archive/" + d002, "ar", "2025-10-24", true},
  };

  const std::string s001_1 =
      "وصف وزير الخارجية الأمريكي، أنتوني بلينكين، صباح اليوم الإثنين، الدفع الدبلوماسي الأخير "
      "لواشنطن للتوصل إلى اتفاق لوقف إطلاق النار في غزة بأنه «ربما يكون أفضل، وربما الفرصة "
      "الأخيرة» وحث جميع الأطراف على تجاوز خط النهاية ومحاولة الإستجابة الى نداء الهدنة.";
  const std::string s001_11 =
      "قتلت الحملة العسكرية الإسرائيلية اللاحقة ضد المدنيين في غزة أكثر من 40 ألف فلسطينيًا، "
      "معظمهم من المدنيين، وفقًا للسلطات الصحية الفلسطينية، وحولت الكثير من غزة إلى أنقاض.";
  const std::string s003_1 =
      "في سباق مع الزمن، تكثف الولايات المتحدة الأمريكية جهودها الدبلوماسية لتنفيذ اتفاق غزة في "
      "محاولة لإنهاء الحرب التي تدخل عامها الثاني، عبر اتفاق شامل يضمن وقف القتال وإطلاق سراح "
      "الرهائن وبدء مرحلة إعادة الإعمار.";
  const std::string s003_14 =
      "الوضع الحالي يمنح فرصة تاريخية لتحقيق سلام مستدام بعد عامين من الحرب”.";
  const std::string s004_2 =
      "جاءت هذه المباحثات على خلفية الحرب التي اندلعت في السابع من أكتوبر 2023 بين حركة المقاومة "
      "الإسلامية الفلسطينية (حماس) وجنوب إسرائيل، وأسفرت عن مقتل نحو 12 ألف فلسطيني وفقًا لتقديرات "
      "أولية، بينما تم اقتياد 251 شخصًا كرهائن إلى غزة، ما أثار قلق المجتمع الدولي بشأن الأوضاع "
      "الإنسانية في القطاع المحاصر.";
  const std::string s002_4 =
      "كشف وزير الخارجية الأميركي ماركو روبيو أن الدور الأميركي في غزة لا يقتصر على الدعم "
      "السياسي، بل يشمل تبادلًا مستمرًا للمعلومات الاستخباراتية مع الوسطاء الإقليميين، من أجل "
      "إحباط أي تهديد محتمل للهدنة.";
  const std::string wire_3 =
      "Israel's military campaign in Gaza has killed more than 40,000 Palestinians, according to "
      "the Gaza health ministry, and left much of the strip in ruins.";

  QuantityFacts hostages;
  hostages.range = {251, 251};
  hostages.stated = 251;
  hostages.qualifier = factlint::Qualifier::kExact;
  hostages.event = factlint::Measure::kHostages;
  hostages.who = "people";
  DurationFacts second_year{{366, 730}, "war", "entering year 2"};
  DurationFacts two_years{{730, 730}, "war", "2 years"};

  r.claims = {
      MakeClaim(d001 + "#1", d001, "office/us/secretary-of-state", "Antony Blinken",
                "أنتوني بلينكين", s001_1, 0, 1, 1, "ar",
                SecretaryOfState("أنتوني بلينكين", "blinken")),
      MakeClaim(d001 + "#2", d001, "killed/palestinians/gaza", "more than 40,000",
                "أكثر من 40 ألف فلسطينيًا", s001_11, 3980, 11, 1, "ar",
                Killed(40001, Interval::kInfinity, 40000, factlint::Qualifier::kLowerBound)),
      MakeClaim(d003 + "#1", d003, "duration/war", "1-2 years", "تدخل عامها الثاني", s003_1, 0, 1,
                1, "ar", second_year),
      MakeClaim(d003 + "#2", d003, "duration/war", "2 years", "بعد عامين من الحرب", s003_14, 3462,
                14, 84, "ar", two_years),
      MakeClaim(d004 + "#1", d004, "killed/palestinians/gaza", "about 12,000", "نحو 12 ألف فلسطيني",
                s004_2, 821, 2, 1, "ar", Killed(10800, 13200, 12000, factlint::Qualifier::kApproximate)),
      MakeClaim(d004 + "#2", d004, "hostages/people/gaza", "251", "251 شخصًا", s004_2, 821, 2, 1,
                "ar", hostages),
      MakeClaim(wire + "#1", wire, "killed/palestinians/gaza", "more than 40,000",
                "more than 40,000 Palestinians", wire_3, 95, 3, 1, "en",
                Killed(40001, Interval::kInfinity, 40000, factlint::Qualifier::kLowerBound)),
      MakeClaim(d002 + "#1", d002, "office/us/secretary-of-state", "Marco Rubio", "ماركو روبيو",
                s002_4, 513, 4, 1, "ar", SecretaryOfState("ماركو روبيو", "rubio")),
  };
  // The stored claim was kept by an older store without positions.
  r.claims.back().line = 0;
  r.claims.back().column = 0;
  for (Claim& c : r.claims) {
    for (const DocumentInfo& d : r.documents) {
      if (d.id == c.doc) c.doc_date = d.date;
    }
  }

  Finding killed;
  killed.id = "F1";
  killed.fingerprint = "5c1e0a3f9d2b7e64";
  killed.kind = "quantity";
  killed.severity = Severity::kError;
  killed.subject = "Palestinians killed (Gaza)";
  killed.subject_key = "killed/palestinians/gaza";
  killed.message =
      "The documents give counts of Palestinians killed in Gaza that cannot both hold: more than "
      "40,000 against about 12,000 (an initial estimate)";
  killed.sides = {{"more than 40,000", {d001 + "#2", wire + "#1"}},
                  {"about 12,000", {d004 + "#1"}}};

  Finding office;
  office.id = "F2";
  office.fingerprint = "a94d0c17e2f35b88";
  office.kind = "officeholder";
  office.severity = Severity::kWarning;
  office.subject = "US Secretary of State";
  office.subject_key = "office/us/secretary-of-state";
  office.message =
      "The documents name different US Secretaries of State; they were written 14 months apart, "
      "under different administrations.";
  office.sides = {{"Marco Rubio", {d002 + "#1"}}, {"Antony Blinken", {d001 + "#1"}}};

  Finding duration;
  duration.id = "F3";
  duration.fingerprint = "0be7716c4a5d9f21";
  duration.kind = "duration";
  duration.severity = Severity::kInfo;
  duration.subject = "How long the war has lasted";
  duration.subject_key = "duration/war";
  duration.message =
      "One document says the war is entering its second year and later that it has lasted two "
      "years.";
  duration.sides = {{"1-2 years", {d003 + "#1"}}, {"2 years", {d003 + "#2"}}};
  duration.baselined = true;
  duration.baseline_reason = "Both hold on 7 October 2025: the second year has just ended.";

  r.findings = {killed, office, duration};
  r.input_errors = {"corpus/broken.jsonl:3: expected a JSON object with a \"text\" field"};
  return r;
}

ReportOptions Options() {
  ReportOptions options;
  options.version = "0.1.0";
  return options;
}

std::string Render(ReportFormat format, const CheckResult& result = Fixture()) {
  return RenderReport(result, format, Options());
}


// Compares with tests/golden/report/<name> (see test_support.h).
void CheckGolden(const std::string& name, const std::string& actual) {
  factlint::testing::CheckGolden("tests/golden/report", name, actual);
}

// Writes `contents` to $FACTLINT_TEST_OUT/name for the external validators.
void Export(const std::string& name, const std::string& contents) {
  const char* dir = std::getenv("FACTLINT_TEST_OUT");
  if (dir == nullptr || *dir == '\0') return;
  fs::create_directories(dir);
  REQUIRE(WriteFileAtomically((fs::path(dir) / name).string(), contents).ok());
}

TEST_CASE("report formats have names") {
  for (ReportFormat f : {ReportFormat::kText, ReportFormat::kJson, ReportFormat::kMarkdown,
                         ReportFormat::kHtml, ReportFormat::kSarif, ReportFormat::kGithub}) {
    ReportFormat parsed;
    REQUIRE(ParseReportFormat(ReportFormatName(f), &parsed));
    CHECK(parsed == f);
  }
  ReportFormat parsed;
  CHECK(ParseReportFormat("md", &parsed));
  CHECK(parsed == ReportFormat::kMarkdown);
  CHECK_FALSE(ParseReportFormat("pdf", &parsed));
  CHECK_FALSE(ParseReportFormat("", &parsed));
}

TEST_CASE("golden reports") {
  CheckGolden("report.txt", Render(ReportFormat::kText));
  CheckGolden("report.json", Render(ReportFormat::kJson));
  CheckGolden("report.md", Render(ReportFormat::kMarkdown));
  CheckGolden("report.html", Render(ReportFormat::kHtml));
  CheckGolden("report.sarif", Render(ReportFormat::kSarif));
  CheckGolden("report.github", Render(ReportFormat::kGithub));
  Export("report.sarif", Render(ReportFormat::kSarif));
  Export("report.html", Render(ReportFormat::kHtml));
}

TEST_CASE("text: compiler-style lines, evidence in its script, a summary") {
  const std::string text = Render(ReportFormat::kText);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("corpus/001_cee4d09742974433.txt:11:61: error: The documents give counts") !=
        std::string::npos);
  CHECK(text.find("[quantity, confidence ") != std::string::npos);
  CHECK(text.find("    001_cee4d09742974433.txt:11: «أكثر من 40 ألف فلسطينيًا»\n") !=
        std::string::npos);
  CHECK(text.find("    004_f36a61c3223500bf.txt:2: «نحو 12 ألف فلسطيني»\n") != std::string::npos);
  // The stored claim has no line: the finding is placed at the other side.
  CHECK(text.find("corpus/001_cee4d09742974433.txt:1:29: warning:") != std::string::npos);
  CHECK(text.find("    002_fa74424bcadbb66f.txt: «ماركو روبيو» (from the claim store)") !=
        std::string::npos);
  CHECK(text.find("  baselined: Both hold") != std::string::npos);
  CHECK(
      text.find("\n3 findings (1 error, 1 warning, 1 info) in 5 documents, 8 claims; 1 baselined; "
                "1 input error\n") != std::string::npos);

  ReportOptions color = Options();
  color.color = true;
  CHECK(RenderReport(Fixture(), ReportFormat::kText, color).find("\x1b[1;31merror:\x1b[0m") !=
        std::string::npos);
}

TEST_CASE("json: the report contract") {
  const auto json = nlohmann::ordered_json::parse(Render(ReportFormat::kJson));
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"tool", "documents", "claims", "findings", "errors"});
  CHECK(json["tool"] == nlohmann::ordered_json{{"name", "factlint"}, {"version", "0.1.0"}});
  CHECK(json["documents"].size() == 5);
  CHECK(json["documents"][4]["from_store"] == true);
  CHECK(json["claims"].size() == 8);
  CHECK(json["claims"][1]["text"] == "أكثر من 40 ألف فلسطينيًا");
  CHECK(json["findings"][2]["baselined"] == true);
  CHECK(json["errors"].size() == 1);
}

CheckResult Hostile() {
  CheckResult r = Fixture();
  const std::string script = "<script>alert('x')</script> ";
  r.claims[6].sentence_text = script + r.claims[6].sentence_text;
  r.claims[6].sentence.start -= static_cast<uint32_t>(script.size());
  r.claims[6].value = "<b>40,000</b> & more";
  r.findings[0].message = "<img src=x onerror=alert(1)> \"quoted\"";
  r.findings[0].subject = "<script>subject</script>";
  r.documents[3].path = "wire/<evil>.md";
  r.input_errors.push_back("<script>bad</script>.txt: unreadable");
  return r;
}

TEST_CASE("html: escaped, right to left where Arabic, self-contained") {
  const std::string html = Render(ReportFormat::kHtml);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("{{") == std::string::npos);
  CHECK(html.find("<blockquote dir=\"rtl\" lang=\"ar\">") != std::string::npos);
  CHECK(html.find("dir=\"auto\"") != std::string::npos);
  CHECK(html.find("<mark>أكثر من 40 ألف فلسطينيًا</mark>") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("claim store") != std::string::npos);
  // Nothing to fetch: no scripts, stylesheets, images, fonts or links out.
  for (const char* external :
       {"http:", "https:", "<script", "<link", "<img", "@import", "url(", "src="}) {
    CHECK_MESSAGE(html.find(external) == std::string::npos, external);
  }

  // An Arabic quote opening an English message is isolated, not the message.
  CheckResult quoted = Fixture();
  quoted.findings[1].message = "«ماركو روبيو» is named Secretary of State in 002; «x";
  CHECK(Render(ReportFormat::kHtml, quoted)
            .find("<p class=\"message\">«<bdi>ماركو روبيو</bdi>» is named Secretary of State in "
                  "002; «x</p>") != std::string::npos);

  const std::string hostile = Render(ReportFormat::kHtml, Hostile());
  CHECK(hostile.find("<script") == std::string::npos);
  CHECK(hostile.find("<img") == std::string::npos);
  CHECK(hostile.find("<b>40,000") == std::string::npos);
  CHECK(hostile.find("<evil>") == std::string::npos);
  CHECK(hostile.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
  CHECK(hostile.find("&lt;b&gt;40,000&lt;/b&gt; &amp; more") != std::string::npos);
  CHECK(hostile.find("&quot;quoted&quot;") != std::string::npos);
}

TEST_CASE("markdown: no raw HTML from the input") {
  const std::string md = Render(ReportFormat::kMarkdown);
  CHECK(md.rfind("# Fact-check report\n", 0) == 0);
  CHECK(md.find("{{") == std::string::npos);
  CHECK(md.find("<span dir=\"rtl\" lang=\"ar\">«قتلت الحملة") != std::string::npos);
  CHECK(md.find("<b>أكثر من 40 ألف فلسطينيًا</b>") != std::string::npos);
  const std::string hostile = Render(ReportFormat::kMarkdown, Hostile());
  CHECK(hostile.find("<script") == std::string::npos);
  CHECK(hostile.find("<img") == std::string::npos);
  CHECK(hostile.find("<b>40,000") == std::string::npos);
}

TEST_CASE("sarif: what GitHub code scanning reads") {
  const std::string text = Render(ReportFormat::kSarif);
  const auto sarif = nlohmann::json::parse(text);
  CHECK(sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(sarif["version"] == "2.1.0");
  REQUIRE(sarif["runs"].size() == 1);
  const auto& run = sarif["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  const auto& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 5);
  CHECK(rules[0]["id"] == "quantity");
  CHECK(rules[4]["id"] == "name");
  const auto& results = run["results"];
  REQUIRE(results.size() == 3);

  const auto& killed = results[0];
  CHECK(killed["ruleId"] == "quantity");
  CHECK(killed["level"] == "error");
  CHECK(rules[killed["ruleIndex"].get<int>()]["id"] == "quantity");
  const auto& where = killed["locations"][0]["physicalLocation"];
  CHECK(where["artifactLocation"]["uri"] == "corpus/001_cee4d09742974433.txt");
  CHECK(where["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(where["region"]["startLine"] == 11);
  CHECK(where["region"]["startColumn"] == 61);
  CHECK(where["region"]["endColumn"] == 61 + 24);
  CHECK(where["region"]["byteOffset"] == 4091);
  CHECK(where["region"]["byteLength"] == 42);
  CHECK(where["region"]["snippet"]["text"] == "أكثر من 40 ألف فلسطينيًا");
  CHECK(killed["relatedLocations"].size() == 2);
  CHECK(killed["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "wire/gaza%20update.md");
  CHECK(killed["partialFingerprints"]["factlintFinding/v1"] == "5c1e0a3f9d2b7e64");
  CHECK(killed.find("suppressions") == killed.end());

  // Store-only side first: located at the first claim that has a line.
  const auto& office = results[1];
  CHECK(office["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
  CHECK(office["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "corpus/001_cee4d09742974433.txt");
  CHECK(office["relatedLocations"][0]["physicalLocation"].find("region") ==
        office["relatedLocations"][0]["physicalLocation"].end());

  CHECK(results[2]["level"] == "note");
  CHECK(results[2]["suppressions"][0]["kind"] == "external");
  CHECK(results[2]["suppressions"][0]["justification"] ==
        "Both hold on 7 October 2025: the second year has just ended.");

  for (const auto& result : results) {
    CHECK(result["message"]["text"].get<std::string>().back() == '.');
  }
  // The only absolute URIs are the schema and the tool's own pages.
  for (size_t at = text.find("http"); at != std::string::npos; at = text.find("http", at + 1)) {
    const std::string uri = text.substr(at, text.find_first_of("\"#", at) - at);
    CHECK_MESSAGE((uri == "https://json.schemastore.org/sarif-2.1.0.json" ||
                   uri == run["tool"]["driver"]["informationUri"].get<std::string>()),
                  uri);
  }
}

// Paths and findings the seed corpus does not have: an absolute path outside
// the working directory, a JSONL record, a finding whose every claim came
// from the store without a line and whose other side has no claim at all (a
// knowledge base fact), a kind newer than this code, no fingerprint.
CheckResult Unusual() {
  CheckResult r = Fixture();
  r.documents[0].path = "/srv/news/001 cee4d09742974433.txt";
  r.documents[3].path = "feeds/wire.jsonl:3";
  r.documents[4].path = "archive/محفوظ/002_fa74424bcadbb66f.txt";
  Finding stored;
  stored.id = "F4";
  stored.kind = "casualty-ratio";
  stored.severity = Severity::kWarning;
  stored.subject = "Ratio of civilians";
  stored.message = "Stored claims disagree";
  stored.sides = {{"most", {"002_fa74424bcadbb66f.txt#1"}}, {"few (knowledge base)", {}}};
  r.findings.push_back(stored);
  return r;
}

TEST_CASE("sarif: unusual paths and findings stay valid") {
  const std::string text = Render(ReportFormat::kSarif, Unusual());
  Export("report-unusual.sarif", text);
  const auto run = nlohmann::json::parse(text)["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 6);
  CHECK(rules[5]["id"] == "casualty-ratio");
  const auto& results = run["results"];
  REQUIRE(results.size() == 4);
  const auto& absolute = results[0]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(absolute["uri"] == "file:///srv/news/001%20cee4d09742974433.txt");
  CHECK(absolute.find("uriBaseId") == absolute.end());
  const auto& jsonl = results[0]["relatedLocations"][0]["physicalLocation"];
  CHECK(jsonl["artifactLocation"]["uri"] == "feeds/wire.jsonl");
  CHECK(jsonl["region"] == nlohmann::json{{"startLine", 3}});
  const auto& stored = results[3];
  CHECK(stored["ruleIndex"] == 5);
  CHECK(stored["locations"][0]["physicalLocation"]["region"] == nlohmann::json{{"startLine", 1}});
  CHECK(stored["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "archive/%D9%85%D8%AD%D9%81%D9%88%D8%B8/002_fa74424bcadbb66f.txt");
  CHECK(stored.find("partialFingerprints") == stored.end());
  CHECK(stored["message"]["text"] ==
        "Stored claims disagree. Side 1, most: 002_fa74424bcadbb66f.txt. "
        "Side 2, few (knowledge base): no quote in the documents.");
}

TEST_CASE("a side without claims says so in every format") {
  const CheckResult r = Unusual();
  CHECK(Render(ReportFormat::kText, r)
            .find("  few (knowledge base):\n    (no quote in the documents)\n") !=
        std::string::npos);
  CHECK(Render(ReportFormat::kMarkdown, r).find("| *No quote in the documents.* |") !=
        std::string::npos);
  CHECK(
      Render(ReportFormat::kHtml, r).find("<p class=\"no-quote\">No quote in the documents</p>") !=
      std::string::npos);
  CHECK(Render(ReportFormat::kGithub, r)
            .find("%0Afew (knowledge base): no quote in the documents\n") != std::string::npos);
}

TEST_CASE("github: workflow commands, escaped, baselined ones left out") {
  const std::string out = Render(ReportFormat::kGithub);
  CHECK(out.find(
            "\n::error file=corpus/001_cee4d09742974433.txt,line=11,col=61,endLine=11,endColumn=85,"
            "title=factlint quantity::The documents give counts") != std::string::npos);
  CHECK(out.find("::warning file=corpus/001_cee4d09742974433.txt,line=1,col=29,") !=
        std::string::npos);
  CHECK(out.find("factlint duration") == std::string::npos);
  CHECK(out.find("%0Amore than 40,000: 001_cee4d09742974433.txt:11 «أكثر من 40 ألف فلسطينيًا», "
                 "gaza-update.md:3 «more than 40,000 Palestinians»") != std::string::npos);
  CHECK(out.find("::error title=factlint input::corpus/broken.jsonl:3: expected") == 0);
  size_t lines = 0;
  for (char c : out) lines += c == '\n';
  CHECK(lines == 3);

  CHECK(report::GithubData("50% done\r\nnext") == "50%25 done%0D%0Anext");
  CHECK(report::GithubProperty("a,b:c%\n") == "a%2Cb%3Ac%25%0A");
  CheckResult r = Fixture();
  r.documents[0].path = "dir,with:odd/file.txt";
  CHECK(Render(ReportFormat::kGithub, r).find("file=dir%2Cwith%3Aodd/file.txt,line=11") !=
        std::string::npos);
}

TEST_CASE("a claim is highlighted inside its sentence") {
  Claim c;
  c.sentence_text = "12 ألف هنا، ثم 12 ألف هناك";
  c.text = "12 ألف";
  c.sentence = Span{100, 100 + static_cast<uint32_t>(c.sentence_text.size())};
  const uint32_t second = static_cast<uint32_t>(c.sentence_text.rfind(c.text));
  c.span = Span{100 + second, 100 + second + static_cast<uint32_t>(c.text.size())};
  report::Highlight h = report::HighlightOf(c);
  CHECK(h.before == "12 ألف هنا، ثم ");  // the span, not the first match
  CHECK(h.claim == "12 ألف");
  CHECK(h.after == " هناك");

  c.span = Span{0, 3};  // stale offsets: found by text
  h = report::HighlightOf(c);
  CHECK(h.before.empty());
  CHECK(h.claim == "12 ألف");

  c.sentence_text.clear();  // no sentence: the claim alone
  h = report::HighlightOf(c);
  CHECK(h.claim == "12 ألف");
  CHECK(h.after.empty());
}

TEST_CASE("templates are compiled in") {
  CHECK(report::Template("report.html").find("{{findings}}") != std::string_view::npos);
  CHECK(report::Template("report.css").find("@media print") != std::string_view::npos);
  CHECK(report::Template("report.md").find("{{appendix}}") != std::string_view::npos);
  CHECK(report::Template("missing").empty());
  // One pass: a value quoting "{{x}}" stays as it is.
  CHECK(report::FillTemplate("<{{a}}|{{b}}|{{c}}>", {{"a", "{{b}}"}, {"b", "2"}}) ==
        "<{{b}}|2|{{c}}>");
}

TEST_CASE("WriteFileAtomically replaces the file and leaves no temporary file") {
  const fs::path dir =
      fs::temp_directory_path() / ("factlint_report_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "report.html";
  REQUIRE(WriteFileAtomically(file.string(), "first version, longer than the second").ok());
  REQUIRE(WriteFileAtomically(file.string(), "second").ok());
  CHECK(factlint::testing::ReadFile(file) == "second");
  CHECK((fs::status(file).permissions() & fs::perms::others_read) != fs::perms::none);
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  CHECK(entries == 1);

  const std::string missing = (dir / "no/such/dir/report.html").string();
  const Status status = WriteFileAtomically(missing, "x");
  CHECK_FALSE(status.ok());
  CHECK(status.code() == Status::Code::kIOError);
  CHECK(status.message().find(missing) != std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace factlint
