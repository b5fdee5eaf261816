#include "factlint/knowledge.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "factlint/civil_date.h"
#include "factlint/fold.h"

namespace factlint {
namespace {

int LineOf(const YAML::Node& node) { return node.Mark().line + 1; }

Status Bad(const std::string& file, const YAML::Node& node, const std::string& what) {
  return Status::InvalidRule(fmt::format("{}: line {}: {}", file, LineOf(node), what));
}

// Keys each kind of entry may carry; anything else is a typo we want to hear about.
const std::set<std::string> kCountryKeys = {"id", "name", "wikidata", "ar", "en", "head_of_state",
                                            "head_of_government", "note"};
const std::set<std::string> kPersonKeys = {"key", "name", "ar", "wikidata", "aliases", "roles", "examples", "note"};
const std::set<std::string> kTermKeys = {"person", "from", "to", "acting", "wikidata", "note"};

Status CheckKeys(const std::string& file, const YAML::Node& node, const std::set<std::string>& allowed,
                 const char* what) {
  if (!node.IsMap()) return Bad(file, node, fmt::format("{} must be a map", what));
  for (const auto& kv : node) {
    if (!allowed.count(kv.first.Scalar())) {
      return Bad(file, kv.first, fmt::format("unknown key \"{}\" in {}", kv.first.Scalar(), what));
    }
  }
  return Status::OK();
}

std::string Text(const YAML::Node& node) { return node && node.IsScalar() ? node.Scalar() : ""; }

// A string or a list of strings.
StatusOr<std::vector<std::string>> Strings(const std::string& file, const YAML::Node& node) {
  std::vector<std::string> out;
  if (!node || node.IsNull()) return out;
  if (node.IsScalar()) return std::vector<std::string>{node.Scalar()};
  if (!node.IsSequence()) return Bad(file, node, "expected a string or a list of strings");
  for (const YAML::Node& s : node) {
    if (!s.IsScalar()) return Bad(file, s, "expected a string");
    out.push_back(s.Scalar());
  }
  return out;
}

StatusOr<int64_t> Day(const std::string& file, const YAML::Node& node) {
  auto range = node && node.IsScalar() ? ParseIsoDate(node.Scalar()) : std::nullopt;
  if (!range || !range->year_known) return Bad(file, node, "expected an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)");
  return range->first;
}

Status ReadCountries(const std::string& file, const YAML::Node& list, KnowledgeFile* out) {
  if (!list.IsSequence()) return Bad(file, list, "\"countries\" must be a list");
  for (const YAML::Node& node : list) {
    if (Status s = CheckKeys(file, node, kCountryKeys, "a country"); !s.ok()) return s;
    KbCountry c;
    c.id = Text(node["id"]);
    if (c.id.empty()) return Bad(file, node, "a country needs \"id\" (ISO 3166-1 alpha-2, lower case)");
    c.name = Text(node["name"]);
    c.wikidata = Text(node["wikidata"]);
    c.head_of_state = Text(node["head_of_state"]);
    c.head_of_government = Text(node["head_of_government"]);
    auto ar = Strings(file, node["ar"]);
    if (!ar.ok()) return ar.status();
    auto en = Strings(file, node["en"]);
    if (!en.ok()) return en.status();
    c.ar = ar.value();
    c.en = en.value();
    c.line = LineOf(node);
    out->countries.push_back(std::move(c));
  }
  return Status::OK();
}

Status ReadPeople(const std::string& file, const YAML::Node& list, KnowledgeFile* out) {
  if (!list.IsSequence()) return Bad(file, list, "\"people\" must be a list");
  for (const YAML::Node& node : list) {
    if (Status s = CheckKeys(file, node, kPersonKeys, "a person"); !s.ok()) return s;
    KbPerson p;
    p.key = Text(node["key"]);
    p.name = Text(node["name"]);
    if (p.key.empty() || p.name.empty()) return Bad(file, node, "a person needs \"key\" and \"name\"");
    p.ar = Text(node["ar"]);
    p.wikidata = Text(node["wikidata"]);
    auto aliases = Strings(file, node["aliases"]);
    if (!aliases.ok()) return aliases.status();
    auto roles = Strings(file, node["roles"]);
    if (!roles.ok()) return roles.status();
    p.aliases = aliases.value();
    p.roles = roles.value();
    p.line = LineOf(node);
    out->people.push_back(std::move(p));
  }
  return Status::OK();
}

Status ReadTerms(const std::string& file, const YAML::Node& map, KnowledgeFile* out) {
  if (!map.IsMap()) return Bad(file, map, "\"terms\" must map jurisdiction/office to a list of terms");
  for (const auto& office : map) {
    const std::string id = office.first.Scalar();
    if (id.find('/') == std::string::npos) {
      return Bad(file, office.first, fmt::format("\"{}\": an office is written jurisdiction/office (de/chancellor)", id));
    }
    if (!office.second.IsSequence()) return Bad(file, office.first, fmt::format("terms of {} must be a list", id));
    out->office_lines[id] = LineOf(office.first);
    for (const YAML::Node& t : office.second) {
      if (!t.IsMap() || (t["person"] && !t["person"].IsScalar())) {
        return Bad(file, t, "a term is {person, from, to} with a person key");
      }
      if (Status s = CheckKeys(file, t, kTermKeys, "a term"); !s.ok()) return s;
      KbTerm term;
      term.office = id;
      term.person = Text(t["person"]);
      if (term.person.empty()) return Bad(file, t, "a term needs \"person\"");
      if (!t["from"]) return Bad(file, t, "expected an ISO date (YYYY-MM-DD, YYYY-MM or YYYY) in \"from\"");
      auto from = Day(file, t["from"]);
      if (!from.ok()) return from.status();
      term.from = Text(t["from"]);
      term.first = from.value();
      term.last = KnowledgeBase::kOpen;
      if (t["to"] && !t["to"].IsNull()) {
        auto to = Day(file, t["to"]);
        if (!to.ok()) return to.status();
        term.to = Text(t["to"]);
        term.last = to.value();
      }
      term.acting = t["acting"] && t["acting"].as<bool>();
      term.wikidata = Text(t["wikidata"]);
      term.line = LineOf(t);
      out->terms.push_back(std::move(term));
    }
  }
  return Status::OK();
}

}  // namespace

std::vector<std::string> KbPerson::Spellings() const {
  std::vector<std::string> out = aliases;
  out.push_back(name);
  if (!ar.empty()) out.push_back(ar);
  return out;
}

StatusOr<KnowledgeFile> ReadKnowledgeFile(const std::string& path) {
  KnowledgeFile out;
  out.path = path;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::InvalidRule(path + ": is a folder; --kb takes a YAML file");
  try {
    const YAML::Node root = YAML::LoadFile(path);
    if (!root.IsMap() || !(root["terms"] || root["people"] || root["countries"])) {
      return Status::InvalidRule(path + ": expected \"countries:\", \"people:\" or \"terms:\" (see README, Knowledge base)");
    }
    for (const auto& kv : root) {
      const std::string key = kv.first.Scalar();
      Status s = key == "countries" ? ReadCountries(path, kv.second, &out)
                 : key == "people"  ? ReadPeople(path, kv.second, &out)
                 : key == "terms"   ? ReadTerms(path, kv.second, &out)
                                    : Bad(path, kv.first, fmt::format("unknown section \"{}\"", key));
      if (!s.ok()) return s;
    }
  } catch (const YAML::Exception& e) {
    return Status::InvalidRule(fmt::format("{}: line {}: {}", path, e.mark.line + 1, e.msg));
  }
  return out;
}

StatusOr<OfficeCatalog> ReadOfficeCatalog(const std::string& offices_yaml) {
  OfficeCatalog out;
  try {
    const YAML::Node root = YAML::LoadFile(offices_yaml);
    for (const YAML::Node& o : root["offices"]) {
      out.exclusive[Text(o["id"])] = !o["exclusive"] || o["exclusive"].as<bool>();
    }
    for (const YAML::Node& j : root["jurisdictions"]) out.jurisdictions.push_back(Text(j["id"]));
  } catch (const YAML::Exception& e) {
    return Status::InvalidRule(fmt::format("{}: line {}: {}", offices_yaml, e.mark.line + 1, e.msg));
  }
  return out;
}

namespace {

// The problems of the people: a key defined twice, a spelling of two people.
void CheckPeople(const std::vector<KnowledgeFile>& files, std::set<std::string>* keys, std::vector<KbProblem>* out) {
  std::map<std::string, std::pair<std::string, std::string>> defined;  // key -> file:line
  std::map<std::string, std::string> spelling_of;                      // folded spelling -> key
  for (const KnowledgeFile& f : files) {
    for (const KbPerson& p : f.people) {
      const std::string here = fmt::format("{}:{}", f.path, p.line);
      if (auto [it, fresh] = defined.insert({p.key, {here, p.name}}); !fresh) {
        out->push_back({f.path, p.line, fmt::format("person \"{}\" is already defined at {}; reuse that key, do not "
                                                    "define it again", p.key, it->second.first)});
        continue;
      }
      keys->insert(p.key);
      for (const std::string& s : p.Spellings()) {
        const std::string folded = SingleSpaced(Fold(s));
        if (folded.empty()) continue;
        auto [it, fresh] = spelling_of.insert({folded, p.key});
        if (!fresh && it->second != p.key) {
          out->push_back({f.path, p.line, fmt::format("spelling \"{}\" of \"{}\" also names \"{}\" ({}); a spelling "
                                                      "must point at one person (leave a shared family name out)",
                                                      s, p.key, it->second, defined[it->second].first)});
        }
      }
    }
  }
}

void CheckCountries(const std::vector<KnowledgeFile>& files, const OfficeCatalog& offices,
                    std::set<std::string>* jurisdictions, std::vector<KbProblem>* out) {
  std::map<std::string, std::string> defined;
  for (const KnowledgeFile& f : files) {
    for (const KbCountry& c : f.countries) {
      if (auto [it, fresh] = defined.insert({c.id, fmt::format("{}:{}", f.path, c.line)}); !fresh) {
        out->push_back({f.path, c.line, fmt::format("country \"{}\" is also defined at {}; their words add up",
                                                    c.id, it->second), true});
      }
      jurisdictions->insert(c.id);
      for (const std::string* office : {&c.head_of_state, &c.head_of_government}) {
        if (!office->empty() && !offices.exclusive.count(*office)) {
          out->push_back({f.path, c.line, fmt::format("country \"{}\": unknown office \"{}\" (offices are declared in "
                                                      "rules/offices.yaml)", c.id, *office)});
        }
      }
    }
  }
}

// Overlapping terms of one exclusive office, across files; an acting holder
// may stand in while the holder is still formally in office, so acting terms
// are left out.
void CheckOverlaps(std::vector<std::pair<const KbTerm*, std::string>> terms, std::vector<KbProblem>* out) {
  terms.erase(std::remove_if(terms.begin(), terms.end(),
                             [](const auto& t) { return t.first->acting || t.first->last < t.first->first; }),
              terms.end());
  std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.first->first < b.first->first; });
  const std::pair<const KbTerm*, std::string>* longest = nullptr;  // of the terms so far, the one that ends last
  for (const auto& entry : terms) {
    const KbTerm* t = entry.first;
    if (longest && t->first < longest->first->last) {  // touching (to = next from) is fine
      const KbTerm* l = longest->first;
      out->push_back({entry.second, t->line,
                      fmt::format("{}: the term of \"{}\" from {} overlaps the term of \"{}\" ({}..{}, {}:{}); one "
                                  "holder at a time (mark a stand-in acting: true)",
                                  t->office, t->person, t->from, l->person, l->from, l->to, longest->second, l->line)});
    }
    if (!longest || t->last > longest->first->last) longest = &entry;
  }
}

