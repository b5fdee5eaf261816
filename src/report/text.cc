// text: one compiler-style line per finding, then the evidence of each side
// quoted in its own script, for a terminal or a CI log:
//
//   a.txt:11:62: error: The documents disagree on ... [quantity]
//     more than 40,000:
//       a.txt:11: «أكثر من 40 ألف فلسطينيًا»
#include <fmt/format.h>
#include <string>
#include <string_view>
#include <vector>

#include "report/escape.h"
#include "report/formats.h"
#include "report/view.h"

namespace factlint::report {
namespace {

// ANSI SGR codes, applied only when colour was asked for (a TTY).
class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(std::string_view code, std::string_view text) const {
    if (!on_) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }

 private:
  bool on_;
};

// Every piece of document text, id or path printed here: one line, and no
// control or bidi-override character reaching the terminal.
std::string Clean(std::string_view text) { return TerminalSafe(OneLine(text)); }

// GCC's colours: red errors, magenta warnings, cyan notes.
const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError: return "1;31";
    case Severity::kWarning: return "1;35";
    case Severity::kInfo: return "1;36";
  }
  return "1";
}

std::string Position(const Index& index, const Claim* anchor) {
  if (anchor == nullptr) return "factlint";
  std::string pos = Clean(index.PathOf(*anchor));
  if (anchor->line > 0)
    pos += ':' + std::to_string(anchor->line) + ':' + std::to_string(anchor->column);
  return pos;
}

// "    001_x.txt:10: «أكثر من 40 ألف فلسطينيًا»": the document id is enough
// here, the header line already gave the path.
std::string EvidenceLine(const Index& index, const Claim& claim, const Painter& paint) {
  std::string line = "    " + paint("2", Clean(DocLine(claim)) + ":") + " «" + Clean(claim.text) + "»";
  if (index.FromStore(claim)) line += paint("2", " (from the claim store)");
  return line + "\n";
}

void AppendFinding(const Index& index, const Finding& f, const Painter& paint, std::string* out) {
  const Claim* anchor = index.Anchor(f);
  *out += paint("1", Position(index, anchor) + ":") + " " +
          paint(SeverityColor(f.severity), std::string(SeverityName(f.severity)) + ":") + " " +
          Clean(f.message) + " " + paint("2", fmt::format("[{}, confidence {:.2f}]", Clean(f.kind), f.confidence)) + "\n";
  for (const Side& side : f.sides) {
    *out += "  " + paint("1", Clean(side.value) + ":") + "\n";
    const std::vector<const Claim*> claims = index.ClaimsOf(side);
    for (const Claim* claim : claims) *out += EvidenceLine(index, *claim, paint);
    if (claims.empty()) *out += "    " + paint("2", std::string("(") + kNoQuote + ")") + "\n";
  }
  if (f.baselined) {
    std::string note = "  baselined";
    if (!f.baseline_reason.empty()) note += ": " + Clean(f.baseline_reason);
    *out += paint("2", note) + "\n";
  }
  *out += "\n";
}

}  // namespace

std::string RenderText(const CheckResult& result, const ReportOptions& options) {
  const Painter paint(options.color);
  const Index index(result);
  std::string out;
  for (const std::string& error : result.input_errors) {
    out += paint(SeverityColor(Severity::kError), "error:") + " " + Clean(error) + " " +
           paint("2", "[input]") + "\n";
  }
  if (!result.input_errors.empty()) out += "\n";
  for (const Finding& f : result.findings) AppendFinding(index, f, paint, &out);
  out += paint("1", SummaryLine(Summarize(result))) + "\n";
  return out;
}

}  // namespace factlint::report
