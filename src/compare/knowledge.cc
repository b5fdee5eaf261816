#include "factlint/knowledge.h"

#include <algorithm>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "factlint/civil_date.h"

namespace factlint {
namespace {

StatusOr<int64_t> Day(const YAML::Node& node, const std::string& where) {
  auto range = node && node.IsScalar() ? ParseIsoDate(node.Scalar()) : std::nullopt;
  if (!range || !range->year_known) {
    return Status::InvalidRule(fmt::format("{}: line {}: expected an ISO date (YYYY-MM-DD)", where, node.Mark().line + 1));
  }
  return range->first;
}

Status LoadFile(const std::string& file, std::map<std::string, std::vector<Term>>* terms) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::Exception& e) {
    return Status::InvalidRule(fmt::format("{}: line {}: malformed YAML: {}", file, e.mark.line + 1, e.msg));
  }
  if (!root["terms"] || !root["terms"].IsMap()) {
    return Status::InvalidRule(file + ": expected \"terms:\" mapping jurisdiction/office to a list of terms");
  }
  for (const auto& office : root["terms"]) {
    const std::string id = office.first.Scalar();
    if (!office.second.IsSequence()) {
      return Status::InvalidRule(fmt::format("{}: line {}: terms of {} must be a list", file, office.first.Mark().line + 1, id));
    }
    auto& list = (*terms)[id];
    list.clear();  // a later file replaces an office's terms
    for (const YAML::Node& t : office.second) {
      if (!t["person"]) return Status::InvalidRule(fmt::format("{}: line {}: a term needs \"person\"", file, t.Mark().line + 1));
      auto from = Day(t["from"], file);
      if (!from.ok()) return from.status();
      Term term{t["person"].as<std::string>(), from.value(), KnowledgeBase::kOpen};
      if (t["to"]) {
        auto to = Day(t["to"], file);
        if (!to.ok()) return to.status();
        term.to = to.value();
      }
      list.push_back(term);
    }
  }
  return Status::OK();
}

}  // namespace

StatusOr<KnowledgeBase> KnowledgeBase::Load(const std::vector<std::string>& files) {
  KnowledgeBase kb;
  for (const std::string& f : files) {
    Status s = LoadFile(f, &kb.terms_);
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
