// markdown: a fact-check report for a pull request comment or a wiki page:
// summary tables, each finding with its sides' evidence side by side (one
// table column per side), and an appendix of every claim by document.
//
// Quotes sit in <span dir="..."> so that GitHub lays Arabic out right to left
// inside an English table, with the claim's own words in <b>; everything
// taken from the input is Markdown-escaped, so no raw HTML gets through.
#include <fmt/core.h>

#include <algorithm>
#include <string>

#include "report/escape.h"
#include "report/formats.h"
#include "report/templates.h"
#include "report/view.h"

namespace factlint::report {
namespace {

using Cells = std::vector<std::string>;

std::string OrDash(const std::string& text) { return text.empty() ? "—" : MarkdownEscape(text); }

// Inline code, unless the text holds a backtick (which a code span cannot
// escape); "|" must be escaped even inside code in a GFM table.
std::string Code(const std::string& text) {
  if (text.empty() || text.find('`') != std::string::npos) return OrDash(text);
  std::string out = "`";
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out + "`";
}

std::string Row(const Cells& cells) {
  std::string row = "|";
  for (const std::string& cell : cells) row += " " + cell + " |";
  return row + "\n";
}

std::string Table(const Cells& header, const Cells& align, const std::vector<Cells>& rows) {
  std::string out = Row(header) + Row(align);
  for (const Cells& row : rows) out += Row(row);
  return out + "\n";
}

// An element that takes its direction from the text (or is Arabic).
std::string Directed(std::string_view lang, const std::string& markdown) {
  std::string attrs = lang == "ar" ? " dir=\"rtl\" lang=\"ar\"" : " dir=\"auto\"";
  return "<span" + attrs + ">" + markdown + "</span>";
}

// The claim's sentence with the claim's words in bold.
std::string Quote(const Claim& claim) {
  const Highlight h = HighlightOf(claim);
  return Directed(claim.lang, "«" + MarkdownEscape(h.before) + "<b>" + MarkdownEscape(h.claim) +
                                  "</b>" + MarkdownEscape(h.after) + "»");
}

// "[001_x.txt:11](articles/001_x.txt#L11)", or plain text for a stored
// document, whose file need not be in this checkout.
std::string LinkTo(const Index& index, const Claim& claim) {
  const std::string label = DocLine(claim);
  if (index.FromStore(claim)) return MarkdownEscape(label) + " (claim store)";
  const FileRef file = FileOf(index.PathOf(claim));
  std::string target = UriPath(file.path);
  // A JSONL record's claims are on the record's line of the file; their own
  // line counts within the decoded "text" field.
  const uint32_t line = file.record_line > 0 ? file.record_line : claim.line;
  if (line > 0) target += fmt::format("#L{}", line);
  return fmt::format("[{}]({})", MarkdownEscape(label), target);
}

Cells SeverityCells(const std::array<size_t, 3>& counts, size_t total) {
  return {std::to_string(CountOf(counts, Severity::kError)),
          std::to_string(CountOf(counts, Severity::kWarning)),
          std::to_string(CountOf(counts, Severity::kInfo)), std::to_string(total)};
}

std::string SummarySection(const CheckResult& result, const Summary& s) {
  std::string documents = std::to_string(s.documents);
  if (s.stored_documents > 0) {
    documents += " (" + std::to_string(s.stored_documents) + " from the claim store)";
  }
  std::string findings = std::to_string(s.findings);
  if (s.baselined > 0) findings += " (" + std::to_string(s.baselined) + " baselined)";
  std::string out =
      Table({"", "Count"}, {"---", "---:"},
            {{"Documents", documents},
             {"Claims", std::to_string(s.claims)},
             {"Findings", findings},
             {"Failing the run", std::to_string(s.failing) + " (" + SeverityName(s.fail_on) +
                                     " or worse, not baselined)"}});

  std::vector<Cells> kinds;
  for (const Summary::KindRow& row : s.by_kind) {
    Cells cells = {MarkdownEscape(KindOf(row.kind).title) + " (" + MarkdownEscape(row.kind) + ")"};
    for (std::string& n : SeverityCells(row.by_severity, row.total)) cells.push_back(std::move(n));
    kinds.push_back(std::move(cells));
  }
  Cells total = {"**Total**"};
  for (std::string& n : SeverityCells(s.by_severity, s.findings)) total.push_back(std::move(n));
  kinds.push_back(std::move(total));
  out += Table({"Kind", "Errors", "Warnings", "Info", "Total"},
               {"---", "---:", "---:", "---:", "---:"}, kinds);

  std::vector<Cells> docs;
  for (const DocumentClaims& group : ClaimsByDocument(result)) {
    const DocumentInfo* d = group.document;
    docs.push_back({MarkdownEscape(group.doc_id), d ? OrDash(d->lang) : "—",
                    d ? OrDash(d->date) : "—", std::to_string(group.claims.size()),
                    d && d->from_store ? "claim store" : "input"});
  }
  out += Table({"Document", "Language", "Date", "Claims", "Source"},
               {"---", "---", "---", "---:", "---"}, docs);
  return out;
}

std::string FindingSection(const Index& index, const Finding& f) {
  std::string out = "### " + MarkdownEscape(f.id) + " · " + SeverityName(f.severity) + " · " +
                    MarkdownEscape(f.kind) + ": " + MarkdownEscape(OneLine(f.subject)) + "\n\n" +
                    MarkdownEscape(OneLine(f.message)) + "\n\n";
  if (f.baselined) {
    out += "> **Baselined**";
    out += f.baseline_reason.empty() ? "." : ": " + MarkdownEscape(OneLine(f.baseline_reason));
    out += "\n\n";
  }
  // One column per side; row i holds the i-th claim of every side.
  Cells header, align;
  std::vector<std::vector<const Claim*>> columns;
  for (const Side& side : f.sides) {
    header.push_back(Directed("", MarkdownEscape(OneLine(side.value))));
    align.push_back("---");
    columns.push_back(index.ClaimsOf(side));
  }
  size_t depth = 1;
  for (const auto& column : columns) depth = std::max(depth, column.size());
  std::vector<Cells> rows(depth, Cells(columns.size()));
  for (size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].empty()) rows[0][c] = "*" + Capitalized(kNoQuote) + ".*";
    for (size_t r = 0; r < columns[c].size(); ++r) {
      rows[r][c] = Quote(*columns[c][r]) + "<br>" + LinkTo(index, *columns[c][r]);
    }
  }
  if (!header.empty()) out += Table(header, align, rows);
  return out;
}

