// The extract contract: Claim <-> JSON; each kind writes and reads its own
// facts (src/kinds/).
#include "factlint/claim.h"

#include <nlohmann/json.hpp>

#include "factlint/claim_kind.h"
#include "kinds/json_fields.h"

namespace factlint {
namespace {

using nlohmann::json;
using json_fields::Str;

json IncidentToJson(const IncidentFacts& i) {
  return {{"type", i.type}, {"country", i.country}, {"region", i.region}, {"day", i.day},
          {"local", i.local}, {"from_sentence", i.from_sentence}};
}

IncidentFacts IncidentFromJson(const json& j) {
  IncidentFacts i;
  if (!j.is_object()) return i;
  i.type = Str(j, "type");
  i.country = Str(j, "country");
  i.region = Str(j, "region");
  i.day = Str(j, "day");
  i.local = Str(j, "local");
  auto it = j.find("from_sentence");
  i.from_sentence = it != j.end() && it->is_boolean() && it->get<bool>();
  return i;
}

}  // namespace

const char* ScopeName(Scope scope) {
  static constexpr const char* kNames[] = {"cumulative", "window", "since", "on-day"};
  return kNames[static_cast<int>(scope)];
}

Scope ScopeFromName(std::string_view name) {
  for (Scope s : {Scope::kWindow, Scope::kSince, Scope::kOnDay}) {
    if (name == ScopeName(s)) return s;
  }
  return Scope::kCumulative;
}

std::string QuantityFacts::Measure() const {
  std::string measure(Name(event));
  if (state != CountState::kUnstated) (measure += '/') += Name(state);
  return measure;
}

const char* Claim::kind() const { return KindOf(facts).name(); }

json ClaimToJson(const Claim& c) {
  json out = {
      {"id", c.id},
      {"doc", c.doc},
      {"kind", c.kind()},
      {"subject", c.subject},
      {"value", c.value},
      {"text", c.text},
      {"span", {{"start", c.span.start}, {"end", c.span.end}}},
      {"line", c.line},
      {"column", c.column},
      {"sentence", {{"start", c.sentence.start}, {"end", c.sentence.end}, {"text", c.sentence_text}}},
      {"rule", c.rule},
      {"lang", c.lang},
      {"doc_date", c.doc_date},
  };
  if (c.headline) out["headline"] = true;
  if (!c.incident.type.empty() || !c.incident.local.empty()) out["incident"] = IncidentToJson(c.incident);
  KindOf(c).FactsToJson(c, &out);
  return out;
}

StatusOr<Claim> ClaimFromJson(const json& j) {
  if (!j.is_object()) return Status::InvalidInput("a claim must be a JSON object");
  Claim c;
  c.id = Str(j, "id");
  c.doc = Str(j, "doc");
  c.subject = Str(j, "subject");
  c.value = Str(j, "value");
  c.text = Str(j, "text");
  const json& span = j.value("span", json::object());
  c.span = Span{span.value("start", 0u), span.value("end", 0u)};
  c.line = j.value("line", 0u);
  c.column = j.value("column", 0u);
  const json& sentence = j.value("sentence", json::object());
  c.sentence = Span{sentence.value("start", 0u), sentence.value("end", 0u)};
  c.sentence_text = Str(sentence, "text");
  c.rule = Str(j, "rule");
  c.lang = Str(j, "lang");
  c.doc_date = Str(j, "doc_date");
  c.headline = j.value("headline", false);
  if (auto it = j.find("incident"); it != j.end()) c.incident = IncidentFromJson(*it);
  const std::string kind = Str(j, "kind");
  const ClaimKind* facts_kind = KindNamed(kind);
  if (!facts_kind) return Status::InvalidInput("unknown claim kind \"" + kind + "\"");
  auto facts = facts_kind->FactsFromJson(j);
  if (!facts.ok()) return facts.status();
  c.facts = facts.value();
  return c;
}

}  // namespace factlint
