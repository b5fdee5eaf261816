// html: the Markdown report's content as one self-contained page (inline
// CSS, no scripts, fonts or images) that reads well on screen and on paper.
//
// Direction: the page is English (ltr); every quote carries dir="rtl"
// lang="ar" when its claim is Arabic and dir="auto" otherwise, and every
// cell or heading that holds document text has dir="auto", so Arabic lays
// out right to left wherever it appears.  Everything taken from the input
// goes through HtmlEscape.
#include <fmt/format.h>
#include <fmt/core.h>

#include <string>

#include "report/escape.h"
#include "report/formats.h"
#include "report/templates.h"
#include "report/view.h"

namespace factlint::report {
namespace {

std::string DirAttrs(std::string_view lang) {
  if (lang == "ar") return " dir=\"rtl\" lang=\"ar\"";
  if (lang.empty() || lang.find('+') != std::string_view::npos) return " dir=\"auto\"";
  return " dir=\"auto\" lang=\"" + HtmlEscape(lang) + "\"";
}

std::string Element(std::string_view tag, std::string_view attrs, const std::string& html) {
  return "<" + std::string(tag) + std::string(attrs) + ">" + html + "</" + std::string(tag) + ">";
}

std::string Badge(std::string_view cls, std::string_view text) {
  return Element("span", " class=\"badge " + std::string(cls) + "\"", HtmlEscape(text));
}

// «…» quotes in English text as <bdi>, so that an Arabic quote takes its own
// direction without turning the guillemets or the words around it.
std::string IsolateQuotes(const std::string& html) {
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t open = html.find("«", pos);
    const size_t close = open == std::string::npos ? open : html.find("»", open);
    if (close == std::string::npos) break;
    const size_t inner = open + std::string_view("«").size();
    out.append(html, pos, inner - pos);
    out += "<bdi>" + html.substr(inner, close - inner) + "</bdi>";
    pos = close;
  }
  out.append(html, pos);
  return out;
}

std::string OrDash(const std::string& text) { return text.empty() ? "—" : HtmlEscape(text); }

// An element id from a claim, document or finding id, which may hold "#",
// spaces or Arabic: letters, digits, "-" and "." stay, every other byte
// becomes "_XX", so distinct ids give distinct anchors.
std::string Anchor(std::string_view prefix, std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out(prefix);
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.') {
      out += c;
    } else {
      out += '_';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}
std::string DocAnchor(std::string_view id) { return Anchor("doc-", id); }
std::string ClaimAnchor(std::string_view id) { return Anchor("claim-", id); }
std::string FindingAnchor(std::string_view id) { return Anchor("finding-", id); }

std::string Link(const std::string& anchor, const std::string& html) {
  return "<a href=\"#" + anchor + "\">" + html + "</a>";
}

std::string Stat(std::string_view cls, size_t n, std::string_view label,
                 std::string_view note = "") {
  std::string item = "<li class=\"" + std::string(cls) + "\"><span class=\"n\">" +
                     std::to_string(n) + "</span><span class=\"label\">" + std::string(label) +
                     "</span>";
  if (!note.empty()) item += "<span class=\"note\">" + std::string(note) + "</span>";
  return item + "</li>\n";
}

// Whether the run fails, as the exit status will say.
std::string Verdict(const Summary& s) {
  const std::string threshold = std::string(SeverityName(s.fail_on)) + " or worse";
  if (s.failing == 0) {
    return "<p class=\"verdict pass\"><strong>Passes</strong>: no finding of severity " +
           threshold + " outside the baseline.</p>";
  }
  return "<p class=\"verdict fail\"><strong>Fails</strong>: " +
         Count(s.failing, "finding", "findings") + " of severity " + threshold +
         (s.failing == 1 ? " is" : " are") + " not in the baseline.</p>";
}

std::string SeverityCells(const std::array<size_t, 3>& counts, size_t total) {
  std::string cells;
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    cells += "<td class=\"num\">" + std::to_string(CountOf(counts, s)) + "</td>";
  }
  return cells + "<td class=\"num\">" + std::to_string(total) + "</td>";
}

