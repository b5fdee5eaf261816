#include "factlint/knowledge.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "factlint/civil_date.h"

namespace factlint {
namespace {

// `node` is the date; `line` is where to point when it is missing.
StatusOr<int64_t> Day(const YAML::Node& node, const std::string& where, int line) {
  auto range = node && node.IsScalar() ? ParseIsoDate(node.Scalar()) : std::nullopt;
  if (!range || !range->year_known) {
    return Status::InvalidRule(fmt::format("{}: line {}: expected an ISO date (YYYY-MM-DD)", where,
                                           node ? node.Mark().line + 1 : line));
  }
  return range->first;
}

StatusOr<Term> ReadTerm(const YAML::Node& t, const std::string& file) {
  const int line = t.Mark().line + 1;
  if (!t.IsMap() || !t["person"] || !t["person"].IsScalar()) {
    return Status::InvalidRule(fmt::format("{}: line {}: a term is {{person, from, to}} with a person key", file, line));
  }
  auto from = Day(t["from"], file, line);
  if (!from.ok()) return from.status();
  Term term{t["person"].Scalar(), from.value(), KnowledgeBase::kOpen};
  if (t["to"]) {
    auto to = Day(t["to"], file, line);
    if (!to.ok()) return to.status();
    term.to = to.value();
  }
  if (term.to < term.from) {
    return Status::InvalidRule(fmt::format("{}: line {}: the term of {} ends before it starts", file, line, term.person));
  }
  return term;
}

// The terms of an exclusive office may touch (one holder leaves on the day
// the next is sworn in) but not overlap: two holders at once is a typo.
Status CheckNoOverlap(const std::string& file, const std::string& office, std::vector<std::pair<Term, int>> terms) {
  std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.first.from < b.first.from; });
  for (size_t i = 1; i < terms.size(); ++i) {
    const Term& before = terms[i - 1].first;
    const Term& after = terms[i].first;
    if (after.from < before.to) {
      return Status::InvalidRule(fmt::format(
          "{}: line {}: {} is one holder at a time, but the term of {} starts before the term of {} (line {}) ends",
          file, terms[i].second, office, after.person, before.person, terms[i - 1].second));
    }
  }
  return Status::OK();
}

Status LoadFile(const std::string& file, const KnowledgeBase::IsExclusive& is_exclusive,
                std::map<std::string, std::vector<Term>>* terms) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return Status::InvalidRule(file + ": is a folder; --kb takes a YAML file");
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::Exception& e) {
    return Status::InvalidRule(fmt::format("{}: line {}: malformed YAML: {}", file, e.mark.line + 1, e.msg));
  }
  if (!root.IsMap() || !root["terms"] || !root["terms"].IsMap()) {
    return Status::InvalidRule(file + ": expected \"terms:\" mapping jurisdiction/office to a list of terms");
  }
  for (const auto& office : root["terms"]) {
    const std::string id = office.first.Scalar();
    if (!office.second.IsSequence()) {
      return Status::InvalidRule(fmt::format("{}: line {}: terms of {} must be a list", file, office.first.Mark().line + 1, id));
    }
    std::vector<std::pair<Term, int>> read;
    for (const YAML::Node& t : office.second) {
      auto term = ReadTerm(t, file);
      if (!term.ok()) return term.status();
      read.emplace_back(term.value(), t.Mark().line + 1);
    }
    if (is_exclusive && is_exclusive(id)) {
      if (Status s = CheckNoOverlap(file, id, read); !s.ok()) return s;
    }
    auto& list = (*terms)[id];
    list.clear();  // a later file replaces an office's terms
    for (const auto& [term, line] : read) list.push_back(term);
  }
  return Status::OK();
}

}  // namespace

StatusOr<KnowledgeBase> KnowledgeBase::Load(const std::vector<std::string>& files, const IsExclusive& is_exclusive) {
  KnowledgeBase kb;
  for (const std::string& f : files) {
    Status s = LoadFile(f, is_exclusive, &kb.terms_);
    if (!s.ok()) return s;
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
