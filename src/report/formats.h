// One renderer per report format, behind RenderReport().
#pragma once

#include <string>

#include "factlint/check.h"
#include "factlint/report.h"

namespace factlint::report {

// `options.version` is filled in by RenderReport before any of these runs.
std::string RenderText(const CheckResult& result, const ReportOptions& options);
std::string RenderJson(const CheckResult& result, const ReportOptions& options);
std::string RenderMarkdown(const CheckResult& result, const ReportOptions& options);
std::string RenderHtml(const CheckResult& result, const ReportOptions& options);
std::string RenderSarif(const CheckResult& result, const ReportOptions& options);
std::string RenderGithub(const CheckResult& result, const ReportOptions& options);

}  // namespace factlint::report
