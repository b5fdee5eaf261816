// Escaping for each output language.  Every piece of text a report takes
// from a document, a claim or a finding goes through one of these: article
// text is untrusted input.
#pragma once

#include <string>
#include <string_view>

namespace factlint::report {

// & < > " ' as character references: safe in HTML text and attribute values.
std::string HtmlEscape(std::string_view text);

// Inline Markdown text that stays plain text, also inside a table cell:
// markup characters backslash-escaped, < > & as references (so that no raw
// HTML gets through), new lines as spaces.
std::string MarkdownEscape(std::string_view text);

// A GitHub workflow command's message: % \r \n percent-encoded.
std::string GithubData(std::string_view text);
// A workflow command's property value: as GithubData, and , : too.
std::string GithubProperty(std::string_view text);

// Text safe to print on a terminal or a CI log: control characters (ESC,
// OSC, NUL, C1 controls...) as \xNN or \u{NNNN}, bidirectional overrides
// and isolates (which reverse what follows them) as <U+202E>, invalid UTF-8
// bytes as \xNN.  Letters, Arabic text, marks, tabs and, when
// `keep_newlines`, line feeds stay as they are.
std::string TerminalSafe(std::string_view text, bool keep_newlines = false);

// A relative path as a URI reference: every byte but unreserved characters
// and "/" percent-encoded (spaces, Arabic file names, "#", "%").
std::string UriPath(std::string_view path);

}  // namespace factlint::report
