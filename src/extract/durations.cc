#include "extract/durations.h"

#include <cstdlib>

#include <fmt/format.h>

#include "extract/numbers.h"

namespace factlint {
namespace {

double LookupDays(const RuleSet& rules, const std::string& lang, const char* family, const std::string& word) {
  const auto& lexicon = rules.Lexicon(lang, family);
  auto it = lexicon.find(word);
  return it == lexicon.end() ? 0 : std::strtod(it->second.c_str(), nullptr);
}

std::string UnitName(double days) {
  if (days >= 365) return "year";
  if (days >= 28) return "month";
  if (days >= 7) return "week";
  return "day";
}

}  // namespace

std::vector<DurationExpr> FindDurations(const SentenceContext& ctx, const RuleSet& rules, double tolerance) {
  std::vector<DurationExpr> out;
  const std::string& lang = ctx.sentence().lang;
  for (const RuleMatch* m : ctx.LongestOf("duration")) {
    auto group = [&](const char* g) { return m->groups.count(g) ? m->groups.at(g) : std::string(); };
    DurationExpr d;
    d.span = m->span;
    d.rule = m->rule;
    if (!group("dual").empty()) {
      d.nominal = LookupDays(rules, lang, "duration_dual", group("dual"));
      d.stated = fmt::format("2 {}s", UnitName(d.nominal / 2));
    } else if (!group("ord").empty()) {
      // "its N-th year": between N-1 and N years; "entering" it: its first quarter.
      const double unit = LookupDays(rules, lang, "duration_unit", group("unit"));
      const double n = std::strtod(rules.Lexicon(lang, "ordinal").count(group("ord"))
                                       ? rules.Lexicon(lang, "ordinal").at(group("ord")).c_str()
                                       : "0",
                                   nullptr);
      if (unit == 0 || n == 0) continue;
      const bool entering = !group("enter").empty();
      d.nominal = (n - 1) * unit;
      d.days = {d.nominal, d.nominal + (entering ? unit / 4 : unit)};
      d.stated = fmt::format("{} {} {}", entering ? "entering" : "in", UnitName(unit), FormatNumber(n));
      out.push_back(d);
      continue;
    } else {
      double n = 0;
      const double unit = LookupDays(rules, lang, "duration_unit", group("unit"));
      if (!ParseNumberToken(group("n"), rules, lang, &n) || unit == 0) continue;
      d.nominal = n * unit;
      d.stated = fmt::format("{} {}{}", FormatNumber(n), UnitName(unit), n == 1 ? "" : "s");
    }
    if (d.nominal == 0) continue;
    d.days = {d.nominal * (1 - tolerance), d.nominal * (1 + tolerance)};
    out.push_back(d);
  }
  return out;
}

}  // namespace factlint
