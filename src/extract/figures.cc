#include "extract/figures.h"

#include <cstdlib>
#include <string>

namespace factlint {
namespace {

constexpr std::string_view kArabicComma = "،";
constexpr std::string_view kFractionSlash = "⁄";  // NFKC of "½" is "1⁄2"

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// True when the comma at `pos` is followed by exactly three digits and then
// no further digit: "2,122", "3,500,000".
bool GroupsThousands(std::string_view text, size_t pos) {
  size_t digits = 0;
  while (pos + 1 + digits < text.size() && IsDigit(text[pos + 1 + digits])) ++digits;
  return digits == 3;
}

}  // namespace

double ParseFigure(std::string_view text, std::string_view comma) {
  if (const size_t slash = text.find(kFractionSlash); slash != std::string_view::npos) {
    const double denominator = ParseFigure(text.substr(slash + kFractionSlash.size()), comma);
    return denominator == 0 ? 0 : ParseFigure(text.substr(0, slash), comma) / denominator;
  }
  const bool decimal_comma = comma == "decimal_unless_group";
  std::string plain;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, kArabicComma.size(), kArabicComma) == 0) {
      i += kArabicComma.size() - 1;
    } else if (text[i] == ',') {
      // "0,125" is a decimal whatever follows: no figure groups a leading zero.
      if (decimal_comma && (!GroupsThousands(text, i) || plain == "0" || plain == "-0")) plain += '.';
    } else if (IsDigit(text[i]) || text[i] == '.' || (text[i] == '-' && plain.empty())) {
      plain += text[i];
    }
  }
  return std::strtod(plain.c_str(), nullptr);
}

}  // namespace factlint
