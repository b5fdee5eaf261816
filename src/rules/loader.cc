// Loading rules/ folders: YAML -> validated Rule objects.
#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "factlint/claim.h"
#include "factlint/fold.h"
#include "factlint/knowledge.h"
#include "factlint/rules.h"
#include "rules/compiled.h"

namespace factlint {
namespace {

namespace fs = std::filesystem;

// Keys a rule may carry.  Anything else is a typo we want to hear about.
const std::set<std::string> kRuleKeys = {"id", "family", "value", "words", "pattern", "examples",
                                         "counterexamples", "note"};
// Families the extractor reads (and those the loader makes from people.yaml
// and offices.yaml).  A rule of any other family would never be used: a
// typo in "family" is an error, not a silently dead rule.
const std::set<std::string> kFamilies = {
    "clock_hour", "clock_minute", "count_word", "currency", "date_event", "day_part", "direction", "duration",
    "duration_dual", "duration_unit", "event", "figure_follower", "former", "hedge", "hijri_month", "honorific",
    "incident", "incident_past", "jurisdiction", "lasting", "measure", "month", "month_ambiguous", "month_part",
    "month_shift", "name_join", "name_stop", "no_survivors", "not_quantity", "nth", "number_digits", "number_joiner", "number_word",
    "occurred", "office", "ordinal", "partitive", "period_scope", "person", "place", "proclitic", "qualifier",
    "scope", "since_marker", "source", "state", "tense", "time", "time_zone", "unit",
    "weekday", "weekday_name", "who"};

// Family-specific attributes, kept as strings and read by the extractor.
const std::set<std::string> kAttributes = {"grows", "unit", "factor", "relative", "calendar",
                                           "starts_with", "days", "weekday", "role", "scope",
                                           "entering", "subject", "window", "lookback", "stateful", "comma",
                                           "order", "part", "zone", "tense", "near", "events", "who", "from",
                                           "kind_of"};

std::string Where(const std::string& file, const YAML::Node& node) {
  return fmt::format("{}: line {}", file, node.Mark().line + 1);
}

Status TypeError(const std::string& file, const YAML::Node& node, const std::string& what) {
  return Status::InvalidRule(fmt::format("{}: {}", Where(file, node), what));
}

Status ReadExamples(const std::string& file, const YAML::Node& node, std::vector<RuleExample>* out) {
  if (!node.IsSequence()) return TypeError(file, node, "examples must be a list");
  for (const YAML::Node& item : node) {
    if (item.IsScalar()) {
      out->push_back({item.Scalar(), ""});
    } else if (item.IsMap() && item["text"] && item["text"].IsScalar()) {
      out->push_back({item["text"].Scalar(), item["value"] ? item["value"].as<std::string>() : ""});
    } else {
      return TypeError(file, item, "an example is a string or {text, value}");
    }
  }
  return Status::OK();
}

Status ReadWords(const std::string& file, const YAML::Node& node, Rule* rule) {
  if (node.IsSequence()) {
    for (const YAML::Node& w : node) {
      if (!w.IsScalar()) return TypeError(file, w, "words must be strings");
      rule->words[Fold(w.Scalar())] = rule->value;
    }
  } else if (node.IsMap()) {
    for (const auto& kv : node) {
      if (!kv.first.IsScalar() || !kv.second.IsScalar()) {
        return TypeError(file, kv.first, "a word map maps strings to values");
      }
      rule->words[Fold(kv.first.Scalar())] = kv.second.Scalar();
    }
  } else {
    return TypeError(file, node, "words must be a list or a map");
  }
  return Status::OK();
}

// Every value a match of `rule` can take: its words' values, else its own.
std::set<std::string> MatchValues(const Rule& rule) {
  std::set<std::string> values;
  for (const auto& [word, value] : rule.words) values.insert(value);
  if (values.empty()) values.insert(rule.value);
  return values;
}

// The values of rules whose family feeds a claim enum (claim.h) must each
// name one of its values: this is where such words enter factlint.
template <typename Enum>
Status CheckEnumValues(const std::string& file, const YAML::Node& node, const Rule& rule, bool empty_allowed) {
  for (const std::string& value : MatchValues(rule)) {
    if ((value.empty() && empty_allowed) || (!value.empty() && FromName<Enum>(value))) continue;
    return TypeError(file, node["value"] ? node["value"] : node,
                     fmt::format("rule \"{}\": unknown {} value \"{}\"; allowed: {}", rule.id, rule.family, value,
                                 AllowedNames<Enum>()));
  }
  return Status::OK();
}

Status CheckEnumFamily(const std::string& file, const YAML::Node& node, const Rule& rule) {
  // A `no_survivors` rule ("no one survived") infers a count of its value.
  if (rule.family == "event" || rule.family == "measure" || rule.family == "no_survivors") {
    return CheckEnumValues<Measure>(file, node, rule, false);
  }
  if (rule.family == "state") return CheckEnumValues<CountState>(file, node, rule, false);
  // A `former` rule with no value says "former" (src/extract/people.cc).
  if (rule.family == "former") return CheckEnumValues<HolderTime>(file, node, rule, true);
  return Status::OK();
}

StatusOr<std::unique_ptr<Rule>> ReadRule(const std::string& file, const std::string& lang,
                                         const YAML::Node& node) {
  if (!node.IsMap()) return TypeError(file, node, "a rule must be a map");
  auto rule = std::make_unique<Rule>();
  rule->file = file;
  rule->line = node.Mark().line + 1;
  rule->lang = lang;
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    if (!kRuleKeys.count(key) && !kAttributes.count(key)) {
      return TypeError(file, kv.first, fmt::format("unknown key \"{}\"", key));
    }
    if (kAttributes.count(key)) {
      if (!kv.second.IsScalar()) return TypeError(file, kv.second, fmt::format("\"{}\" must be a single value", key));
      rule->attributes[key] = kv.second.Scalar();
    }
  }
  for (const char* key : {"id", "family"}) {
    if (!node[key] || !node[key].IsScalar() || node[key].Scalar().empty()) {
      return TypeError(file, node, fmt::format("missing \"{}\"", key));
    }
  }
  rule->id = node["id"].Scalar();
  rule->family = node["family"].Scalar();
  if (!kFamilies.count(rule->family)) {
    return TypeError(file, node["family"], fmt::format("rule \"{}\": unknown family \"{}\"", rule->id, rule->family));
  }
  if (node["value"]) {
    if (!node["value"].IsScalar()) return TypeError(file, node["value"], "\"value\" must be a single value");
    rule->value = node["value"].Scalar();
  }
  if (node["words"]) {
    Status s = ReadWords(file, node["words"], rule.get());
    if (!s.ok()) return s;
  }
  if (node["pattern"]) {
    if (!node["pattern"].IsScalar()) return TypeError(file, node["pattern"], "\"pattern\" must be a string");
    rule->pattern = node["pattern"].Scalar();
  }
  if (rule->words.empty() == rule->pattern.empty()) {
    return TypeError(file, node, "a rule needs exactly one of \"words\" or \"pattern\"");
  }
  if (Status s = CheckEnumFamily(file, node, *rule); !s.ok()) return s;
  for (const auto& [key, out] : {std::pair{"examples", &rule->examples},
                                 std::pair{"counterexamples", &rule->counterexamples}}) {
    if (node[key]) {
      Status s = ReadExamples(file, node[key], out);
      if (!s.ok()) return s;
    }
  }
  return rule;
}

}  // namespace

