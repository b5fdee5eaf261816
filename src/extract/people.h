// People and the offices they hold.
//
// A person is found by a spelling from rules/people.yaml, or — right after an
// office title — as an unknown name (two or three name-like words: not a
// stop word, not a word any rule family knows; capitalised in English).
// An office title takes its jurisdiction from the adjective beside it, its
// status from "السابق"/"former", "المنتخب"/"elect", "بالإنابة"/"acting"...
// (the "former" family; the word's value is the status), and its holders from the names after it
// ("المبعوثين ستيف ويتكوف وجاريد كوشنر") or, in apposition, before it
// ("Marco Rubio, the US Secretary of State").
#pragma once

#include <map>
#include <mutex>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "factlint/claim.h"

#include "extract/sentence_context.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace re2 {
class RE2;
}

namespace factlint {

// A bare family name after a title ("الرئيس عون") is keyed
// kFamilyNamePrefix + its skeleton until JoinFamilyNames() finds whose it is.
inline constexpr std::string_view kFamilyNamePrefix = "family:";

struct NameExpr {
  Span span;             // folded
  std::string key;       // person key: from people.yaml, or transliterated
  bool known = false;    // in people.yaml or a knowledge file
  const Rule* rule = nullptr;  // the person rule, or for an unknown name the office title's
};

struct OfficeExpr {
  Span span;                 // folded: title with its jurisdiction and tense words
  const Rule* rule = nullptr;
  std::string office;        // office id
  std::string jurisdiction;  // "" when the text does not say
  bool former = false;       // not the current holder: see `status`
  std::string status;        // former | late | elect | acting | designate ("" = current)
  std::vector<NameExpr> holders;
};

// Joins spellings of names nobody listed.  A name's skeleton is its
// transliteration (ICU Any-Latin) reduced by the steps of rules/name-keys.yaml
// (article, vowels, letters Arabic and English write differently), so that
// "جوزيف عون", "جوزاف عون" and "Joseph Aoun" all read "gsf-n" while "ميشال
// عون" reads "msl-n".  A skeleton shared with exactly one listed person's
// full spelling is that person's key.
class PersonKeyer {
 public:
  explicit PersonKeyer(const RuleSet& rules);
  ~PersonKeyer();
  // The person key of a name: a listed person's key, else its skeleton.
  std::string KeyFor(const std::string& original) const;
  std::string Skeleton(const std::string& original) const;
  // Skeletons of the family names (last words) of a person's spellings: a
  // listed person's, or for a skeleton key its own last word.
  std::set<std::string> FamilyNames(const std::string& key) const;
  // The jurisdiction in which a listed person held `office` ("" if none).
  std::string RoleFor(const std::string& key, const std::string& office) const;

 private:
  const RuleSet& rules_;
  mutable std::mutex mu_;  // ICU transliterators are not safe to share
  std::unique_ptr<icu::Transliterator> latin_;
  std::vector<std::pair<std::unique_ptr<re2::RE2>, std::string>> before_, after_;
  std::map<std::string, std::string> listed_;                // full-name skeleton -> key ("" when shared)
  std::map<std::string, std::set<std::string>> families_;    // listed key -> family-name skeletons
};

// Resolves the bare family names of one document's claims: "عون" joins the
// one full name of the document whose family name it is ("جوزاف عون"); when
// none or several fit, the claims are dropped (precision first).
void JoinFamilyNames(const PersonKeyer& keyer, std::vector<Claim>* claims);

std::vector<NameExpr> FindPeople(const SentenceContext& ctx);
std::vector<OfficeExpr> FindOffices(const SentenceContext& ctx, const RuleSet& rules, const PersonKeyer& keyer);

}  // namespace factlint
