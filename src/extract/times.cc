#include "extract/times.h"

#include <unicode/calendar.h>
#include <unicode/timezone.h>

#include <cstdlib>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "factlint/civil_date.h"
#include "factlint/fold.h"

namespace factlint {
namespace {

class Resolver {
 public:
  Resolver(const RuleMatch& m, const RuleSet& rules, const std::string& lang, const std::string& doc_date)
      : m_(m), rules_(rules), lang_(lang) {
    auto d = ParseIsoDate(doc_date);
    if (d && d->day && d->year_known) doc_day_ = d->first;
  }

  TimeExpr Resolve() const {
    TimeExpr t;
    t.span = m_.span;
    t.rule = m_.rule;
    const std::string relative = m_.rule->Attribute("relative");
    if (!relative.empty()) return Relative(std::atoi(relative.c_str()), t);
    if (Has("weekday")) return Weekday(t);
    CivilDate date;
    if (Has("iso_year")) {
      date = {Int("iso_year"), Int("iso_month"), Int("iso_day")};
    } else if (Has("hijri_month")) {
      return Hijri(t);
    } else {
      date.year = Has("year") ? Int("year") : 0;
      date.month = Has("month") ? MonthOf(Group("month")) : (Has("month_num") ? Int("month_num") : 0);
      date.day = Has("day") ? Day() : 0;
    }
    if (date.year == 0 && date.month && date.day) date.year = InferYear(date);
    t.iso = FormatIso(date);
    t.precision = date.day ? "day" : date.month ? "month" : "year";
    if (!ParseIsoDate(t.iso)) t.iso.clear();  // 31 February: not a date
    return t;
  }

 private:
  bool Has(const char* g) const { return m_.groups.count(g) && !m_.groups.at(g).empty(); }
  std::string Group(const char* g) const { return Has(g) ? m_.groups.at(g) : ""; }
  int Int(const char* g) const { return std::atoi(Group(g).c_str()); }
  int Lookup(const char* family, const std::string& word) const {
    const auto& lexicon = rules_.Lexicon(lang_, family);
    auto it = lexicon.find(SingleSpaced(word));
    return it == lexicon.end() ? 0 : std::atoi(it->second.c_str());
  }
  int MonthOf(const std::string& word) const {
    const int month = Lookup("month", word);
    return month ? month : Lookup("month_ambiguous", word);
  }
  int Day() const {
    const std::string day = Group("day");
    return day[0] >= '0' && day[0] <= '9' ? std::atoi(day.c_str()) : Lookup("ordinal", day);
  }

  // A day and month without a year: the occurrence nearest before the
  // document's date ("الماضي" forces the past, "المقبل" the future).
  int InferYear(const CivilDate& date) const {
    if (!doc_day_) return 0;
    const CivilDate doc = CivilFromDays(*doc_day_);
    const int64_t same_year = DaysFromCivil(doc.year, date.month, date.day);
    if (Has("next")) return same_year < *doc_day_ ? doc.year + 1 : doc.year;
    if (Has("past")) return same_year > *doc_day_ ? doc.year - 1 : doc.year;
    return same_year > *doc_day_ + 30 ? doc.year - 1 : doc.year;
  }

  TimeExpr Relative(int days, TimeExpr t) const {
    t.precision = m_.rule->Attribute("scope", "day");
    t.relation = fmt::format("{:+} days", days);
    if (doc_day_) t.iso = FormatIsoDay(*doc_day_ + days);
    return t;
  }

  // A weekday names the nearest such day (within three days) of the
  // document's date, or the one before/after with "last"/"next".
  TimeExpr Weekday(TimeExpr t) const {
    const int target = Lookup("weekday", Group("weekday"));
    t.precision = "day";
    t.relation = fmt::format("weekday {}", target);
    if (!doc_day_) return t;
    int delta = ((target - WeekdayOf(*doc_day_)) % 7 + 7) % 7;  // 0..6 ahead
    if (Has("last")) delta = delta == 0 ? -7 : delta - 7;
    else if (Has("next")) delta = delta == 0 ? 7 : delta;
    else if (delta > 3) delta -= 7;
    t.iso = FormatIsoDay(*doc_day_ + delta);
    return t;
  }

  TimeExpr Hijri(TimeExpr t) const {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(), icu::Locale("ar@calendar=islamic-umalqura"), status));
    if (U_FAILURE(status)) return t;
    cal->clear();
    cal->set(Int("year"), Lookup("hijri_month", Group("hijri_month")) - 1, Int("day"));
    const UDate millis = cal->getTime(status);
    if (U_FAILURE(status)) return t;
    t.iso = FormatIsoDay(static_cast<int64_t>(millis / 86400000.0));
    t.precision = "day";
    t.relation = fmt::format("hijri {}-{}-{}", Int("year"), Lookup("hijri_month", Group("hijri_month")), Int("day"));
    return t;
  }

  const RuleMatch& m_;
  const RuleSet& rules_;
  const std::string& lang_;
  std::optional<int64_t> doc_day_;
};

}  // namespace

std::vector<TimeExpr> FindTimes(const SentenceContext& ctx, const RuleSet& rules, const std::string& doc_date) {
  std::vector<TimeExpr> out;
  const std::vector<const RuleMatch*> since = ctx.Family("since_marker");
  for (const RuleMatch* m : ctx.LongestOf("time")) {
    TimeExpr t = Resolver(*m, rules, ctx.sentence().lang, doc_date).Resolve();
    for (const RuleMatch* s : since) {
      if (s->span.end <= t.span.start && ctx.OnlySpaceBetween(s->span.end, t.span.start)) t.since = true;
    }
    out.push_back(t);
  }
  return out;
}

}  // namespace factlint
