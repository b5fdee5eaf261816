// github: GitHub Actions workflow commands, which the runner turns into
// annotations on the pull request's files:
//
//   ::error file=a.txt,line=11,col=62,endLine=11,endColumn=86,title=factlint quantity::MESSAGE
//
// Baselined findings are accepted, so they are not annotated.
#include <fmt/core.h>

#include <string>
#include <vector>

#include "report/escape.h"
#include "report/formats.h"
#include "report/view.h"

namespace factlint::report {
namespace {

// Workflow commands know error, warning and notice.
const char* CommandOf(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "notice";
  }
  return "error";
}

// "file=a.txt,line=11,col=62,endLine=11,endColumn=86," or less when the
// claim has no position in the file.
std::string LocationProperties(const Index& index, const Claim* anchor) {
  if (anchor == nullptr) return "";
  const FileRef file = FileOf(index.PathOf(*anchor));
  const std::string props = fmt::format("file={},", GithubProperty(file.path));
  if (file.record_line > 0) return fmt::format("{}line={},", props, file.record_line);
  if (!file.text_positions || anchor->line == 0) return props;
  const EndPosition end = EndOf(*anchor);
  return fmt::format("{}line={},col={},endLine={},endColumn={},", props, anchor->line,
                     anchor->column, end.line, end.column);
}

// The message, then one line per side with its evidence, so that the
// annotation alone shows what disagrees with what.
std::string Message(const Index& index, const Finding& f) {
  std::string text = Sentence(f.message);
  for (const Side& side : f.sides) {
    text += fmt::format("\n{}:", OneLine(side.value));
    const std::vector<const Claim*> claims = index.ClaimsOf(side);
    const char* separator = " ";
    for (const Claim* claim : claims) {
      text += fmt::format("{}{} «{}»", separator, DocLine(*claim), OneLine(claim->text));
      if (index.FromStore(*claim)) text += " (claim store)";
      separator = ", ";
    }
    if (claims.empty()) text += fmt::format(" {}", kNoQuote);
  }
  return text;
}

}  // namespace

std::string RenderGithub(const CheckResult& result, const ReportOptions&) {
  const Index index(result);
  std::string out;
  // An input that could not be read is an error in the run, with no place
  // in any file to attach it to.
  for (const std::string& error : result.input_errors) {
    out += fmt::format("::error title=factlint input::{}\n", GithubData(error));
  }
  for (const Finding& f : result.findings) {
    if (f.baselined) continue;
    out += fmt::format("::{} {}title={}::{}\n", CommandOf(f.severity),
                       LocationProperties(index, index.Anchor(f)),
                       GithubProperty("factlint " + f.kind), GithubData(Message(index, f)));
  }
  // The log is read on a terminal too: no escape sequence or bidi override
  // from a document may reach it (each command stays on its own line).
  return TerminalSafe(out, /*keep_newlines=*/true);
}

}  // namespace factlint::report
