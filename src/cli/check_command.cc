// factlint check: options in, RunCheck (factlint/pipeline.h), reports out.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "factlint/baseline.h"
#include "factlint/pipeline.h"
#include "factlint/report.h"

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
  CheckRequest request;
  request.store = o.store;
  request.store_limit = o.store_limit;
  if (!o.baseline.empty()) {
    auto loaded = LoadBaseline(o.baseline);
    if (!loaded.ok()) {
      ReportError(loaded.status());
      return kExitBadInput;
    }
    request.baseline = loaded.value();
  }
  size_t rejected = 0;
  const std::vector<Document> docs = LoadInputs(o.common, &rejected);
  std::unique_ptr<Engine> engine = MakeEngine(o.common);
  if (!engine) return kExitBadInput;
  const StatusOr<CheckResult> checked = [&] {
    Progress progress(docs, !o.common.quiet);  // cleared before anything else is printed
    return RunCheck(*engine, docs, request, [&](size_t i) { progress.Done(i); });
  }();
  if (!checked.ok()) {
    ReportError(checked.status());
    return kExitBadInput;
  }
  const CheckResult& result = checked.value();
  bool written = true;
  if (!o.write_baseline.empty()) {
    Status s = WriteFileAtomically(o.write_baseline, BaselineJson(result.findings, request.baseline));
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
  cmd->add_option("--store", o->store, "SQLite claim store: also compare with the stored articles about the same incidents, offices and people");
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
