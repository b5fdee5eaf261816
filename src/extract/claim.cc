// The extract contract: Claim <-> JSON.
#include "factlint/claim.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace factlint {
namespace {

using nlohmann::json;

// JSON has no infinity: an open upper bound is written as null.
json Bound(double v) { return std::isinf(v) ? json(nullptr) : json(v); }
double BoundFrom(const json& j, double fallback) {
  return j.is_number() ? j.get<double>() : fallback;
}

struct FactsToJson {
  json& out;
  void operator()(const QuantityFacts& q) const {
    out["low"] = Bound(q.range.low);
    out["high"] = Bound(q.range.high);
    out["exact"] = q.qualifier == "exact";
    out["stated"] = q.stated;
    out["qualifier"] = q.qualifier;
    out["event"] = q.event;
    out["who"] = q.who;
    out["where"] = q.where;
    out["since"] = q.since;
    out["on"] = q.on;
    out["source"] = q.source;
    out["hedge"] = q.hedge;
    out["unit"] = q.unit;
    out["measure"] = q.Measure();
    out["state"] = q.state;
    out["place"] = q.place;
    out["scope"] = ScopeName(q.scope);
    out["window"] = q.window;
  }
  void operator()(const DateFacts& d) const {
    out["date"] = d.iso;
    out["precision"] = d.precision;
    out["event"] = d.event;
    out["relation"] = d.relation;
  }
  void operator()(const DurationFacts& d) const {
    out["low_days"] = Bound(d.days.low);
    out["high_days"] = Bound(d.days.high);
    out["what"] = d.what;
    out["stated"] = d.stated;
  }
  void operator()(const OfficeholderFacts& o) const {
    out["office"] = o.office;
    out["jurisdiction"] = o.jurisdiction;
    out["person"] = o.person;
    out["person_key"] = o.person_key;
    out["inferred"] = o.inferred;
    out["time"] = o.time;
  }
  void operator()(const PersonFacts& p) const {
    out["person"] = p.person;
    out["person_key"] = p.person_key;
  }
};

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

StatusOr<ClaimFacts> FactsFromJson(const json& j, const std::string& kind) {
  if (kind == "quantity") {
    QuantityFacts q;
    q.range.low = BoundFrom(j.value("low", json()), 0);
    q.range.high = BoundFrom(j.value("high", json()), Interval::kInfinity);
    q.stated = j.value("stated", 0.0);
    q.qualifier = Str(j, "qualifier");
    q.event = Str(j, "event");
    q.who = Str(j, "who");
    q.where = Str(j, "where");
    q.since = Str(j, "since");
    q.on = Str(j, "on");
    q.source = Str(j, "source");
    q.hedge = Str(j, "hedge");
    q.unit = Str(j, "unit");
    q.state = Str(j, "state");
    q.place = Str(j, "place");
    q.scope = ScopeFromName(Str(j, "scope"));
    q.window = Str(j, "window");
    return ClaimFacts(q);
  }
  if (kind == "date") {
    return ClaimFacts(DateFacts{Str(j, "date"), Str(j, "precision"), Str(j, "event"), Str(j, "relation")});
  }
  if (kind == "duration") {
    DurationFacts d;
    d.days.low = BoundFrom(j.value("low_days", json()), 0);
    d.days.high = BoundFrom(j.value("high_days", json()), Interval::kInfinity);
    d.what = Str(j, "what");
    d.stated = Str(j, "stated");
    return ClaimFacts(d);
  }
  if (kind == "officeholder") {
    OfficeholderFacts o;
    o.office = Str(j, "office");
    o.jurisdiction = Str(j, "jurisdiction");
    o.person = Str(j, "person");
    o.person_key = Str(j, "person_key");
    o.inferred = j.value("inferred", false);
    o.time = Str(j, "time");
    return ClaimFacts(o);
  }
  if (kind == "person") return ClaimFacts(PersonFacts{Str(j, "person"), Str(j, "person_key")});
  return Status::InvalidInput("unknown claim kind \"" + kind + "\"");
}

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

const char* Claim::kind() const {
  static constexpr const char* kNames[] = {"quantity", "date", "duration", "officeholder", "person"};
  return kNames[facts.index()];
}

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
  std::visit(FactsToJson{out}, c.facts);
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
  auto facts = FactsFromJson(j, Str(j, "kind"));
  if (!facts.ok()) return facts.status();
  c.facts = facts.value();
  return c;
}

}  // namespace factlint
