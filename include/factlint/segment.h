// Segmentation: paragraphs, sentences and words, each as spans of the
// original bytes, with the language of every sentence.
//
// Sentences come from ICU's sentence BreakIterator (with ICU's abbreviation
// suppressions, so "U.S. Vice President" stays one sentence), inside
// paragraphs (blank-line or line-break separated).  Arabic ؟ and ؛ and the
// Arabic full stop ۔ end sentences; a break is never made inside « » or “ ”
// quotes.  The Arabic comma ، does not end a sentence (it is a clause comma).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

#include "factlint/document.h"
#include "factlint/span.h"

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace factlint {

struct Sentence {
  Span span;               // trimmed of surrounding white space
  uint32_t paragraph = 0;  // 0-based paragraph index within the document
  std::string lang;        // "ar", "en" or "und", from the letters it holds
};

// Splits documents into sentences.  Holds ICU break iterators, which are
// costly to create: make one per thread and reuse it for many documents.
class SentenceSplitter {
 public:
  SentenceSplitter();
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // The sentences of the document body, in order.
  std::vector<Sentence> Split(const Document& doc);

 private:
  std::unique_ptr<icu::BreakIterator> sentences_;
};

// Splits the document body into sentences, in order (a one-off splitter).
std::vector<Sentence> SplitSentences(const Document& doc);

// Paragraph spans of the document body (lines that are not blank, trimmed).
std::vector<Span> SplitParagraphs(const Document& doc);

// Word spans within `span` of `text` (ICU word BreakIterator; letters and
// digits only, punctuation and space skipped).  Offsets are relative to text.
std::vector<Span> SplitWords(std::string_view text, Span span);

// "ar" when Arabic letters dominate, "en" for Latin, "und" when neither.
std::string DetectLanguage(std::string_view text);

}  // namespace factlint
