// Folding: the normalized text that rules match on, with a map back to the
// original bytes.
//
// Folding applies, code point by code point: NFKC with case folding (ICU's
// NFKC_Casefold); Arabic folding (diacritics, tatweel and Quranic marks
// removed; أ إ آ ٱ → ا; ى → ي; ة → ه); Arabic-Indic and Persian digits → ASCII;
// Arabic decimal/thousands separators ٫ ٬ → "." ","; Arabic percent ٪ → "%";
// format controls (LRM, RLM, ALM, ZWJ/ZWNJ) removed.  Matching happens on the
// folded text; evidence is always quoted from the original through the map.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "factlint/span.h"

namespace factlint {

class FoldedText {
 public:
  // Folds `original`; `base` is the offset of original[0] in its document, so
  // that ToOriginal() returns document offsets.
  FoldedText(std::string_view original, uint32_t base);

  const std::string& text() const { return text_; }

  // The original span that produced folded bytes [start, end).  A removed
  // mark (a diacritic, tatweel) belongs to the letter before it.
  Span ToOriginal(uint32_t start, uint32_t end) const;

  // The folded offset of the first folded byte produced at or after the
  // original document offset `offset`.
  uint32_t FromOriginal(uint32_t offset) const;

 private:
  std::string text_;
  // origin_[i] = document offset of the code point that produced folded byte
  // i; origin_[text_.size()] = end of the original.
  std::vector<uint32_t> origin_;
};

// Folds a short string (a rule word, a name) without keeping a map.
std::string Fold(std::string_view text);

// The length of the terminal escape sequence (CSI "ESC[0m", OSC "ESC]0;t BEL",
// or a two-byte escape) that starts at `at` of `text`; 0 when text[at] is not
// ESC.  Folding turns each into one space: it is markup for a terminal, and
// its digits are no figures.
size_t EscapeSequenceLength(std::string_view text, size_t at);

// Runs of white space as one space, none at the ends: how word lists store
// multi-word entries ("تشرين الأول"), whatever spacing the text had.
std::string SingleSpaced(std::string_view text);

}  // namespace factlint