void CheckTerms(const std::vector<KnowledgeFile>& files, const OfficeCatalog& offices,
                const std::set<std::string>& people, const std::set<std::string>& jurisdictions,
                std::vector<KbProblem>* out) {
  // Terms of an office add up across files; a term of the same person from
  // the same day is one term (the later file's).
  std::map<std::string, std::map<std::pair<std::string, std::string>, std::pair<const KbTerm*, std::string>>> merged;
  for (const KnowledgeFile& f : files) {
    for (const auto& [office, line] : f.office_lines) {
      const size_t slash = office.find('/');
      const std::string jurisdiction = office.substr(0, slash), id = office.substr(slash + 1);
      if (!jurisdictions.count(jurisdiction)) {
        out->push_back({f.path, line, fmt::format("{}: unknown country or organisation \"{}\"", office, jurisdiction)});
      }
      if (!offices.exclusive.count(id)) {
        out->push_back({f.path, line, fmt::format("{}: unknown office \"{}\" (offices are declared in rules/offices.yaml)",
                                                  office, id)});
      }
    }
    for (const KbTerm& t : f.terms) {
      merged[t.office][{t.person, t.from}] = {&t, f.path};
      if (!people.count(t.person)) {
        out->push_back({f.path, t.line, fmt::format("{}: unknown person key \"{}\" (define it under people: here or in "
                                                    "another knowledge file)", t.office, t.person)});
      }
      if (t.last < t.first) {
        out->push_back({f.path, t.line, fmt::format("{}: the term of \"{}\" ends ({}) before it starts ({})", t.office,
                                                    t.person, t.to, t.from)});
      }
    }
  }
  for (const auto& [office, terms] : merged) {
    auto exclusive = offices.exclusive.find(office.substr(office.find('/') + 1));
    if (exclusive != offices.exclusive.end() && !exclusive->second) continue;
    std::vector<std::pair<const KbTerm*, std::string>> list;
    for (const auto& [key, term] : terms) list.push_back(term);
    CheckOverlaps(list, out);
  }
}

}  // namespace

