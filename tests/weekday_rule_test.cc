// The weekday check: a date whose stated weekday is not its own is a
// finding within one document; a right weekday, or none, is not.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "factlint/check.h"
#include "test_support.h"

namespace {

bool HasWeekdayFinding(const std::string& text, const std::string& date = "") {
  const auto result =
      factlint::testing::SharedEngine().Check({factlint::testing::MakeDocument(text, "a.txt", date)});
  return std::any_of(result.findings.begin(), result.findings.end(),
                     [](const factlint::Finding& f) { return f.kind == "weekday"; });
}

}  // namespace

TEST_CASE("weekday rule: a stated weekday that is not the date's own is a finding") {
  struct Case {
    const char* text;
    const char* date;
    bool finding;
  } cases[] = {
      {"اندلعت الحرب يوم الأحد 7 أكتوبر 2023.", "", true},
      {"اندلعت الحرب يوم السبت 7 أكتوبر 2023.", "", false},
      {"اندلعت الحرب في 7 أكتوبر 2023.", "", false},
      {"The war broke out on Friday, 7 October 2023.", "", true},
      {"The war broke out on Saturday, October 7, 2023.", "", false},
      {"دخل وقف إطلاق النار حيز التنفيذ أمس الجمعة.", "2025-10-07", true},
      {"دخل وقف إطلاق النار حيز التنفيذ أمس الإثنين.", "2025-10-07", false},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.text));
    CHECK(HasWeekdayFinding(c.text, c.date) == c.finding);
  }
}