std::string SummarySection(const Index& index, const Summary& s) {
  std::string out = "<ul class=\"stats\">\n";
  out += Stat(
      "documents", s.documents, "documents",
      s.stored_documents > 0 ? std::to_string(s.stored_documents) + " from the claim store" : "");
  out += Stat("claims", s.claims, "claims");
  out += Stat("findings", s.findings, "findings");
  out += Stat("error", CountOf(s.by_severity, Severity::kError), "errors");
  out += Stat("warning", CountOf(s.by_severity, Severity::kWarning), "warnings");
  out += Stat("info", CountOf(s.by_severity, Severity::kInfo), "info");
  if (s.baselined > 0) out += Stat("baselined", s.baselined, "baselined");
  out += "</ul>\n<div class=\"tables\">\n";

  out +=
      "<table class=\"kinds\"><caption>Findings by kind</caption>\n"
      "<thead><tr><th>Kind</th><th class=\"num\">Errors</th><th class=\"num\">Warnings</th>"
      "<th class=\"num\">Info</th><th class=\"num\">Total</th></tr></thead>\n<tbody>\n";
  for (const Summary::KindRow& row : s.by_kind) {
    out += "<tr><td>" + HtmlEscape(KindOf(row.kind).title) + " " + Badge("kind", row.kind) +
           "</td>" + SeverityCells(row.by_severity, row.total) + "</tr>\n";
  }
  out += "</tbody>\n<tfoot><tr><td>Total</td>" + SeverityCells(s.by_severity, s.findings) +
         "</tr></tfoot>\n</table>\n";

  out +=
      "<table class=\"documents\"><caption>Documents</caption>\n"
      "<thead><tr><th>Document</th><th>Language</th><th>Date</th><th class=\"num\">Claims</th>"
      "<th>Source</th></tr></thead>\n<tbody>\n";
  for (const DocumentClaims& group : ClaimsByDocument(index.result())) {
    const DocumentInfo* d = group.document;
    out += "<tr><td dir=\"auto\">" + Link(DocAnchor(group.doc_id), HtmlEscape(group.doc_id)) +
           "</td><td>" + (d ? OrDash(d->lang) : "—") + "</td><td>" + (d ? OrDash(d->date) : "—") +
           "</td><td class=\"num\">" + std::to_string(group.claims.size()) + "</td><td>" +
           (d && d->from_store ? Badge("store", "claim store") : "input") + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</div>";
  return out;
}

// The claim's sentence with the claim's words marked, in its own direction,
// and where it comes from.
std::string Evidence(const Index& index, const Claim& claim) {
  const Highlight h = HighlightOf(claim);
  std::string quote = HtmlEscape(h.before);
  if (!h.claim.empty()) quote += "<mark>" + HtmlEscape(h.claim) + "</mark>";
  quote += HtmlEscape(h.after);
  std::string caption = Link(DocAnchor(claim.doc), "<bdi>" + HtmlEscape(claim.doc) + "</bdi>");
  const std::string line = claim.line > 0 ? "line " + std::to_string(claim.line) : "no line";
  caption += " · " + Link(ClaimAnchor(claim.id), line);
  if (index.FromStore(claim)) caption += " " + Badge("store", "claim store");
  return "<figure class=\"evidence\">" + Element("blockquote", DirAttrs(claim.lang), quote) +
         "<figcaption>" + caption + "</figcaption></figure>\n";
}

std::string FindingSection(const Index& index, const Finding& f) {
  const std::string severity = SeverityName(f.severity);
  std::string out = "<article class=\"finding " + severity + (f.baselined ? " is-baselined" : "") +
                    "\" id=\"" + FindingAnchor(f.id) + "\">\n<header class=\"finding-head\">" +
                    "<span class=\"finding-id\">" + HtmlEscape(f.id) + "</span>" +
                    Element("h3", " dir=\"auto\"", HtmlEscape(OneLine(f.subject))) +
                    Badge(severity, severity) + Badge("kind", f.kind) +
                    Badge("confidence", fmt::format("confidence {:.2f}", f.confidence)) +
                    (f.baselined ? Badge("baselined", "baselined") : "") + "</header>\n";
  // The message is the tool's English sentence: it stays left to right even
  // when it opens with an Arabic quote.
  out += Element("p", " class=\"message\"", IsolateQuotes(HtmlEscape(OneLine(f.message)))) + "\n";
  if (f.baselined) {
    out += "<p class=\"baseline-note\">Accepted in the baseline" +
           (f.baseline_reason.empty()
                ? "."
                : ": <span dir=\"auto\">" + HtmlEscape(OneLine(f.baseline_reason)) + "</span>") +
           "</p>\n";
  }
  if (!f.confidence_reasons.empty()) {
    std::string reasons;
    for (const std::string& r : f.confidence_reasons) reasons += (reasons.empty() ? "" : "; ") + r;
    out += Element("p", " class=\"confidence\"", "Confidence: " + HtmlEscape(reasons)) + "\n";
  }
  out += "<div class=\"sides\">\n";
  for (size_t i = 0; i < f.sides.size(); ++i) {
    const Side& side = f.sides[i];
    out += "<section class=\"side\"><h4><span class=\"side-label\">Side " + std::to_string(i + 1) +
           "</span>" +
           Element("span", " class=\"side-value\" dir=\"auto\"", HtmlEscape(OneLine(side.value))) +
           "</h4>\n";
    const std::vector<const Claim*> claims = index.ClaimsOf(side);
    for (const Claim* claim : claims) out += Evidence(index, *claim);
    if (claims.empty()) out += fmt::format("<p class=\"no-quote\">{}</p>\n", Capitalized(kNoQuote));
    out += "</section>\n";
  }
  return out + "</div>\n</article>\n";
}

std::string AppendixSection(const Index& index) {
  const auto findings_by_claim = FindingsByClaim(index.result());
  std::string out;
  for (const DocumentClaims& group : ClaimsByDocument(index.result())) {
    const DocumentInfo* d = group.document;
    out += "<section class=\"document\" id=\"" + DocAnchor(group.doc_id) + "\">\n<h3>" +
           Element("bdi", "", HtmlEscape(group.doc_id)) +
           (d && d->from_store ? " " + Badge("store", "from the claim store") : "") + "</h3>\n";
    out += "<p class=\"doc-meta\">";
    if (d != nullptr) {
      out += "<code>" + HtmlEscape(d->path) + "</code> · language " + OrDash(d->lang) + " · date " +
             OrDash(d->date) + " · ";
    }
    out += Count(group.claims.size(), "claim", "claims") + "</p>\n";
    if (group.claims.empty()) {
      out += "</section>\n";
      continue;
    }
    out +=
        "<table class=\"claims\">\n<thead><tr><th class=\"num\">Line</th><th>Kind</th>"
        "<th>Subject</th><th>Value</th><th>Evidence</th><th>Findings</th></tr></thead>\n<tbody>\n";
    for (const Claim* c : group.claims) {
      std::string links;
      auto it = findings_by_claim.find(c->id);
      const bool in_finding = it != findings_by_claim.end();
      if (in_finding) {
        for (std::string_view id : it->second) {
          links += (links.empty() ? "" : ", ") + Link(FindingAnchor(id), HtmlEscape(id));
        }
      }
      out += "<tr id=\"" + ClaimAnchor(c->id) + "\"" + (in_finding ? " class=\"in-finding\"" : "") +
             "><td class=\"num\">" + (c->line > 0 ? std::to_string(c->line) : "—") + "</td><td>" +
             c->kind() + "</td><td><code>" + HtmlEscape(c->subject) + "</code></td>" +
             Element("td", " dir=\"auto\"", HtmlEscape(OneLine(c->value))) +
             Element("td", " class=\"evidence-cell\"" + DirAttrs(c->lang),
                     HtmlEscape(OneLine(c->text))) +
             "<td>" + (links.empty() ? "—" : links) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
  }
  return out;
}

}  // namespace

std::string RenderHtml(const CheckResult& result, const ReportOptions& options) {
  const Index index(result);
  const Summary summary = Summarize(result, options.fail_on);
  std::string findings;
  for (const Finding& f : result.findings) findings += FindingSection(index, f);
  if (findings.empty()) {
    findings =
        "<p class=\"none\">No findings: the documents agree wherever they can be compared.</p>\n";
  }
  std::string errors;
  if (!result.input_errors.empty()) {
    errors =
        "<section id=\"input-errors\" class=\"input-errors\">\n<h2>Inputs that could not be "
        "read</h2>\n<ul>\n";
    for (const std::string& e : result.input_errors)
      errors += Element("li", " dir=\"auto\"", HtmlEscape(e)) + "\n";
    errors += "</ul>\n</section>\n";
  }
  return FillTemplate(Template("report.html"), {{"title", "Fact-check report"},
                                                {"style", std::string(Template("report.css"))},
                                                {"summary_line", HtmlEscape(SummaryLine(summary))},
                                                {"verdict", Verdict(summary)},
                                                {"summary", SummarySection(index, summary)},
                                                {"input_errors", errors},
                                                {"findings", findings},
                                                {"appendix", AppendixSection(index)},
                                                {"version", HtmlEscape(options.version)}});
}

}  // namespace factlint::report
