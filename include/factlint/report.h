// Reports: a CheckResult rendered for a person or a machine.
//
//   text      compiler-style lines, evidence quoted, colour on a TTY only
//   json      the report contract read by shared/tools/score_findings.py
//   markdown  a fact-check report (summary table, findings, evidence, appendix)
//   html      the same, self-contained, RTL-aware, printable
//   sarif     SARIF 2.1.0 for GitHub code scanning
//   github    GitHub Actions workflow commands
#pragma once

#include <string>
#include <string_view>

#include "factlint/check.h"
#include "factlint/finding.h"
#include "factlint/status.h"

namespace factlint {

enum class ReportFormat { kText, kJson, kMarkdown, kHtml, kSarif, kGithub };

bool ParseReportFormat(const std::string& name, ReportFormat* out);
const char* ReportFormatName(ReportFormat format);

struct ReportOptions {
  bool color = false;                  // ANSI colour (text format only)
  Severity fail_on = Severity::kError; // shown in summaries
  std::string version;                 // tool version for json/sarif
};

std::string RenderReport(const CheckResult& result, ReportFormat format,
                         const ReportOptions& options);

// Writes `contents` to a temporary file beside `path`, then renames it over
// `path`, so that a reader never sees a half-written file.
Status WriteFileAtomically(const std::string& path, std::string_view contents);

}  // namespace factlint
