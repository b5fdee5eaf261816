// factlint kb import wikidata: SPARQL results -> a knowledge file.
#include "factlint/kb_import.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "factlint/civil_date.h"
#include "factlint/fold.h"

namespace factlint {
namespace {

using nlohmann::json;

// "http://www.wikidata.org/entity/Q183" -> "Q183".
std::string ItemId(const std::string& uri) {
  const size_t slash = uri.rfind('/');
  return slash == std::string::npos ? uri : uri.substr(slash + 1);
}

std::string Value(const json& row, const char* var) {
  auto it = row.find(var);
  if (it == row.end() || !it->is_object() || !it->contains("value") || !(*it)["value"].is_string()) return "";
  return (*it)["value"].get<std::string>();
}

std::vector<std::string> SplitAliases(const std::string& joined) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t bar = joined.find('|', start);
    if (bar == std::string::npos) bar = joined.size();
    std::string a = SingleSpaced(joined.substr(start, bar - start));
    if (!a.empty()) out.push_back(a);
    start = bar + 1;
  }
  return out;
}

// "2017-05-14T00:00:00Z" with precision 9/10/11 -> "2017", "2017-05", "2017-05-14".
std::string IsoOf(const std::string& datetime, const std::string& precision) {
  if (datetime.size() < 10 || datetime[0] == '-') return "";
  const int p = precision.empty() ? 11 : std::atoi(precision.c_str());
  if (p < 9) return "";  // decade or coarser: not a term we can place
  const std::string iso = datetime.substr(0, p >= 11 ? 10 : p == 10 ? 7 : 4);
  return ParseIsoDate(iso) ? iso : "";
}

// The office id whose English words occur (as whole words) in the label;
// the longest wins, so that "Vice President of X" is not "president".
std::string OfficeFromLabel(const std::string& label, const RuleSet& rules) {
  std::string text = " ";
  text += SingleSpaced(Fold(label));
  text += ' ';
  std::string best, best_word;
  for (const auto& rule : rules.rules()) {
    if (rule->family != "office" || rule->lang != "en") continue;
    for (const auto& [word, office] : rule->words) {
      if (word.size() > best_word.size() && text.find(" " + word + " ") != std::string::npos) {
        best = office;
        best_word = word;
      }
    }
  }
  return best;
}

