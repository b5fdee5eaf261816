// Words of folded text, as the gazetteer sees them: runs of letters, marks and
// digits.  Names and text are split the same way, so "U.S." and "u.s" both
// become the words "u s", and "Khyber-Pakhtunkhwa" matches "khyber pakhtunkhwa".
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "factlint/fold.h"
#include "places/gazetteer_data.h"

namespace factlint {
namespace {

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

}  // namespace

std::vector<WordSpan> SplitPlaceWords(std::string_view folded) {
  std::vector<WordSpan> words;
  const auto* s = reinterpret_cast<const uint8_t*>(folded.data());
  const int32_t length = static_cast<int32_t>(folded.size());
  int32_t start = -1;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const bool word = c >= 0 && IsWordChar(c);
    if (word && start < 0) start = at;
    if (!word && start >= 0) {
      words.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(at)});
      start = -1;
    }
  }
  if (start >= 0) words.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(length)});
  return words;
}

std::string NameKeyOf(std::string_view name) {
  // Most GeoNames names are plain ASCII: lower-case and split them in one
  // pass instead of a full ICU fold (a third of the gazetteer's load time).
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) return NameKey(Fold(name));
  std::string key;
  key.reserve(name.size());
  bool pending_space = false;
  for (char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key += ' ';
    pending_space = false;
    key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  return key;
}

std::string NameKey(std::string_view folded) {
  std::string key;
  for (const WordSpan& w : SplitPlaceWords(folded)) {
    if (!key.empty()) key += ' ';
    key.append(folded.substr(w.begin, w.end - w.begin));
  }
  return key;
}

}  // namespace factlint
