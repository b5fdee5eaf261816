#include "extract/sentence_language.h"

#include <cctype>
#include <map>
#include <string>

namespace factlint {
namespace {

// "ar", "ar+en", "ar-EG" -> "ar"; anything not two letters first -> "".
std::string DeclaredLanguage(const std::string& declared) {
  if (declared.size() < 2 || (declared.size() > 2 && std::isalpha(static_cast<unsigned char>(declared[2])))) return "";
  return declared.substr(0, 2);
}

std::string MostCommonLanguage(const std::vector<Sentence>& sentences) {
  std::map<std::string, size_t> bytes;
  for (const Sentence& s : sentences) {
    if (s.lang != "und") bytes[s.lang] += s.span.size();
  }
  std::string best;
  size_t most = 0;
  for (const auto& [lang, n] : bytes) {
    if (n > most) best = lang, most = n;
  }
  return best;
}

}  // namespace

void LanguageForUndetermined(const Document& doc, std::vector<Sentence>* sentences) {
  std::string lang;
  for (Sentence& s : *sentences) {
    if (s.lang != "und") continue;
    if (lang.empty()) lang = DeclaredLanguage(doc.meta.lang);
    if (lang.empty()) lang = MostCommonLanguage(*sentences);
    if (lang.empty()) return;
    s.lang = lang;
  }
}

}  // namespace factlint