std::vector<KbProblem> CheckKnowledge(const std::vector<KnowledgeFile>& files, const OfficeCatalog& offices) {
  std::vector<KbProblem> out;
  std::set<std::string> people;
  std::set<std::string> jurisdictions(offices.jurisdictions.begin(), offices.jurisdictions.end());
  CheckPeople(files, &people, &out);
  CheckCountries(files, offices, &jurisdictions, &out);
  CheckTerms(files, offices, people, jurisdictions, &out);
  std::stable_sort(out.begin(), out.end(), [](const KbProblem& a, const KbProblem& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
  return out;
}

StatusOr<KnowledgeBase> KnowledgeBase::Load(const std::vector<std::string>& files) {
  std::vector<KnowledgeFile> read;
  for (const std::string& f : files) {
    auto file = ReadKnowledgeFile(f);
    if (!file.ok()) return file.status();
    read.push_back(std::move(file.value()));
  }
  return FromFiles(read);
}

KnowledgeBase KnowledgeBase::FromFiles(const std::vector<KnowledgeFile>& files) {
  KnowledgeBase kb;
  // Terms add up across files; the same person from the same day is one
  // term, the later file's (a refreshed import corrects an end date).
  std::map<std::string, std::map<std::pair<std::string, int64_t>, Term>> merged;
  for (const KnowledgeFile& f : files) {
    for (const KbTerm& t : f.terms) merged[t.office][{t.person, t.first}] = Term{t.person, t.first, t.last, t.acting};
    for (const KbCountry& c : f.countries) kb.countries_[c.id] = c;
  }
  for (auto& [office, terms] : merged) {
    std::vector<Term>& list = kb.terms_[office];
    for (auto& [key, term] : terms) list.push_back(term);
    std::stable_sort(list.begin(), list.end(), [](const Term& a, const Term& b) { return a.from < b.from; });
  }
  return kb;
}

const std::vector<Term>& KnowledgeBase::Terms(const std::string& office) const {
  static const std::vector<Term> kNone;
  auto it = terms_.find(office);
  return it == terms_.end() ? kNone : it->second;
}

Period KnowledgeBase::TermsOf(const std::string& office, const std::string& person) const {
  Period out;
  for (const Term& t : Terms(office)) {
    if (t.person == person) out.push_back({t.from, t.to});
  }
  return out;
}

std::vector<std::string> KnowledgeBase::HoldersDuring(const std::string& office, const Period& period) const {
  std::vector<std::string> out;
  for (const Term& t : Terms(office)) {
    if (Overlaps({{t.from, t.to}}, period) && std::find(out.begin(), out.end(), t.person) == out.end()) {
      out.push_back(t.person);
    }
  }
  return out;
}

Period Intersect(const Period& a, const Period& b) {
  Period out;
  for (const auto& x : a) {
    for (const auto& y : b) {
      const int64_t lo = std::max(x.first, y.first), hi = std::min(x.second, y.second);
      if (lo <= hi) out.push_back({lo, hi});
    }
  }
  return out;
}

bool Overlaps(const Period& a, const Period& b) { return !Intersect(a, b).empty(); }

Period Everything() { return {{INT64_MIN / 4, KnowledgeBase::kOpen}}; }

std::string DescribePeriod(const Period& p) {
  std::string out;
  for (const auto& [lo, hi] : p) {
    if (!out.empty()) out += ", ";
    if (lo == hi) {
      out += FormatIsoDay(lo);
      continue;
    }
    out += (lo <= INT64_MIN / 4 ? std::string("…") : FormatIsoDay(lo)) + ".." +
           (hi >= KnowledgeBase::kOpen ? std::string("") : FormatIsoDay(hi));
  }
  return out;
}

}  // namespace factlint
