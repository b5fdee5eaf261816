#include "factlint/explain.h"

#include <fmt/format.h>

#include "factlint/compare.h"
#include "factlint/engine.h"
#include "factlint/graph.h"

namespace factlint {
namespace {

struct Row {
  std::string field, a, b;
};

// Where a claim's incident comes from: its sentence, its article, or (for an
// article that names none) the story it shares with other articles.
std::string NamedIn(const Claim& c) {
  if (c.incident.from_sentence) return "its sentence";
  return c.incident.type.empty() ? "its story (the article names none)" : "the article";
}

std::vector<Row> Rows(const Claim& a, const Claim& b, const ClaimGraph& graph, size_t ia, size_t ib) {
  std::vector<Row> rows = {
      {"document", a.doc, b.doc},
      {"evidence", a.text, b.text},
      {"line:column", fmt::format("{}:{}", a.line, a.column), fmt::format("{}:{}", b.line, b.column)},
      {"rule", a.rule, b.rule},
      {"kind", a.kind(), b.kind()},
      {"value", a.value, b.value},
      {"as of", a.doc_date.empty() ? "(undated)" : a.doc_date, b.doc_date.empty() ? "(undated)" : b.doc_date},
      {"incident", graph.IncidentOf(ia).empty() ? "(none)" : graph.IncidentOf(ia),
       graph.IncidentOf(ib).empty() ? "(none)" : graph.IncidentOf(ib)},
      {"incident named in", NamedIn(a), NamedIn(b)},
  };
  const auto* qa = a.get<QuantityFacts>();
  const auto* qb = b.get<QuantityFacts>();
  if (qa && qb) {
    auto or_all = [](const std::string& s, const char* none) { return s.empty() ? std::string(none) : s; };
    rows.push_back({"measure", qa->Measure(), qb->Measure()});
    rows.push_back({"who", or_all(qa->who, "(anyone)"), or_all(qb->who, "(anyone)")});
    rows.push_back({"place", or_all(qa->place, "(all of the incident)"), or_all(qb->place, "(all of the incident)")});
    rows.push_back({"scope", ScopeName(qa->scope) + (qa->window.empty() ? "" : ":" + qa->window),
                    ScopeName(qb->scope) + (qb->window.empty() ? "" : ":" + qb->window)});
    rows.push_back({"unit", or_all(qa->unit, "(count)"), or_all(qb->unit, "(count)")});
    rows.push_back({"source", or_all(qa->source, "(unnamed)"), or_all(qb->source, "(unnamed)")});
  }
  rows.push_back({"compared under", graph.SubjectOf(ia).empty() ? "(abstains)" : graph.SubjectOf(ia),
                  graph.SubjectOf(ib).empty() ? "(abstains)" : graph.SubjectOf(ib)});
  return rows;
}

// The first rule that keeps the two apart, or "" when they are compared.
std::string Decision(const Claim& a, const Claim& b, const ClaimGraph& graph, size_t ia, size_t ib) {
  if (std::string(a.kind()) != b.kind()) return "different kinds of claim [rule: kind]";
  const auto* qa = a.get<QuantityFacts>();
  const auto* qb = b.get<QuantityFacts>();
  if ((qa && a.incident.local == kOutsideIncident) || (qb && b.incident.local == kOutsideIncident)) {
    return "a figure counted since long before its incident (a longer story its article does not name) abstains "
           "[rule: abstain.longer-story]";
  }
  if (qa && (graph.IncidentOf(ia).empty() || graph.IncidentOf(ib).empty())) {
    return "a figure whose article names no incident, and shares no story with another article's, abstains "
           "[rule: abstain.no-incident]";
  }
  if (graph.IncidentOf(ia) != graph.IncidentOf(ib)) {
    return "different incidents: type, country or time do not match [rule: incident]";
  }
  if (qa && qb) {
    if (qa->Measure() != qb->Measure()) return "they count different things [rule: frame.measure]";
    if (qa->who != qb->who) return "they count different groups of people [rule: frame.who]";
    if (qa->place != qb->place) return "one counts a part of the incident's area [rule: frame.place]";
    if (qa->scope != qb->scope || qa->window != qb->window) return "they cover different spans of time [rule: frame.scope]";
    if (qa->unit != qb->unit) return "different units [rule: frame.unit]";
  }
  if (graph.SubjectOf(ia) != graph.SubjectOf(ib)) return "different subjects [rule: subject]";
  return "";
}

}  // namespace

StatusOr<std::string> ExplainPair(const Engine& engine, const std::vector<DocumentInfo>& docs,
                                  const std::vector<Claim>& claims, const std::string& id_a, const std::string& id_b) {
  auto index_of = [&](const std::string& id) -> long {
    for (size_t i = 0; i < claims.size(); ++i) {
      if (claims[i].id == id) return static_cast<long>(i);
    }
    return -1;
  };
  const long ia = index_of(id_a), ib = index_of(id_b);
  for (const auto& [i, id] : {std::pair{ia, id_a}, std::pair{ib, id_b}}) {
    if (i < 0) return Status::InvalidInput(fmt::format("no claim \"{}\" in these documents (see `factlint extract`)", id));
  }
  ClaimGraph graph(docs, claims, engine.rules());
  const std::vector<Finding> findings = CompareClaims(engine.rules(), engine.knowledge(), engine.options().tolerance,
                                                      docs, claims, graph, engine.options().show_updates);
  const Claim& a = claims[ia];
  const Claim& b = claims[ib];
  std::string out = fmt::format("{:<18}  {:<40}  {}\n", "", id_a, id_b);
  for (const Row& r : Rows(a, b, graph, ia, ib)) out += fmt::format("{:<18}  {:<40}  {}\n", r.field, r.a, r.b);
  const std::string apart = Decision(a, b, graph, ia, ib);
  if (!apart.empty()) return out + "decision: not compared: " + apart + "\n";
  out += "decision: compared (same incident and frame) [rule: " + std::string(a.kind()) + "]\n";
  for (const Finding& f : findings) {
    int side_a = -1, side_b = -1;
    for (size_t s = 0; s < f.sides.size(); ++s) {
      for (const std::string& id : f.sides[s].claims) {
        if (id == id_a) side_a = static_cast<int>(s);
        if (id == id_b) side_b = static_cast<int>(s);
      }
    }
    if (side_a < 0 || side_b < 0) continue;
    const char* how = side_a == side_b ? "on the same side" : "on opposite sides";
    out += fmt::format("finding: {} {} ({}, confidence {:.2f}): {}\n", f.id, how, SeverityName(f.severity),
                       f.confidence, f.message);
    if (f.confidence < engine.options().min_confidence) out += "  (below --min-confidence: not reported)\n";
    return out;
  }
  return out + "finding: none: the two agree, or their difference is an update of a growing figure\n";
}

}  // namespace factlint
