// Paragraphs, sentences and words as spans of the original bytes.
#include "factlint/segment.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>

namespace factlint {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

Span Trim(std::string_view text, Span span) {
  while (span.start < span.end && IsSpace(text[span.start])) ++span.start;
  while (span.end > span.start && IsSpace(text[span.end - 1])) --span.end;
  return span;
}

// Arabic full stop and question mark end sentences in ICU already; the
// Arabic semicolon does not, but in news prose it separates statements.
constexpr std::string_view kArabicSemicolon = "\xD8\x9B";  // ؛

// Net count of quotes still open at the end of `text` (« » and “ ”).
int OpenQuotes(std::string_view text) {
  int open = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const std::string_view two = text.substr(i, 2);
    const std::string_view three = text.substr(i, 3);
    if (two == "\xC2\xAB" || three == "\xE2\x80\x9C") ++open;        // « “
    else if (two == "\xC2\xBB" || three == "\xE2\x80\x9D") --open;   // » ”
  }
  return open;
}

// True when `text` ends with initials or a title abbreviation ("U.S.",
// "J.D.", "Mr.") — ICU would end a sentence there; news would not.
bool EndsWithAbbreviation(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  if (text.empty() || text.back() != '.') return false;
  // The last word only: a bounded look back keeps a long run without spaces linear.
  constexpr size_t kLongestWord = 32;
  if (text.size() > kLongestWord) text.remove_prefix(text.size() - kLongestWord);
  const size_t space = text.find_last_of(" (\n");
  const std::string_view word = text.substr(space == std::string_view::npos ? 0 : space + 1);
  static constexpr std::string_view kTitles[] = {"Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.",
                                                 "Lt.", "Col.", "Sgt.", "St.", "Prof.", "No.", "vs.", "Jr.", "Sr.",
                                                 "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
                                                 "Sep.", "Sept.", "Oct.", "Nov.", "Dec."};
  for (std::string_view t : kTitles) {
    if (word == t) return true;
  }
  // Arabic initials: one letter and a dot, repeated ("ت.غ" for GMT, "أ.ف.ب"):
  // two bytes a letter (U+0620..U+064A), then the dot.
  if (word.size() % 3 == 0 && [&] {
        for (size_t i = 0; i < word.size(); i += 3) {
          const auto lead = static_cast<unsigned char>(word[i]);
          if (lead < 0xD8 || lead > 0xD9 || word[i + 2] != '.') return false;
        }
        return true;
      }()) {
    return true;
  }
  // Initials: one capital letter and a dot, repeated ("U.S.", "J.D.", "E.U.").
  if (word.size() < 2 || word.size() % 2 != 0) return false;
  for (size_t i = 0; i < word.size(); i += 2) {
    if (!(word[i] >= 'A' && word[i] <= 'Z') || word[i + 1] != '.') return false;
  }
  return true;
}

std::unique_ptr<icu::BreakIterator> MakeIterator(bool sentences) {
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" suppresses breaks after known abbreviations ("U.S.", "Mr.").
  std::unique_ptr<icu::BreakIterator> it(
      sentences ? icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status)
                : icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  return U_SUCCESS(status) ? std::move(it) : nullptr;
}

// ICU break positions inside `span` of `text` (document offsets).
std::vector<uint32_t> Boundaries(icu::BreakIterator& it, std::string_view text, Span span) {
  std::vector<uint32_t> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data() + span.start, span.size(), &status);
  if (U_FAILURE(status)) return {span.start, span.end};
  it.setText(ut, status);
  for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next()) {
    out.push_back(span.start + static_cast<uint32_t>(b));
  }
  utext_close(ut);
  return out;
}

// True when the paragraph may hold more than one sentence: a terminator
// (. ! ? ؟ ۔ ؛ …) somewhere before its last few bytes.  Most news paragraphs
// that are one sentence skip ICU entirely.
bool MayHoldSeveralSentences(std::string_view text) {
  static constexpr std::string_view kTerminators[] = {".", "!", "?", "؟", "۔", "؛", "…"};
  size_t end = text.size();
  while (end > 0) {  // ignore the closing terminator, quotes and space
    const unsigned char c = static_cast<unsigned char>(text[end - 1]);
    if (c == ' ' || c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c >= 0x80) {
      if (c >= 0x80) {
        size_t start = end - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        const std::string_view last = text.substr(start, end - start);
        if (last != "؟" && last != "۔" && last != "»" && last != "”" && last != "…" && last != "؛") break;
        end = start;
        continue;
      }
      --end;
      continue;
    }
    break;
  }
  const std::string_view body = text.substr(0, end);
  for (std::string_view t : kTerminators) {
    if (body.find(t) != std::string_view::npos) return true;
  }
  return false;
}