class Importer {
 public:
  Importer(const KnowledgeFile* existing, const RuleSet& rules, const std::vector<KnowledgeFile>& context)
      : rules_(rules) {
    if (existing) out_ = *existing;
    for (size_t i = 0; i < out_.people.size(); ++i) {
      own_keys_[out_.people[i].key] = i;
      if (!out_.people[i].wikidata.empty()) own_items_[out_.people[i].wikidata] = out_.people[i].key;
    }
    for (const KnowledgeFile& f : context) {
      for (const KbPerson& p : f.people) {
        if (!p.wikidata.empty()) other_items_.emplace(p.wikidata, p.key);
      }
      for (const KbCountry& c : f.countries) {
        if (!c.wikidata.empty()) country_items_.emplace(c.wikidata, c.id);
      }
    }
    for (const KbCountry& c : out_.countries) {
      if (!c.wikidata.empty()) country_items_[c.wikidata] = c.id;
    }
    UErrorCode status = U_ZERO_ERROR;
    ascii_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) ascii_.reset();
  }

  void AddRow(const json& row, size_t index, WikidataImport* result) {
    auto skip = [&](const std::string& why) { result->skipped.push_back(fmt::format("row {}: {}", index + 1, why)); };
    const std::string office_item = ItemId(Value(row, "office"));
    std::string office = Value(row, "role");
    if (office.empty()) office = OfficeFromLabel(Value(row, "officeLabel"), rules_);
    if (office.empty()) return skip(fmt::format("no office id for \"{}\" ({}); add a role column or an English "
                                                "word to rules/offices.yaml", Value(row, "officeLabel"), office_item));
    std::string jurisdiction = Lower(Value(row, "countryCode"));
    if (jurisdiction.empty()) {
      auto it = country_items_.find(ItemId(Value(row, "country")));
      if (it != country_items_.end()) jurisdiction = it->second;
    }
    if (jurisdiction.empty()) return skip("no countryCode, and the country item is in no knowledge file");
    const std::string from = IsoOf(Value(row, "start"), Value(row, "startPrecision"));
    if (from.empty()) return skip("no start date (P580) of year precision or better");
    const std::string person_item = ItemId(Value(row, "person"));
    const std::string name = Value(row, "nameEn");
    if (person_item.empty() || name.empty()) return skip("no person item or English label");
    const std::string key = PersonKey(row, person_item, name, result);
    KbTerm term;
    term.office = jurisdiction + "/" + office;
    term.person = key;
    term.from = from;
    term.to = IsoOf(Value(row, "end"), Value(row, "endPrecision"));
    term.acting = Value(row, "acting") == "true";
    term.wikidata = office_item;
    AddTerm(std::move(term), result);
  }

  KnowledgeFile Finish() {
    // Terms of an office in time order, the offices in name order.
    std::stable_sort(out_.terms.begin(), out_.terms.end(), [](const KbTerm& a, const KbTerm& b) {
      return a.office != b.office ? a.office < b.office : a.from < b.from;
    });
    return std::move(out_);
  }

 private:
  std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  }

  std::string Ascii(const std::string& text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    if (ascii_) ascii_->transliterate(u);
    std::string latin, out;
    u.toUTF8String(latin);
    for (char c : latin) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
  }

  bool Taken(const std::string& key) const {
    return own_keys_.count(key) || rules_.FindPerson(key) ||
           std::any_of(other_items_.begin(), other_items_.end(), [&](const auto& kv) { return kv.second == key; });
  }

  // The person's key: the one this file or another already uses for the
  // item or the name, else the family name, else family-given.
  std::string PersonKey(const json& row, const std::string& item, const std::string& name, WikidataImport* result) {
    if (auto it = own_items_.find(item); it != own_items_.end()) {
      MergeSpellings(row, &out_.people[own_keys_[it->second]]);
      return it->second;
    }
    if (auto it = other_items_.find(item); it != other_items_.end()) return it->second;
    if (auto it = rules_.aliases().find(SingleSpaced(Fold(name))); it != rules_.aliases().end()) {
      if (auto own = own_keys_.find(it->second); own != own_keys_.end()) {
        KbPerson& p = out_.people[own->second];
        if (p.wikidata.empty()) p.wikidata = item;
        own_items_[item] = p.key;
        MergeSpellings(row, &p);
      }
      return it->second;  // defined elsewhere (rules/people.yaml): referenced, not repeated
    }
    const size_t space = name.find(' ');
    const std::string family = Ascii(name.substr(name.rfind(' ') == std::string::npos ? 0 : name.rfind(' ') + 1));
    const std::string given = space == std::string::npos ? "" : Ascii(name.substr(0, space));
    std::string key = family.empty() ? Lower(item) : family;
    if (Taken(key) && !given.empty()) key = fmt::format("{}-{}", family, given);
    if (Taken(key)) key = fmt::format("{}-{}", key, Lower(item));
    KbPerson p;
    p.key = key;
    p.name = name;
    p.wikidata = item;
    MergeSpellings(row, &p);
    own_keys_[key] = out_.people.size();
    own_items_[item] = key;
    out_.people.push_back(std::move(p));
    ++result->new_people;
    return key;
  }

  void MergeSpellings(const json& row, KbPerson* p) {
    const std::string ar = Value(row, "nameAr");
    std::vector<std::string> spellings = SplitAliases(Value(row, "aliasesEn"));
    for (const std::string& a : SplitAliases(Value(row, "aliasesAr"))) spellings.push_back(a);
    if (p->ar.empty()) {
      p->ar = ar;
    } else if (!ar.empty()) {
      spellings.push_back(ar);
    }
    for (const std::string& s : spellings) {
      const auto same = [&](const std::string& x) { return SingleSpaced(Fold(x)) == SingleSpaced(Fold(s)); };
      if (same(p->name) || same(p->ar) || std::any_of(p->aliases.begin(), p->aliases.end(), same)) continue;
      p->aliases.push_back(s);
    }
  }

  // A term already in the file (same office, person and start) is updated.
  void AddTerm(KbTerm term, WikidataImport* result) {
    for (KbTerm& t : out_.terms) {
      if (t.office == term.office && t.person == term.person && t.from == term.from) {
        if (!term.to.empty()) t.to = term.to;
        if (t.wikidata.empty()) t.wikidata = term.wikidata;
        t.acting = t.acting || term.acting;
        ++result->updated_terms;
        return;
      }
    }
    out_.terms.push_back(std::move(term));
    ++result->new_terms;
  }

  const RuleSet& rules_;
  KnowledgeFile out_;
  std::map<std::string, size_t> own_keys_;           // key -> out_.people index
  std::map<std::string, std::string> own_items_;     // person item -> key, this file
  std::map<std::string, std::string> other_items_;   // person item -> key, other files
  std::map<std::string, std::string> country_items_; // country item -> id
  std::unique_ptr<icu::Transliterator> ascii_;
};

