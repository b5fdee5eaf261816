// LineIndex: byte offset -> line:column, columns in code points.
#include <algorithm>

#include "factlint/document.h"

namespace factlint {
namespace {

bool IsLeadByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

LineIndex::LineIndex(std::string_view text) {
  line_starts_.push_back(0);
  uint32_t code_points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) code_points_before_block_.push_back(code_points);
    if (text[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
    if (IsLeadByte(text[i])) ++code_points;
  }
}

LineIndex::Position LineIndex::At(std::string_view text, uint32_t offset) const {
  if (line_starts_.empty()) return {};
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  const uint32_t end = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  const uint32_t line_start = std::min(line_starts_[line - 1], end);
  // Code points before byte `to`, counted from the block start at or before
  // it (a column is a code point, not a byte).
  auto code_points_before = [&](uint32_t to) -> uint32_t {
    if (code_points_before_block_.empty()) return 0;
    const size_t block = std::min<size_t>(to / kBlock, code_points_before_block_.size() - 1);
    uint32_t count = code_points_before_block_[block];
    for (size_t i = block * kBlock; i < to; ++i) count += IsLeadByte(text[i]);
    return count;
  };
  return {line, 1 + code_points_before(end) - code_points_before(line_start)};
}

}  // namespace factlint