// Reads one folder into a RuleSet under construction.
class RuleLoader {
 public:
  explicit RuleLoader(RuleSet* set) : set_(set) {}

  Status LoadFolder(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": no such rules folder; check --rules");
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".yaml") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    ids_in_folder_.clear();
    for (const fs::path& file : files) {
      Status s = LoadFile(file, fs::relative(file, dir, ec));
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

 private:
  Status LoadFile(const fs::path& path, const fs::path& relative) {
    const std::string file = path.string();
    YAML::Node root;
    try {
      root = YAML::LoadFile(file);
    } catch (const YAML::Exception& e) {
      return Status::InvalidRule(fmt::format("{}: line {}: malformed YAML: {}", file, e.mark.line + 1, e.msg));
    }
    if (!root.IsMap()) return Status::InvalidRule(file + ": expected a map with \"rules\", \"people\" or \"offices\"");
    const std::string top = relative.begin()->string();
    if (top == "kb") return LoadKnowledge(file);
    if (root["places"]) return Status::OK();  // the gazetteer (src/places) reads places.yaml
    try {
      if (root["name_keys"]) return LoadNameKeys(file, root["name_keys"]);
      if (root["people"]) return LoadPeople(file, root["people"]);
      if (root["offices"] || root["jurisdictions"]) return LoadOffices(file, root);
      std::string lang = root["lang"] ? root["lang"].as<std::string>() : "";
      if (lang.empty() && relative.has_parent_path()) lang = top;
      if (lang.empty()) return Status::InvalidRule(file + ": no \"lang\"; put the file under rules/<lang>/ or add lang:");
      if (!root["rules"] || !root["rules"].IsSequence()) {
        return Status::InvalidRule(file + ": expected \"rules:\" with a list of rules");
      }
      for (const YAML::Node& node : root["rules"]) {
        auto rule = ReadRule(file, lang, node);
        if (!rule.ok()) return rule.status();
        Status s = Add(std::move(rule.value()));
        if (!s.ok()) return s;
      }
    } catch (const YAML::Exception& e) {
      return Status::InvalidRule(fmt::format("{}: line {}: {}", file, e.mark.line + 1, e.msg));
    }
    return Status::OK();
  }

  Status Add(std::unique_ptr<Rule> rule) {
    if (!ids_in_folder_.insert(rule->id).second) {
      return Status::InvalidRule(fmt::format("{}: line {}: duplicate rule id \"{}\"", rule->file, rule->line, rule->id));
    }
    auto& rules = set_->rules_;
    auto [same, added] = set_->rule_index_.emplace(rule->id, rules.size());
    if (added) {
      rules.push_back(std::move(rule));
    } else {
      rules[same->second] = std::move(rule);  // a later folder overrides
    }
    return Status::OK();
  }

  std::vector<std::string> Strings(const std::string& file, const YAML::Node& node) {
    std::vector<std::string> out;
    if (!node) return out;
    if (!node.IsSequence()) throw YAML::RepresentationException(node.Mark(), "expected a list of strings in " + file);
    for (const YAML::Node& s : node) out.push_back(s.as<std::string>());
    return out;
  }

  // people.yaml: each person becomes a lang-independent "person" rule.
  Status LoadPeople(const std::string& file, const YAML::Node& people) {
    if (!people.IsSequence()) return TypeError(file, people, "\"people\" must be a list");
    for (const YAML::Node& node : people) {
      Person p;
      if (!node["key"] || !node["name"]) return TypeError(file, node, "a person needs \"key\" and \"name\"");
      p.key = node["key"].as<std::string>();
      p.name = node["name"].as<std::string>();
      p.aliases = Strings(file, node["aliases"]);
      p.aliases.push_back(p.name);
      p.roles = Strings(file, node["roles"]);
      auto rule = std::make_unique<Rule>();
      rule->id = "person." + p.key;
      rule->family = "person";
      rule->lang = "*";
      rule->value = p.key;
      rule->file = file;
      rule->line = node.Mark().line + 1;
      for (const std::string& alias : p.aliases) {
        rule->words[Fold(alias)] = p.key;
        set_->aliases_[SingleSpaced(Fold(alias))] = p.key;
      }
      if (node["examples"]) {
        Status s = ReadExamples(file, node["examples"], &rule->examples);
        if (!s.ok()) return s;
      }
      AddPerson(std::move(p));
      Status s = Add(std::move(rule));
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  // offices.yaml: offices and jurisdictions, with names per language.
  Status LoadOffices(const std::string& file, const YAML::Node& root) {
    for (const char* section : {"offices", "jurisdictions"}) {
      const YAML::Node list = root[section];
      if (!list) continue;
      if (!list.IsSequence()) return TypeError(file, list, fmt::format("\"{}\" must be a list", section));
      const bool is_office = std::string(section) == "offices";
      for (const YAML::Node& node : list) {
        if (!node["id"]) return TypeError(file, node, "missing \"id\"");
        const std::string id = node["id"].as<std::string>();
        if (!is_office) set_->jurisdiction_names_[id] = node["name"] ? node["name"].as<std::string>() : id;
        if (is_office) {
          Office o{id, node["name"] ? node["name"].as<std::string>() : id,
                   node["jurisdiction"] ? node["jurisdiction"].as<std::string>() : "",
                   node["exclusive"] ? node["exclusive"].as<bool>() : true};
          if (auto [at, added] = set_->office_index_.emplace(o.id, set_->offices_.size()); !added) {
            set_->offices_[at->second] = o;  // a later folder overrides
          } else {
            set_->offices_.push_back(o);
          }
        }
        for (const auto& kv : node) {
          const std::string lang = kv.first.Scalar();
          if (lang.size() != 2 || lang == "id") continue;  // language keys are two letters: ar, en
          auto rule = std::make_unique<Rule>();
          rule->id = fmt::format("{}.{}.{}", lang, is_office ? "office" : "jurisdiction", id);
          rule->family = is_office ? "office" : "jurisdiction";
          rule->lang = lang;
          rule->value = id;
          rule->file = file;
          rule->line = kv.first.Mark().line + 1;
          for (const std::string& w : Strings(file, kv.second)) rule->words[Fold(w)] = id;
          if (node["examples"] && node["examples"][lang]) {
            Status s = ReadExamples(file, node["examples"][lang], &rule->examples);
            if (!s.ok()) return s;
          }
          Status s = Add(std::move(rule));
          if (!s.ok()) return s;
        }
      }
    }
    return Status::OK();
  }

  // A knowledge file (rules/kb/*.yaml, --kb): its countries become
  // jurisdiction words, its people names, its terms the people's roles.  One
  // rule per file and language keeps the compiled rule set small however
  // many people the file lists.
 public:
  Status LoadKnowledge(const std::string& file) {
    auto kb = ReadKnowledgeFile(file);
    if (!kb.ok()) return kb.status();
    const std::string stem = fs::path(file).stem().string();
    for (const char* lang : {"ar", "en"}) {
      auto rule = KnowledgeRule(file, fmt::format("{}.countries.{}", lang, stem), "jurisdiction", lang);
      for (const KbCountry& c : kb->countries) {
        for (const std::string& w : std::string(lang) == "ar" ? c.ar : c.en) AddWord(w, c.id, rule.get());
      }
      if (Status s = AddKnowledgeRule(std::move(rule)); !s.ok()) return s;
    }
    for (const KbCountry& c : kb->countries) {
      set_->jurisdiction_names_[c.id] = c.name.empty() ? c.id : c.name;
    }
    // Spellings in Arabic script match Arabic sentences, the others English
    // ones: two smaller rules compile faster than one for every language.
    auto arabic = KnowledgeRule(file, "person.kb." + stem + ".ar", "person", "ar");
    auto latin = KnowledgeRule(file, "person.kb." + stem + ".en", "person", "en");
    for (const KbPerson& kp : kb->people) {
      Person p{kp.key, kp.name, kp.Spellings(), kp.roles};
      for (const std::string& alias : p.aliases) AddWord(alias, p.key, InArabicScript(alias) ? arabic.get() : latin.get());
      AddPerson(std::move(p));
    }
    for (const KbTerm& t : kb->terms) roles_[t.person].insert(t.office);
    set_->knowledge_.push_back(std::move(kb.value()));
    if (Status s = AddKnowledgeRule(std::move(arabic)); !s.ok()) return s;
    return AddKnowledgeRule(std::move(latin));
  }

  // A --kb file: loaded after every folder, its rule ids its own.
  Status LoadExtraKnowledge(const std::string& file) {
    ids_in_folder_.clear();
    return LoadKnowledge(file);
  }

  // Roles from the knowledge files' terms, once every person is known.
  void ApplyRoles() {
    for (auto& [key, offices] : roles_) {
      auto it = set_->person_index_.find(key);
      if (it == set_->person_index_.end()) continue;  // kb check reports it
      std::vector<std::string>& roles = set_->people_[it->second].roles;
      for (const std::string& o : offices) {
        if (std::find(roles.begin(), roles.end(), o) == roles.end()) roles.push_back(o);
      }
    }
  }

 private:
  static bool InArabicScript(const std::string& s) {
    // Arabic letters are two-byte sequences starting 0xD8-0xDB.
    return std::any_of(s.begin(), s.end(), [](char c) {
      const auto b = static_cast<unsigned char>(c);
      return b >= 0xD8 && b <= 0xDB;
    });
  }

  static std::unique_ptr<Rule> KnowledgeRule(const std::string& file, std::string id, const char* family,
                                             const char* lang) {
    auto rule = std::make_unique<Rule>();
    rule->id = std::move(id);
    rule->family = family;
    rule->lang = lang;
    rule->file = file;
    rule->line = 1;
    return rule;
  }

  void AddWord(const std::string& word, const std::string& value, Rule* rule) {
    const std::string folded = SingleSpaced(Fold(word));
    if (folded.empty()) return;
    // The first word stands as the rule's example: the words are data, and
    // `kb check` validates them; the example proves the rule compiles and matches.
    if (rule->examples.empty()) rule->examples.push_back({word, value});
    rule->words.emplace(folded, value);  // the first person to claim a spelling keeps it (kb check reports the clash)
    if (rule->family == "person") set_->aliases_.emplace(folded, value);
  }

  Status AddKnowledgeRule(std::unique_ptr<Rule> rule) {
    if (rule->words.empty()) return Status::OK();
    return Add(std::move(rule));
  }

  // A person defined twice (people.yaml and a kb file) keeps one entry with
  // every spelling; kb check reports the repetition.
  void AddPerson(Person p) {
    auto [it, fresh] = set_->person_index_.insert({p.key, set_->people_.size()});
    if (fresh) {
      set_->people_.push_back(std::move(p));
      return;
    }
    Person& known = set_->people_[it->second];
    for (std::string& a : p.aliases) {
      if (std::find(known.aliases.begin(), known.aliases.end(), a) == known.aliases.end()) known.aliases.push_back(a);
    }
    for (std::string& r : p.roles) {
      if (std::find(known.roles.begin(), known.roles.end(), r) == known.roles.end()) known.roles.push_back(r);
    }
  }

  // names.yaml: how a name nobody listed becomes a person key (people.h).
  Status LoadNameKeys(const std::string& file, const YAML::Node& node) {
    for (const char* stage : {"before", "after"}) {
      const YAML::Node list = node[stage];
      if (!list) continue;
      if (!list.IsSequence()) return TypeError(file, list, fmt::format("name_keys.{} must be a list", stage));
      for (const YAML::Node& step : list) {
        if (!step["pattern"] || !step["pattern"].IsScalar() || !step["replace"] || !step["replace"].IsScalar()) {
          return TypeError(file, step, "a name key step is {pattern, replace, why}");
        }
        const std::string pattern = std::string(stage) == "before" ? Fold(step["pattern"].Scalar()) : step["pattern"].Scalar();
        set_->name_keys_.push_back({stage, pattern, step["replace"].Scalar(), file, step.Mark().line + 1});
      }
    }
    if (const YAML::Node examples = node["examples"]) {
      if (!examples.IsSequence()) return TypeError(file, examples, "name_keys.examples must be a list of [a, b] pairs");
      for (const YAML::Node& pair : examples) {
        if (!pair.IsSequence() || pair.size() != 3 || !pair[2].IsScalar()) {
          return TypeError(file, pair, "a name key example is [spelling, spelling, same|different]");
        }
        set_->name_key_examples_.push_back({pair[0].as<std::string>(), pair[1].as<std::string>(),
                                            pair[2].Scalar() == "same"});
      }
    }
    return Status::OK();
  }

  RuleSet* set_;
  std::set<std::string> ids_in_folder_;
  std::map<std::string, std::set<std::string>> roles_;  // person key -> offices of their terms
};

StatusOr<std::unique_ptr<RuleSet>> RuleSet::Load(const std::vector<std::string>& dirs,
                                                  const std::vector<std::string>& kb_files) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  RuleLoader loader(set.get());
  for (const std::string& dir : dirs) {
    Status s = loader.LoadFolder(dir);
    if (!s.ok()) return s;
  }
  for (const std::string& file : kb_files) {
    Status s = loader.LoadExtraKnowledge(file);
    if (!s.ok()) return s;
  }
  loader.ApplyRoles();
  Status s = CompileRules(set->rules_, &set->compiled_);
  if (!s.ok()) return s;
  for (const auto& [lang, compiled] : set->compiled_) {
    for (const auto& rule : set->rules_) {
      if (rule->lang != lang && rule->lang != "*") continue;
      auto& lexicon = set->lexicons_[lang + "/" + rule->family];
      lexicon.insert(rule->words.begin(), rule->words.end());
    }
  }
  return set;
}

RuleSet::~RuleSet() = default;

const std::map<std::string, std::string>& RuleSet::Lexicon(const std::string& lang,
                                                           const std::string& family) const {
  static const std::map<std::string, std::string> kEmpty;
  auto it = lexicons_.find(lang + "/" + family);
  return it == lexicons_.end() ? kEmpty : it->second;
}

std::string RuleSet::JurisdictionName(const std::string& id) const {
  auto it = jurisdiction_names_.find(id);
  return it == jurisdiction_names_.end() ? id : it->second;
}

const Rule* RuleSet::Find(const std::string& id) const {
  auto it = rule_index_.find(id);
  return it == rule_index_.end() ? nullptr : rules_[it->second].get();
}

const Person* RuleSet::FindPerson(const std::string& key) const {
  auto it = person_index_.find(key);
  return it == person_index_.end() ? nullptr : &people_[it->second];
}

const Office* RuleSet::FindOffice(const std::string& id) const {
  auto it = office_index_.find(id);
  return it == office_index_.end() ? nullptr : &offices_[it->second];
}

std::vector<std::string> RuleSet::JurisdictionIds() const {
  std::vector<std::string> out;
  for (const auto& [id, name] : jurisdiction_names_) out.push_back(id);
  return out;
}

}  // namespace factlint
