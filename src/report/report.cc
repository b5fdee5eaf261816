// RenderReport: picks the renderer of a format.
#include "factlint/report.h"

#include "report/formats.h"

#ifndef FACTLINT_VERSION
#define FACTLINT_VERSION "0.0.0"
#endif

namespace factlint {
namespace {

struct FormatEntry {
  ReportFormat format;
  const char* name;
  std::string (*render)(const CheckResult&, const ReportOptions&);
};

constexpr FormatEntry kFormats[] = {
    {ReportFormat::kText, "text", report::RenderText},
    {ReportFormat::kJson, "json", report::RenderJson},
    {ReportFormat::kMarkdown, "markdown", report::RenderMarkdown},
    {ReportFormat::kHtml, "html", report::RenderHtml},
    {ReportFormat::kSarif, "sarif", report::RenderSarif},
    {ReportFormat::kGithub, "github", report::RenderGithub},
};

const FormatEntry& EntryOf(ReportFormat format) {
  for (const FormatEntry& e : kFormats) {
    if (e.format == format) return e;
  }
  return kFormats[0];
}

}  // namespace

bool ParseReportFormat(const std::string& name, ReportFormat* out) {
  // "md" because that is what people type after `--format`.
  const std::string canonical = name == "md" ? "markdown" : name;
  for (const FormatEntry& e : kFormats) {
    if (canonical == e.name) {
      *out = e.format;
      return true;
    }
  }
  return false;
}

const char* ReportFormatName(ReportFormat format) { return EntryOf(format).name; }

std::string RenderReport(const CheckResult& result, ReportFormat format,
                         const ReportOptions& options) {
  ReportOptions filled = options;
  // SARIF needs a version, and every format should name the same one.
  if (filled.version.empty()) filled.version = FACTLINT_VERSION;
  return EntryOf(format).render(result, filled);
}

}  // namespace factlint
