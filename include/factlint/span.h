// Span: a byte range [start, end) in a document's ORIGINAL bytes.
//
// Every other position (line, column, folded offset) is derived from a Span,
// so that evidence can always be cut out of the file the user gave us.
#pragma once

#include <cstdint>

namespace factlint {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool contains(Span other) const { return start <= other.start && other.end <= end; }
  bool overlaps(Span other) const { return start < other.end && other.start < end; }
  friend bool operator==(Span a, Span b) { return a.start == b.start && a.end == b.end; }
};

}  // namespace factlint
