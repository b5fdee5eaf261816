// Folding: the normalized text rules match on, and its map back to the original.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "factlint/fold.h"
#include "factlint/segment.h"
#include "test_support.h"

using factlint::Fold;
using factlint::FoldedText;

TEST_CASE("fold: Arabic, digits and Latin case") {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"أحمد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله"},           // alef forms, ta marbuta
      {"مُحَمَّدٌ", "محمد"},                                               // tashkeel
      {"فلســـطين", "فلسطين"},                                           // tatweel
      {"مستشفى", "مستشفي"},                                              // alef maqsura
      {"٤٠٬٠٠٠ و١٫٥ و۱۲", "40,000 و1.5 و12"},                            // Arabic-Indic, separators, Persian
      {"٪٥٠", "%50"},                                                    // Arabic percent
      {"Marco RUBIO", "marco rubio"},                                    // case folding
      {"ﻻ", "لا"},                                                       // presentation form via NFKC
      {"ｆｕｌｌ２", "full2"},                                            // NFKC width
      {"a\u200Fb\u061Cc", "abc"},                                        // RLM, ALM removed
      {"فلسطينيًا", "فلسطينيا"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(Fold(c.in) == c.out);
  }
}

namespace {

// Every folded character maps into the original, monotonically, and every
// folded span cut at character boundaries maps to a valid original span.
void CheckMap(const std::string& original) {
  FoldedText f(original, 0);
  uint32_t last = 0;
  for (uint32_t i = 0; i <= f.text().size(); ++i) {
    if (i < f.text().size() && (static_cast<unsigned char>(f.text()[i]) & 0xC0) == 0x80) continue;
    const factlint::Span s = f.ToOriginal(i, static_cast<uint32_t>(f.text().size()));
    REQUIRE(s.start >= last);
    REQUIRE(s.end == original.size());
    REQUIRE(s.start <= original.size());
    // Original offsets land on UTF-8 boundaries.
    if (s.start < original.size()) REQUIRE((static_cast<unsigned char>(original[s.start]) & 0xC0) != 0x80);
    last = s.start;
  }
  // Folding the original slice behind a word gives the word back.
  for (size_t start = 0; start < f.text().size();) {
    size_t end = f.text().find(' ', start);
    if (end == std::string::npos) end = f.text().size();
    if (end > start) {
      const factlint::Span s = f.ToOriginal(static_cast<uint32_t>(start), static_cast<uint32_t>(end));
      REQUIRE(Fold(original.substr(s.start, s.size())) == f.text().substr(start, end - start));
    }
    start = end + 1;
  }
}

}  // namespace

TEST_CASE("fold: the offset map holds over the seeds") {
  const auto seeds = factlint::testing::SeedsDir();
  if (seeds.empty()) return;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    if (entry.path().extension() != ".txt") continue;
    INFO(entry.path().filename().string());
    CheckMap(factlint::testing::ReadFile(entry.path()));
  }
}

TEST_CASE("fold: the offset map holds over random strings") {
  // Pieces that exercise every folding path, joined at random.
  const std::vector<std::string> pieces = {"أ", "إ", "آ", "ة", "ى", "ً", "ـ", "٤", "۵", "٫", "٬", "A", "z", " ",
                                           "ﻻ", "ｆ", "\u200F", "é", "e\u0301", "ب", "،", ".", "1", "\n", "«"};
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    INFO(s);
    CheckMap(s);
  }
}

TEST_CASE("fold: a document offset base is kept") {
  FoldedText f("أبو", 100);
  CHECK(f.ToOriginal(0, static_cast<uint32_t>(f.text().size())).start == 100);
  CHECK(f.ToOriginal(0, static_cast<uint32_t>(f.text().size())).end == 106);
  CHECK(f.FromOriginal(102) == 2);
}