std::string AppendixSection(const Index& index) {
  const auto findings_by_claim = FindingsByClaim(index.result());
  std::string out;
  for (const DocumentClaims& group : ClaimsByDocument(index.result())) {
    out += "### " + MarkdownEscape(group.doc_id) + "\n\n";
    if (const DocumentInfo* d = group.document) {
      out += "Path: " + Code(d->path) + " · Language: " + OrDash(d->lang) +
             " · Date: " + OrDash(d->date) + (d->from_store ? " · **from the claim store**" : "") +
             "\n\n";
    }
    if (group.claims.empty()) {
      out += "No claims.\n\n";
      continue;
    }
    std::vector<Cells> rows;
    for (const Claim* c : group.claims) {
      std::string in;
      if (auto it = findings_by_claim.find(c->id); it != findings_by_claim.end()) {
        for (std::string_view id : it->second) in += (in.empty() ? "" : ", ") + MarkdownEscape(id);
      }
      rows.push_back({c->line > 0 ? std::to_string(c->line) : "—", c->kind(), Code(c->subject),
                      Directed("", MarkdownEscape(OneLine(c->value))),
                      Directed(c->lang, MarkdownEscape(OneLine(c->text))), in.empty() ? "—" : in});
    }
    out += Table({"Line", "Kind", "Subject", "Value", "Evidence", "Findings"},
                 {"---:", "---", "---", "---", "---", "---"}, rows);
  }
  return out;
}

}  // namespace

// Every fragment handed to report.md ends with a blank line, so that the
// template can put the next heading right after it.
std::string RenderMarkdown(const CheckResult& result, const ReportOptions& options) {
  const Index index(result);
  const Summary summary = Summarize(result, options.fail_on);
  std::string findings;
  for (const Finding& f : result.findings) findings += FindingSection(index, f);
  if (findings.empty())
    findings = "No findings: the documents agree wherever they can be compared.\n\n";
  std::string errors;
  if (!result.input_errors.empty()) {
    errors = "## Inputs that could not be read\n\n";
    for (const std::string& e : result.input_errors)
      errors += "- " + MarkdownEscape(OneLine(e)) + "\n";
    errors += "\n";
  }
  return FillTemplate(Template("report.md"),
                      {{"title", "Fact-check report"},
                       {"summary_line", MarkdownEscape(SummaryLine(summary))},
                       {"summary", SummarySection(result, summary)},
                       {"input_errors", errors},
                       {"findings", findings},
                       {"appendix", AppendixSection(index)},
                       {"version", MarkdownEscape(options.version)}});
}

}  // namespace factlint::report
