// RuleSet: the language knowledge of factlint, loaded from rules/ as data.
//
// A rules folder holds `<lang>/<family>.yaml` files (lang "ar", "en"; files in
// other folders declare their own `lang:`), each a list of rules:
//
//   lang: ar
//   rules:
//     - id: ar.event.killed          # unique; shows up in every mention/claim
//       family: event                # what the engine does with a match
//       value: killed                # canonical value of every word below
//       words: [مقتل, قتلى, شهداء]     # a word list (or a map word -> value), or
//       pattern: '...'               # an RE2 pattern; {family} expands to the
//                                    # words of that family in this language
//       grows: true                  # family-specific attributes (see kAttributes)
//       examples: ["أسفرت عن مقتل 5"] # must produce a mention/claim of this rule
//       counterexamples: ["..."]     # must not
//
// Words and patterns match FOLDED text (see fold.h); word lists are folded on
// load, so they may be written in any spelling.  Arabic words may carry the
// proclitics و ف ب ك ل and a tanween alef.  Every match must start and end
// at a word boundary.  A later folder may override a rule by reusing its id.
//
// Load() rejects a bad file with the file, line and reason: unknown key,
// wrong type, duplicate id in one folder, unknown family macro, or an RE2
// compile error with RE2's own message.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "factlint/knowledge.h"
#include "factlint/span.h"
#include "factlint/status.h"

namespace re2 {
class RE2;
}

namespace factlint {

struct CompiledRules;  // the RE2 programs of one language (rules/compiled.h)

struct RuleExample {
  std::string text;
  std::string value;  // expected canonical value; "" to accept any
};

struct Rule {
  std::string id;
  std::string family;
  std::string lang;
  std::string value;
  std::map<std::string, std::string> words;       // folded word -> value
  std::string pattern;                            // the pattern as written
  std::map<std::string, std::string> attributes;  // grows, unit, factor, ...
  std::vector<RuleExample> examples;
  std::vector<RuleExample> counterexamples;
  std::string file;
  int line = 0;

  std::string Attribute(const std::string& key, const std::string& fallback = "") const {
    auto it = attributes.find(key);
    return it == attributes.end() ? fallback : it->second;
  }
};

// One match of one rule in a folded sentence.
struct RuleMatch {
  const Rule* rule = nullptr;
  Span span;                                  // folded offsets of the match
  std::string value;                          // value of the matched word, or rule value
  std::map<std::string, std::string> groups;  // named groups of a pattern rule
  std::map<std::string, Span> group_spans;
};

// A known person: a key, a display name and every spelling in both scripts.
struct Person {
  std::string key;
  std::string name;
  std::vector<std::string> aliases;  // as written
  std::vector<std::string> roles;    // "us/president", ...
};

// An office: its id, names in each language and the jurisdiction it implies.
struct Office {
  std::string id;            // secretary-of-state
  std::string name;          // "Secretary of State"
  std::string jurisdiction;  // fixed jurisdiction ("us" for White House Chief of Staff) or ""
  bool exclusive = true;     // one holder at a time
};

// One step of turning a name nobody listed into a person key (names.yaml):
// an RE2 replacement applied "before" transliteration (on folded text) or
// "after" it (on lower-case ASCII).
struct NameKeyStep {
  std::string stage;  // before | after
  std::string pattern;
  std::string replace;
  std::string file;
  int line = 0;
};

// Two spellings that must (or must not) get the same person key.
struct NameKeyExample {
  std::string a, b;
  bool same = true;
};

class RuleSet {
 public:
  // Loads rules/<lang>/*.yaml, people.yaml, offices.yaml, names.yaml and the
  // knowledge files under kb/ (their countries and people) from each folder
  // in order (later folders extend or override earlier ones by id), then the
  // countries and people of `kb_files` (--kb).
  static StatusOr<std::unique_ptr<RuleSet>> Load(const std::vector<std::string>& dirs,
                                                 const std::vector<std::string>& kb_files = {});
  ~RuleSet();

  // Every match of every rule of `lang` in `folded`, in text order.  Word
  // lists used only for look-ups (stop words, month names...) are not run.
  std::vector<RuleMatch> Match(std::string_view folded, const std::string& lang) const;

  // The matches of one rule alone (any family), for tests and tools.
  std::vector<RuleMatch> MatchRule(const Rule& rule, std::string_view folded, const std::string& lang) const;

  // Every word of a family in a language (folded word -> value), e.g.
  // Lexicon("ar", "month")["اكتوبر"] == "10".
  const std::map<std::string, std::string>& Lexicon(const std::string& lang,
                                                    const std::string& family) const;

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  const Rule* Find(const std::string& id) const;
  const Person* FindPerson(const std::string& key) const;
  const Office* FindOffice(const std::string& id) const;
  // "us" -> "United States"; the id itself when unknown.
  std::string JurisdictionName(const std::string& id) const;
  // Every jurisdiction id: offices.yaml's and the knowledge files' countries.
  std::vector<std::string> JurisdictionIds() const;
  const std::vector<Office>& offices() const { return offices_; }
  const std::vector<NameKeyStep>& name_keys() const { return name_keys_; }
  // The knowledge files read (kb/ folders, then --kb files), in order: the
  // KnowledgeBase is built from them without reading them again.
  const std::vector<KnowledgeFile>& knowledge() const { return knowledge_; }
  const std::vector<NameKeyExample>& name_key_examples() const { return name_key_examples_; }
  const std::vector<Person>& people() const { return people_; }
  // Folded alias -> person key, for joining spellings.
  const std::map<std::string, std::string>& aliases() const { return aliases_; }

 private:
  RuleSet() = default;
  std::vector<std::unique_ptr<Rule>> rules_;
  std::vector<Person> people_;
  std::vector<Office> offices_;
  std::map<std::string, std::string> jurisdiction_names_;
  std::map<std::string, std::string> aliases_;
  std::map<std::string, size_t> person_index_;  // key -> people_ index
  std::map<std::string, size_t> office_index_;  // id -> offices_ index
  std::vector<NameKeyStep> name_keys_;
  std::vector<KnowledgeFile> knowledge_;
  std::vector<NameKeyExample> name_key_examples_;
  std::map<std::string, std::map<std::string, std::string>> lexicons_;  // "lang/family"
  std::map<std::string, std::unique_ptr<CompiledRules>> compiled_;  // by language
  // Look-ups by id and key, so that loading and finding stay O(log n) with
  // 100,000 rules or people.
  std::map<std::string, size_t> rule_index_;
  friend class RuleLoader;
};

}  // namespace factlint
