// LineIndex: byte offset -> line:column, columns in code points.
#include <algorithm>

#include "factlint/document.h"

namespace factlint {

LineIndex::LineIndex(std::string_view text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

LineIndex::Position LineIndex::At(std::string_view text, uint32_t offset) const {
  if (line_starts_.empty()) return {};
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t column = 1;
  const uint32_t end = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  for (uint32_t i = line_starts_[line - 1]; i < end; ++i) {
    // Count lead bytes only: a column is a code point, not a byte.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

}  // namespace factlint
