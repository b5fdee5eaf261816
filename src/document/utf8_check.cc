#include "document/utf8_check.h"

#include <unicode/utf8.h>

#include <algorithm>

#include <fmt/format.h>

namespace factlint {
namespace {

size_t LineAt(std::string_view bytes, size_t offset) {
  return 1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

}  // namespace

std::optional<std::string> CheckUtf8Text(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    if (s[i] < 0x80) {  // ASCII fast path
      if (s[i] == 0) {
        return fmt::format("byte {} (line {}): NUL byte, this looks like binary content; "
                           "factlint reads UTF-8 text (.txt, .md, .json, .jsonl)",
                           start, LineAt(bytes, start));
      }
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      return fmt::format("byte {} (line {}): invalid UTF-8; re-save the file as UTF-8",
                         start, LineAt(bytes, start));
    }
  }
  return std::nullopt;
}

}  // namespace factlint