std::string Quoted(const std::string& s) { return json(s).dump(); }

std::string List(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + Quoted(items[i]);
  return out + "]";
}

// ", key: value" for a non-empty value.
std::string Field(const char* key, const std::string& value) {
  return value.empty() ? "" : fmt::format(", {}: {}", key, Quoted(value));
}

}  // namespace

std::string FormatKnowledgeFile(const KnowledgeFile& file, const std::string& header) {
  std::string out = header;
  if (!file.countries.empty()) {
    out += "countries:\n";
    for (const KbCountry& c : file.countries) {
      out += fmt::format("  - {{id: {}{}{}, ar: {}, en: {}{}{}}}\n", Quoted(c.id), Field("name", c.name),
                         Field("wikidata", c.wikidata), List(c.ar), List(c.en), Field("head_of_state", c.head_of_state),
                         Field("head_of_government", c.head_of_government));
    }
  }
  if (!file.people.empty()) {
    out += "people:\n";
    for (const KbPerson& p : file.people) {
      out += fmt::format("  - {{key: {}{}{}{}, aliases: {}{}}}\n", Quoted(p.key), Field("name", p.name), Field("ar", p.ar),
                         Field("wikidata", p.wikidata), List(p.aliases), p.roles.empty() ? "" : ", roles: " + List(p.roles));
    }
  }
  if (!file.terms.empty()) {
    out += "terms:\n";
    std::string office;
    for (const KbTerm& t : file.terms) {
      if (t.office != office) out += fmt::format("  {}:\n", Quoted(office = t.office));
      out += fmt::format("    - {{person: {}, from: {}{}{}{}}}\n", Quoted(t.person), Quoted(t.from), Field("to", t.to),
                         t.acting ? ", acting: true" : "", Field("wikidata", t.wikidata));
    }
  }
  return out;
}

StatusOr<WikidataImport> ImportWikidata(const std::string& json_text, const std::string& source_name,
                                        const KnowledgeFile* existing, const RuleSet& rules,
                                        const std::vector<KnowledgeFile>& context) {
  json doc = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::InvalidInput(source_name + ": not JSON (expected a SPARQL JSON result)");
  if (!doc.is_object() || !doc.contains("results") || !doc["results"].is_object() ||
      !doc["results"].contains("bindings") || !doc["results"]["bindings"].is_array()) {
    return Status::InvalidInput(source_name + ": expected application/sparql-results+json ({\"head\", \"results\": "
                                              "{\"bindings\": [...]}})");
  }
  WikidataImport result;
  Importer importer(existing, rules, context);
  const json& rows = doc["results"]["bindings"];
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].is_object()) importer.AddRow(rows[i], i, &result);
  }
  const std::string header = fmt::format(
      "# Sources: Wikidata P39 (position held) with P580/P582 (start/end time), labels and aliases in Arabic and\n"
      "# English; imported with `factlint kb import wikidata {}` (see README, Knowledge base).\n"
      "# Re-importing updates people and terms by their Wikidata ids.\n",
      source_name.substr(source_name.rfind('/') == std::string::npos ? 0 : source_name.rfind('/') + 1));
  result.yaml = FormatKnowledgeFile(importer.Finish(), header);
  return result;
}

}  // namespace factlint
