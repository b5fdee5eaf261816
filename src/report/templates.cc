#include "report/templates.h"

namespace factlint::report {

std::string_view Template(std::string_view name) {
  for (size_t i = 0; i < kEmbeddedTemplateCount; ++i) {
    if (kEmbeddedTemplates[i].name == name) return kEmbeddedTemplates[i].text;
  }
  return {};
}

std::string FillTemplate(std::string_view text,
                         const std::vector<std::pair<std::string_view, std::string>>& values) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (true) {
    const size_t open = text.find("{{", pos);
    const size_t close = open == std::string_view::npos ? open : text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    const std::string_view key = text.substr(open + 2, close - open - 2);
    out.append(text, pos, open - pos);
    // One pass over the template: a value holding "{{x}}" (quoted from an
    // article) is never expanded again.
    const std::string* value = nullptr;
    for (const auto& [name, v] : values) {
      if (name == key) value = &v;
    }
    if (value != nullptr) {
      out += *value;
    } else {
      out.append(text, open, close + 2 - open);
    }
    pos = close + 2;
  }
  out.append(text, pos);
  return out;
}

}  // namespace factlint::report
