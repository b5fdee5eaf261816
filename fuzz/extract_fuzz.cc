// Numbers, dates and the rest of extraction on arbitrary text, plus the ISO
// date parser.  Properties: claims quote their own document (span inside,
// text equal to the span, valid UTF-8), figures are finite, dates that
// parse are real days.
#include <cmath>

#include "document/meta.h"
#include "factlint/civil_date.h"
#define FACTLINT_FUZZ_SHARED_ENGINE
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace factlint;
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (size <= 16) {
    if (auto range = ParseIsoDate(text)) fuzz::Require(range->first <= range->last, "a date range is ordered");
    if (IsValidIsoDate(text)) fuzz::Require(ParseIsoDate(text).has_value(), "a valid date parses");
  }
  if (!fuzz::IsUtf8(text) || text.find('\0') != std::string::npos) return 0;
  Document doc;
  doc.id = doc.path = "x.txt";
  doc.bytes = text;
  doc.body = Span{0, static_cast<uint32_t>(size)};
  doc.lines = LineIndex(doc.bytes);
  doc.meta.date = "2024-03-05";
  for (const Claim& c : fuzz::SharedEngine().Extract(doc)) {
    fuzz::Require(c.span.start <= c.span.end && c.span.end <= size, "evidence inside the document");
    fuzz::Require(c.text == doc.Text(c.span), "evidence quotes its span");
    fuzz::Require(c.sentence.start <= c.span.start && c.span.end <= c.sentence.end, "evidence inside its sentence window");
    fuzz::Require(c.sentence_text.size() <= 2 * 400 + c.text.size(), "sentence window bounded");
    fuzz::Require(fuzz::IsUtf8(c.text) && fuzz::IsUtf8(c.sentence_text) && fuzz::IsUtf8(c.value), "claims are UTF-8");
  }
  return 0;
}