// Sentences of one paragraph: ICU's breaks, plus ؛, minus breaks inside quotes.
// Linear in the paragraph: each piece between two breaks is scanned once for
// ؛ and once for quotes (a running count, not a rescan of the growing
// candidate, which made an unclosed « quadratic).
void SplitParagraph(icu::BreakIterator& it, const Document& doc, Span paragraph, uint32_t index,
                    std::vector<Sentence>* out) {
  const std::string_view text = doc.bytes;
  std::vector<uint32_t> cuts = Boundaries(it, text, paragraph);
  std::vector<uint32_t> all;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    all.push_back(cuts[i]);
    const std::string_view piece = text.substr(cuts[i], cuts[i + 1] - cuts[i]);
    for (size_t at = piece.find(kArabicSemicolon); at != std::string_view::npos;
         at = piece.find(kArabicSemicolon, at + 1)) {
      all.push_back(static_cast<uint32_t>(cuts[i] + at + kArabicSemicolon.size()));
    }
  }
  if (!cuts.empty()) all.push_back(cuts.back());
  uint32_t start = paragraph.start;
  int open_quotes = 0;  // quotes open in [start, all[i])
  for (size_t i = 1; i < all.size(); ++i) {
    const Span candidate{start, all[i]};
    // A quote mark spans 2 or 3 bytes and never straddles a break.
    open_quotes += OpenQuotes(doc.Text(Span{all[i - 1], all[i]}));
    if (i + 1 < all.size() && open_quotes > 0) continue;  // inside a quote
    if (i + 1 < all.size() && EndsWithAbbreviation(doc.Text(candidate))) continue;
    const Span span = Trim(text, candidate);
    start = all[i];
    open_quotes = 0;
    if (span.empty()) continue;
    out->push_back(Sentence{span, index, DetectLanguage(doc.Text(span))});
  }
}

}  // namespace

std::vector<Span> SplitParagraphs(const Document& doc) {
  std::vector<Span> out;
  const std::string_view text = doc.bytes;
  uint32_t start = doc.body.start;
  while (start < doc.body.end) {
    size_t nl = text.find('\n', start);
    const uint32_t end = nl == std::string_view::npos || nl > doc.body.end ? doc.body.end
                                                                            : static_cast<uint32_t>(nl);
    const Span line = Trim(text, Span{start, end});
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

SentenceSplitter::SentenceSplitter() : sentences_(MakeIterator(true)) {}
SentenceSplitter::~SentenceSplitter() = default;

// No news sentence is this long; a longer one is a paragraph without
// punctuation (or hostile input).  Cutting it into pieces of at most this
// size, at a space, bounds the per-sentence work of extraction, some of
// which grows with the square of the sentence.
constexpr uint32_t kLongestSentence = 4096;

// Appends `sentence`, cut into pieces of at most kLongestSentence bytes.
void AppendBounded(const Document& doc, const Sentence& sentence, std::vector<Sentence>* out) {
  const std::string_view text = doc.bytes;
  Span rest = sentence.span;
  while (rest.size() > kLongestSentence) {
    uint32_t cut = rest.start + kLongestSentence;
    const size_t space = text.substr(rest.start, kLongestSentence).rfind(' ');
    if (space != std::string_view::npos && space > 0) {
      cut = rest.start + static_cast<uint32_t>(space);
    } else {
      while (cut > rest.start && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      if (cut == rest.start) cut = rest.start + kLongestSentence;  // not UTF-8: cut anywhere
    }
    const Span piece = Trim(text, Span{rest.start, cut});
    if (!piece.empty()) out->push_back(Sentence{piece, sentence.paragraph, sentence.lang});
    rest = Trim(text, Span{cut, rest.end});
  }
  if (!rest.empty()) out->push_back(Sentence{rest, sentence.paragraph, sentence.lang});
}

std::vector<Sentence> SentenceSplitter::Split(const Document& doc) {
  std::vector<Sentence> sentences;
  const std::vector<Span> paragraphs = SplitParagraphs(doc);
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    if (sentences_ && MayHoldSeveralSentences(doc.Text(paragraphs[p]))) {
      SplitParagraph(*sentences_, doc, paragraphs[p], p, &sentences);
    } else {
      sentences.push_back(Sentence{paragraphs[p], p, DetectLanguage(doc.Text(paragraphs[p]))});
    }
  }
  std::vector<Sentence> out;
  out.reserve(sentences.size());
  for (const Sentence& s : sentences) AppendBounded(doc, s, &out);
  return out;
}

std::vector<Sentence> SplitSentences(const Document& doc) { return SentenceSplitter().Split(doc); }

std::vector<Span> SplitWords(std::string_view text, Span span) {
  std::vector<Span> out;
  auto it = MakeIterator(false);
  if (!it) return out;
  std::vector<uint32_t> cuts = Boundaries(*it, text, span);
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    // A word holds at least one letter or digit; skip space and punctuation.
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    bool wordlike = false;
    for (int32_t j = static_cast<int32_t>(cuts[i]); j < static_cast<int32_t>(cuts[i + 1]) && !wordlike;) {
      UChar32 c;
      U8_NEXT(s, j, static_cast<int32_t>(cuts[i + 1]), c);
      wordlike = c > 0 && (u_isalnum(c) != 0);
    }
    if (wordlike) out.push_back(Span{cuts[i], cuts[i + 1]});
  }
  return out;
}

std::string DetectLanguage(std::string_view text) {
  size_t arabic = 0, latin = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if ((c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || (c >= 0xFB50 && c <= 0xFEFC)) {
      ++arabic;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F)) {
      ++latin;
    }
  }
  if (arabic == 0 && latin == 0) return "und";
  return arabic >= latin ? "ar" : "en";
}

}  // namespace factlint
