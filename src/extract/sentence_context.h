// SentenceContext: one sentence as the extractor sees it — its folded text,
// the rule matches in it, and the way back to the original bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "factlint/document.h"
#include "factlint/fold.h"
#include "factlint/rules.h"
#include "factlint/segment.h"

namespace factlint {

// A word of folded text and where it starts (bytes from the text's start).
struct FoldedWord {
  uint32_t at = 0;
  std::string text;
};

// The words of folded text, split at spaces, trailing punctuation removed
// ("منهم." -> "منهم"); words of punctuation alone are left out.
std::vector<FoldedWord> FoldedWords(std::string_view text);

class SentenceContext {
 public:
  SentenceContext(const Document& doc, const Sentence& sentence, const RuleSet& rules);

  const Document& doc() const { return doc_; }
  const Sentence& sentence() const { return sentence_; }
  const std::string& folded() const { return folded_.text(); }
  const FoldedText& folded_text() const { return folded_; }
  const std::vector<RuleMatch>& matches() const { return matches_; }
  // The sentence language's word list of one lexicon-only family.
  const std::map<std::string, std::string>& Lexicon(const std::string& family) const {
    return rules_.Lexicon(sentence_.lang, family);
  }

  // Matches of one family, in text order.
  std::vector<const RuleMatch*> Family(std::string_view family) const;
  // Keeps the longest of overlapping matches of a family (text order).
  std::vector<const RuleMatch*> LongestOf(std::string_view family) const;

  Span Original(Span folded) const { return folded_.ToOriginal(folded.start, folded.end); }
  // The original text behind a folded span: evidence is always quoted from it.
  std::string Quote(Span folded) const;

  // The clause (between commas, semicolons, colons, brackets and quotes)
  // around a folded span.
  Span ClauseAround(Span folded) const;
  // The folded text between two offsets.
  std::string_view Between(uint32_t from, uint32_t to) const;
  // True when only white space lies between.
  bool OnlySpaceBetween(uint32_t from, uint32_t to) const;
  // What lies between, white space removed ("" when only space): callers
  // compare it with the few words they allow there ("من", "و", "of").
  std::string Gap(uint32_t from, uint32_t to) const;

 private:
  const Document& doc_;
  const Sentence& sentence_;
  const RuleSet& rules_;
  FoldedText folded_;
  std::vector<RuleMatch> matches_;
  std::vector<Span> clause_breaks_;  // found once: ClauseAround is asked for every figure and date
};

}  // namespace factlint
