#include "report/escape.h"

#include <cstdio>

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
