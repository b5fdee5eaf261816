// People and the offices they hold.
//
// A person is found by a spelling from rules/people.yaml, or — right after an
// office title — as an unknown name (two or three name-like words: not a
// stop word, not a word any rule family knows; capitalised in English).
// An office title takes its jurisdiction from the adjective beside it, its
// tense from "السابق"/"former", and its holders from the names after it
// ("المبعوثين ستيف ويتكوف وجاريد كوشنر") or, in apposition, before it
// ("Marco Rubio, the US Secretary of State").
#pragma once

#include <mutex>
#include <memory>
#include <string>
#include <vector>

#include "extract/sentence_context.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace factlint {

struct NameExpr {
  Span span;             // folded
  std::string key;       // person key: from people.yaml, or transliterated
  bool known = false;    // in people.yaml
  const Rule* rule = nullptr;  // the person rule, or for an unknown name the office title's
};

struct OfficeExpr {
  Span span;                 // folded: title with its jurisdiction and tense words
  const Rule* rule = nullptr;
  std::string office;        // office id
  std::string jurisdiction;  // "" when the text does not say
  bool former = false;
  std::vector<NameExpr> holders;
};

// Joins spellings of names nobody listed: "سوزي مايلز" -> "suzy-maylz".
class PersonKeyer {
 public:
  PersonKeyer();
  ~PersonKeyer();
  std::string KeyFor(const std::string& original) const;

 private:
  mutable std::mutex mu_;  // ICU transliterators are not safe to share
  std::unique_ptr<icu::Transliterator> latin_;
};

std::vector<NameExpr> FindPeople(const SentenceContext& ctx);
std::vector<OfficeExpr> FindOffices(const SentenceContext& ctx, const RuleSet& rules, const PersonKeyer& keyer);

}  // namespace factlint
