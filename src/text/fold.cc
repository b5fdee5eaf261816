// Folding with an offset map; see fold.h for what is folded and why.
#include "factlint/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace factlint {
namespace {

// The Arabic folding of one code point: kDrop to remove it, itself to keep
// it, or its replacement.
constexpr UChar32 kDrop = -1;

UChar32 FoldArabic(UChar32 c) {
  if ((c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
      (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E8) ||
      (c >= 0x06EA && c <= 0x06ED) || c == 0x0640 /* tatweel */ || c == 0x061C /* ALM */) {
    return kDrop;
  }
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // alef forms -> ا
    case 0x0649: return 0x064A;  // alef maqsura -> ya
    case 0x06CC: return 0x064A;  // Persian ya -> ya
    case 0x06A9: return 0x0643;  // Persian kaf -> kaf
    case 0x0629: return 0x0647;  // ta marbuta -> ha
    case 0x066B: return '.';     // Arabic decimal separator
    case 0x066C: return ',';     // Arabic thousands separator
    case 0x066A: return '%';     // Arabic percent sign
  }
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);  // Arabic-Indic digits
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);  // Persian digits
  return c;
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
  if (!error) out->append(buf, static_cast<size_t>(n));
}

const icu::Normalizer2* NfkcCasefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

// Appends the folded form of `c` to `out`.
void FoldCodePoint(UChar32 c, const icu::Normalizer2* nfkc_cf, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    return;
  }
  if (c >= 0x0600 && c <= 0x06FF) {  // Arabic block: the common case, no ICU call
    const UChar32 folded = FoldArabic(c);
    if (folded != kDrop) AppendUtf8(folded, out);
    return;
  }
  if (nfkc_cf == nullptr || nfkc_cf->isInert(c)) {
    AppendUtf8(c, out);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString normalized = nfkc_cf->normalize(icu::UnicodeString(c), status);
  if (U_FAILURE(status)) {
    AppendUtf8(c, out);
    return;
  }
  // Presentation forms (ﻻ, ﺔ) become Arabic letters that fold further.
  for (int32_t i = 0; i < normalized.length();) {
    const UChar32 n = normalized.char32At(i);
    i += U16_LENGTH(n);
    const UChar32 folded = FoldArabic(n);
    if (folded != kDrop) AppendUtf8(folded, out);
  }
}

constexpr uint8_t kEscape = 0x1B;

// The end of the terminal escape sequence at `i` (s[i] is ESC): CSI
// ("ESC[0m"), OSC ("ESC]0;title BEL") or a two-byte escape.  Such a
// sequence is markup for a terminal, not text: its digits ("0" of "ESC[0m")
// must not become figures.
int32_t EscapeSequenceEnd(const uint8_t* s, int32_t i, int32_t length) {
  ++i;
  if (i < length && s[i] == '[') {  // parameters, intermediates, one final byte
    for (++i; i < length && s[i] >= 0x20 && s[i] <= 0x3F; ++i) {
    }
    return i < length && s[i] >= 0x40 && s[i] <= 0x7E ? i + 1 : i;
  }
  if (i < length && s[i] == ']') {  // up to BEL or ESC backslash, if near
    constexpr int32_t kLongestOsc = 256;  // an unterminated one must not hide the article
    int32_t j = i + 1;
    for (; j < length && j - i < kLongestOsc && s[j] != 0x07 && s[j] != kEscape; ++j) {
    }
    if (j < length && s[j] == 0x07) return j + 1;
    if (j + 1 < length && s[j] == kEscape && s[j + 1] == '\\') return j + 2;
    return i + 1;
  }
  return i < length && s[i] >= 0x40 && s[i] <= 0x5F ? i + 1 : i;
}

}  // namespace

size_t EscapeSequenceLength(std::string_view text, size_t at) {
  if (at >= text.size() || static_cast<uint8_t>(text[at]) != kEscape) return 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  return static_cast<size_t>(EscapeSequenceEnd(s, static_cast<int32_t>(at), static_cast<int32_t>(text.size()))) - at;
}

FoldedText::FoldedText(std::string_view original, uint32_t base) {
  const icu::Normalizer2* nfkc_cf = NfkcCasefold();
  text_.reserve(original.size());
  origin_.reserve(original.size() + 1);
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  const int32_t length = static_cast<int32_t>(original.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    if (s[i] == kEscape) {  // a whole escape sequence folds to one space
      i = EscapeSequenceEnd(s, i, length);
      c = ' ';
    } else {
      U8_NEXT(s, i, length, c);
    }
    if (c < 0) c = 0xFFFD;  // input was validated on load; be safe anyway
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') c = ' ';  // other controls separate words
    FoldCodePoint(c, nfkc_cf, &text_);
    origin_.resize(text_.size(), base + static_cast<uint32_t>(start));
  }
  origin_.push_back(base + static_cast<uint32_t>(original.size()));
}

Span FoldedText::ToOriginal(uint32_t start, uint32_t end) const {
  const uint32_t last = static_cast<uint32_t>(text_.size());
  start = std::min(start, last);
  end = std::min(std::max(end, start), last);
  return Span{origin_[start], origin_[end]};
}

uint32_t FoldedText::FromOriginal(uint32_t offset) const {
  auto it = std::lower_bound(origin_.begin(), origin_.end() - 1, offset);
  return static_cast<uint32_t>(it - origin_.begin());
}

std::string Fold(std::string_view text) { return FoldedText(text, 0).text(); }

std::string SingleSpaced(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace factlint
