#include "report/escape.h"

#include <cstdio>

#include <unicode/utf8.h>

#include <fmt/format.h>

namespace factlint::report {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string MarkdownEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\n':
      case '\r': out += ' '; break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '#':
      case '~':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

namespace {

void AppendPercent(std::string& out, char c) {
  char hex[4];
  std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
  out += hex;
}

std::string PercentEncode(std::string_view text, std::string_view special) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (special.find(c) == std::string_view::npos) {
      out += c;
    } else {
      AppendPercent(out, c);
    }
  }
  return out;
}

}  // namespace

// The escapes GitHub's runner decodes (actions/toolkit, command.ts).
std::string GithubData(std::string_view text) { return PercentEncode(text, "%\r\n"); }
std::string GithubProperty(std::string_view text) { return PercentEncode(text, "%\r\n:,"); }

namespace {

// U+202A..U+202E embeddings and overrides, U+2066..U+2069 isolates: each
// changes the display order of all that follows on the line.
bool IsBidiControl(UChar32 c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

}  // namespace

std::string TerminalSafe(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      for (int32_t j = start; j < i; ++j) out += fmt::format("\\x{:02X}", s[j]);
    } else if ((c < 0x20 && c != '\t' && !(keep_newlines && c == '\n')) || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else if (c >= 0x80 && c <= 0x9F) {
      out += fmt::format("\\u{{{:04X}}}", c);
    } else if (IsBidiControl(c)) {
      out += fmt::format("<U+{:04X}>", c);
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string UriPath(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      out += c;
    } else {
      AppendPercent(out, c);
    }
  }
  return out;
}

}  // namespace factlint::report
