// Segmentation: paragraphs, sentences (with their language) and words.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "factlint/segment.h"
#include "test_support.h"

using factlint::testing::MakeDocument;

namespace {

std::vector<std::string> SentenceTexts(const std::string& text) {
  const factlint::Document doc = MakeDocument(text);
  std::vector<std::string> out;
  for (const auto& s : factlint::SplitSentences(doc)) out.emplace_back(doc.Text(s.span));
  return out;
}

}  // namespace

TEST_CASE("segment: sentence boundaries in Arabic and English") {
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  } cases[] = {
      {"قال الوزير إن الوضع صعب. وأضاف أن المحادثات مستمرة.", {"قال الوزير إن الوضع صعب.", "وأضاف أن المحادثات مستمرة."}},
      {"هل تنجح الهدنة؟ لا أحد يعرف.", {"هل تنجح الهدنة؟", "لا أحد يعرف."}},
      {"وزير الخارجية الأمريكي، أنتوني بلينكين، وصل اليوم.", {"وزير الخارجية الأمريكي، أنتوني بلينكين، وصل اليوم."}},
      {"قال: «هذه لحظة حاسمة. ربما الفرصة الأخيرة». ثم غادر.", {"قال: «هذه لحظة حاسمة. ربما الفرصة الأخيرة».", "ثم غادر."}},
      {"توقفت المحادثات؛ وعاد الوفد.", {"توقفت المحادثات؛", "وعاد الوفد."}},
      {"U.S. Vice President J.D. Vance arrived. He met Mr. Smith.", {"U.S. Vice President J.D. Vance arrived.", "He met Mr. Smith."}},
      {"First paragraph\n\nSecond one", {"First paragraph", "Second one"}},
      {"  padded sentence.  \r\n", {"padded sentence."}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(SentenceTexts(c.text) == c.sentences);
  }
}

TEST_CASE("segment: languages by script, paragraphs counted") {
  const factlint::Document doc = MakeDocument("هذا نص عربي.\nThis is English.\n12345");
  const auto sentences = factlint::SplitSentences(doc);
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].lang == "ar");
  CHECK(sentences[1].lang == "en");
  CHECK(sentences[2].lang == "und");
  CHECK(sentences[1].paragraph == 1);
}

TEST_CASE("segment: words skip punctuation") {
  const std::string text = "قال، بلينكن: «نعم» 40,000!";
  const auto words = factlint::SplitWords(text, factlint::Span{0, static_cast<uint32_t>(text.size())});
  std::vector<std::string> got;
  for (auto w : words) got.push_back(text.substr(w.start, w.size()));
  CHECK(got == std::vector<std::string>{"قال", "بلينكن", "نعم", "40,000"});
}

TEST_CASE("segment: sentence spans cut from the seed files give back the sentence text") {
  const auto seeds = factlint::testing::SeedsDir();
  if (seeds.empty()) return;
  const auto run = factlint::testing::RunFactlint("extract --sentences '" + seeds.string() + "'");
  REQUIRE(run.status == 0);
  std::istringstream lines(run.out);
  std::string line;
  size_t count = 0;
  std::map<std::string, size_t> langs;
  while (std::getline(lines, line)) {
    const auto j = nlohmann::json::parse(line);
    const std::string file = factlint::testing::ReadFile(seeds / j["doc"].get<std::string>());
    const size_t start = j["span"]["start"], end = j["span"]["end"];
    REQUIRE(file.substr(start, end - start) == j["text"].get<std::string>());
    if (j["doc"] == "000_547c2e3fa83e156c.txt") ++langs[j["lang"]];
    ++count;
  }
  CHECK(count > 50);
  CHECK(langs["ar"] >= 5);  // seed 000 mixes Arabic paragraphs
  CHECK(langs["en"] >= 5);  // with their English translation
}
