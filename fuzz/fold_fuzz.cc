// Folding and segmentation.  Properties: every folded span maps back inside
// the original (and in order); sentences lie inside the body, in order.
#include "factlint/fold.h"
#include "factlint/segment.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace factlint;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  constexpr uint32_t kBase = 7;
  const FoldedText folded(text, kBase);
  const uint32_t n = static_cast<uint32_t>(folded.text().size());
  uint32_t previous = kBase;
  for (uint32_t i = 0; i <= n; ++i) {
    const Span s = folded.ToOriginal(i, std::min(n, i + 3));
    fuzz::Require(s.start >= kBase && s.end <= kBase + size && s.start <= s.end, "folded spans map inside the original");
    fuzz::Require(s.start >= previous, "the offset map is monotone");
    previous = s.start;
  }
  for (uint32_t offset : {kBase, kBase + static_cast<uint32_t>(size / 2), kBase + static_cast<uint32_t>(size)}) {
    fuzz::Require(folded.FromOriginal(offset) <= n, "original offsets map inside the folded text");
  }
  if (!fuzz::IsUtf8(text) || text.find('\0') != std::string_view::npos) return 0;
  Document doc;
  doc.id = doc.path = "f.txt";
  doc.bytes = std::string(text);
  doc.body = Span{0, static_cast<uint32_t>(size)};
  doc.lines = LineIndex(doc.bytes);
  uint32_t end = 0;
  for (const Sentence& s : SplitSentences(doc)) {
    fuzz::Require(s.span.start >= end && s.span.start < s.span.end && s.span.end <= size, "sentences in order, inside");
    end = s.span.end;
  }
  return 0;
}
