// Report templates (reports/templates/*), compiled into the library by
// cmake/EmbedTemplates.cmake so that an installed binary needs no source tree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factlint::report {

struct EmbeddedTemplate {
  std::string_view name;  // file name in reports/templates/, e.g. "report.html"
  std::string_view text;
};

// Defined in the generated report_templates.cc.
extern const EmbeddedTemplate kEmbeddedTemplates[];
extern const size_t kEmbeddedTemplateCount;

// The template called `name`; empty when there is none (a build error that
// the tests catch, not a run-time condition).
std::string_view Template(std::string_view name);

// `text` with every "{{key}}" replaced by its value.  Values are inserted as
// they are: the caller escapes them for the template's language.  A key the
// values do not name is left in place, so that a typo shows in the output.
std::string FillTemplate(std::string_view text,
                         const std::vector<std::pair<std::string_view, std::string>>& values);

}  // namespace factlint::report
