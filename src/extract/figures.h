// The value of a figure written in digits, whatever its separators:
// "40,000", "١٬٢٠٠" (folded to "1,200"), "١،٢٣٤،٥٦٧", "7,8" (a decimal
// comma in Arabic text), "-1200000", ".77", "1⁄2" (from "½").
#pragma once

#include <string_view>

namespace factlint {

// `comma` is the digits rule's "comma" attribute: "group" (English: a comma
// always groups thousands) or "decimal_unless_group" (Arabic: a comma
// followed by exactly three digits groups thousands, any other comma is the
// decimal mark: "7,8 درجات", "٠,٠٨").  The Arabic comma "،" between digits
// always groups.
double ParseFigure(std::string_view text, std::string_view comma);

}  // namespace factlint
