// factlint check: extract, compare (with the claim store when given), report.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "factlint/baseline.h"
#include "factlint/graph.h"
#include "factlint/report.h"
#include "factlint/store.h"

namespace factlint::cli {
namespace {

struct CheckOptions {
  CommonOptions common;
  std::vector<std::string> formats;
  std::vector<std::string> outs;
  std::string fail_on = "error";
  std::string store;
  size_t store_limit = 200;
  std::string baseline;
  std::string write_baseline;
};

// Adds the stored claims that share a subject or a person with the new
// ones; findings must then involve at least one new document.
Status MergeStore(const std::string& path, size_t max_per_subject, CheckResult* result) {
  // Checking never creates a store: a typo in --store must not pass the gate
  // against an empty one.
  auto store = ClaimStore::Open(path, StoreMode::kReadOnly);
  if (!store.ok()) return store.status();
  std::set<std::string> subjects, people, fresh;
  for (const DocumentInfo& d : result->documents) fresh.insert(d.id);
  for (const Claim& c : result->claims) {
    subjects.insert(CompareKey(c));
    if (const auto* o = c.get<OfficeholderFacts>()) people.insert(o->person_key);
  }
  std::vector<DocumentInfo> docs;
  std::vector<Claim> claims;
  // The newest stored claims of each subject are what a new article is
  // checked against; the cap bounds the time whatever the store's size.
  RelatedOptions options;
  options.max_per_key = max_per_subject;
  Status s = store.value()->Related(subjects, people, fresh, &docs, &claims, options);
  if (!s.ok()) return s;
  result->documents.insert(result->documents.end(), docs.begin(), docs.end());
  result->claims.insert(result->claims.end(), claims.begin(), claims.end());
  return Status::OK();
}

bool InvolvesNewDocument(const Finding& f, const std::set<std::string>& new_claims) {
  for (const Side& s : f.sides) {
    for (const std::string& id : s.claims) {
      if (new_claims.count(id)) return true;
    }
  }
  return false;
}

// Writes each format to its --out, in pairs; a format without one goes to stdout.
bool WriteReports(const CheckOptions& o, const CheckResult& result, Severity fail_on) {
  std::vector<std::string> formats = o.formats;
  if (formats.empty()) formats.push_back(isatty(STDOUT_FILENO) ? "text" : "json");
  ReportOptions options;
  options.fail_on = fail_on;
  options.version = FACTLINT_VERSION;
  bool ok = true;
  for (size_t i = 0; i < formats.size(); ++i) {
    ReportFormat format;
    ParseReportFormat(formats[i], &format);
    const bool to_stdout = i >= o.outs.size() || o.outs[i] == "-";
    options.color = to_stdout && format == ReportFormat::kText && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    const std::string text = RenderReport(result, format, options);
    if (to_stdout) {
      std::cout << text;
      continue;
    }
    Status s = WriteFileAtomically(o.outs[i], text);
    if (!s.ok()) {
      ReportError(s);
      ok = false;
    }
  }
  return ok;
}

int Run(const CheckOptions& o) {
  Severity fail_on;
  if (!ParseSeverity(o.fail_on, &fail_on)) {
    ReportError(Status::Usage("--fail-on takes error, warning or info"));
    return kExitBadInput;
  }
  for (const std::string& f : o.formats) {
    ReportFormat format;
    if (!ParseReportFormat(f, &format)) {
      ReportError(Status::Usage("--format takes text, json, markdown, html, sarif or github, not \"" + f + "\""));
      return kExitBadInput;
    }
  }
  if (o.outs.size() > std::max<size_t>(o.formats.size(), 1)) {
    ReportError(Status::Usage(fmt::format("{} --out given for {} --format; give each --out its --format",
                                          o.outs.size(), o.formats.size())));
    return kExitBadInput;
  }
  Baseline baseline;
  if (!o.baseline.empty()) {
    auto loaded = LoadBaseline(o.baseline);
    if (!loaded.ok()) {
      ReportError(loaded.status());
      return kExitBadInput;
    }
    baseline = loaded.value();
  }
  size_t rejected = 0;
  const std::vector<Document> docs = LoadInputs(o.common, &rejected);
  std::unique_ptr<Engine> engine = MakeEngine(o.common);
  if (!engine) return kExitBadInput;
  CheckResult result;
  {
    Progress progress(docs, !o.common.quiet);
    result = engine->Collect(docs, [&](size_t i) { progress.Done(i); });
  }
  std::set<std::string> new_claims;
  if (!o.store.empty()) {
    for (const Claim& c : result.claims) new_claims.insert(c.id);
    if (Status s = MergeStore(o.store, o.store_limit, &result); !s.ok()) {
      ReportError(s);
      return kExitBadInput;
    }
  }
  // One comparison, over the new claims and the stored ones they share a subject with.
  result.findings = engine->Compare(result.documents, result.claims);
  if (!o.store.empty()) {
    std::erase_if(result.findings, [&](const Finding& f) { return !InvolvesNewDocument(f, new_claims); });
  }
  ApplyBaseline(baseline, &result.findings);
  bool written = true;
  if (!o.write_baseline.empty()) {
    Status s = WriteFileAtomically(o.write_baseline, BaselineJson(result.findings, baseline));
    if (!s.ok()) ReportError(s);
    written = s.ok();
  }
  written = WriteReports(o, result, fail_on) && written;
  if (rejected || !written) return kExitBadInput;
  const bool failing = std::any_of(result.findings.begin(), result.findings.end(), [&](const Finding& f) {
    return !f.baselined && f.severity >= fail_on;
  });
  return failing ? kExitFindings : kExitClean;
}

}  // namespace

void AddCheckCommand(CLI::App* app, int* exit_code) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app->add_subcommand("check", "Find where the documents disagree, and report it");
  AddCommonOptions(cmd, &o->common);
  Repeatable(cmd->add_option("-f,--format", o->formats,
                  "Report format (repeatable): text (default on a terminal), json (default otherwise), markdown, "
                  "html, sarif, github"));
  Repeatable(cmd->add_option("-o,--out", o->outs,
                  "Output file of the format at the same position: the i-th --out is the i-th --format's "
                  "(repeatable; written atomically); formats past the last --out, or '-': stdout"));
  cmd->add_option("--fail-on", o->fail_on, "Lowest severity that makes the exit status 1: error, warning or info")
      ->capture_default_str();
  cmd->add_option("--store", o->store, "SQLite claim store: also compare with the stored articles sharing a subject");
  cmd->add_option("--store-limit", o->store_limit,
                  "Stored claims compared per subject, newest first (0: all)")->capture_default_str();
  cmd->add_option("--baseline", o->baseline, "Baseline file: its findings are reported but never fail the run");
  cmd->add_option("--write-baseline", o->write_baseline, "Write a baseline accepting every finding of this run");
  cmd->callback([cmd, o, exit_code] {
    ProjectConfig c;
    if (Status s = Configure(*cmd, &o->common, &c); !s.ok()) {
      ReportError(s);
      *exit_code = kExitBadInput;
      return;
    }
    if (cmd->count("--format") == 0) o->formats = c.formats;
    if (cmd->count("--out") == 0) o->outs = c.outs;
    if (cmd->count("--fail-on") == 0 && !c.fail_on.empty()) o->fail_on = c.fail_on;
    if (cmd->count("--store") == 0) o->store = c.store;
    if (cmd->count("--baseline") == 0) o->baseline = c.baseline;
    *exit_code = Run(*o);
  });
}

}  // namespace factlint::cli
