#include "extract/times.h"

#include <unicode/calendar.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "factlint/civil_date.h"
#include "factlint/fold.h"

namespace factlint {
namespace {

// Which way an undated day, month or weekday lies from the document's date.
enum class Tense { kUnknown, kPast, kFuture };

Tense TenseNamed(const std::string& value) {
  return value == "future" ? Tense::kFuture : value == "past" ? Tense::kPast : Tense::kUnknown;
}

// A `tense` word of the rules and where it stands in the sentence.
struct TenseWord {
  uint32_t at = 0;
  Tense tense = Tense::kUnknown;
};

// The sentence's tense words, found in one pass (phrases of up to four
// words: "من المقرر أن", "is expected to"; a word may carry a proclitic the
// rules declare: "وقال").
std::vector<TenseWord> TenseWords(const SentenceContext& ctx) {
  const auto& tenses = ctx.Lexicon("tense");
  const auto& proclitics = ctx.Lexicon("proclitic");
  auto tense_of = [&](const std::string& phrase) {
    auto it = tenses.find(phrase);
    return it == tenses.end() ? Tense::kUnknown : TenseNamed(it->second);
  };
  const std::vector<FoldedWord> words = FoldedWords(ctx.folded());
  std::vector<TenseWord> out;
  for (size_t i = 0; i < words.size(); ++i) {
    const auto& [at, word] = words[i];
    std::string phrase;
    for (size_t n = 0; n < 4 && i + n < words.size(); ++n) {
      phrase += (n ? " " : "") + words[i + n].text;
      // One ordered look-up says both whether the phrase is a tense word and
      // whether a longer one starts with it (most words end the search).
      auto it = tenses.lower_bound(phrase);
      if (it != tenses.end() && it->first == phrase) {
        if (const Tense t = TenseNamed(it->second); t != Tense::kUnknown) out.push_back({at, t});
        ++it;
      }
      if (it == tenses.end() || it->first.size() <= phrase.size() || it->first.compare(0, phrase.size(), phrase) != 0 ||
          it->first[phrase.size()] != ' ') {
        break;
      }
    }
    for (const auto& [proclitic, unused] : proclitics) {
      if (word.size() <= proclitic.size() || word.compare(0, proclitic.size(), proclitic) != 0) continue;
      if (const Tense t = tense_of(word.substr(proclitic.size())); t != Tense::kUnknown) out.push_back({at, t});
    }
  }
  return out;
}

// The tense of a stretch of the sentence.  The future wins: "قال إنه سيزور
// القاهرة يوم الجمعة" is about a coming Friday.
Tense TenseIn(const std::vector<TenseWord>& words, Span range) {
  Tense tense = Tense::kUnknown;
  for (const TenseWord& w : words) {
    if (w.at < range.start || w.at >= range.end) continue;
    if (w.tense == Tense::kFuture) return Tense::kFuture;
    tense = w.tense;
  }
  return tense;
}

class Resolver {
 public:
  Resolver(const RuleMatch& m, const RuleSet& rules, const std::string& lang, const std::string& doc_date, Tense tense,
           std::optional<int64_t> story_day)
      : m_(m), rules_(rules), lang_(lang), tense_(tense), story_day_(story_day) {
    auto d = ParseIsoDate(doc_date);
    if (d && d->day && d->year_known) doc_day_ = d->first;
    if (Has("next")) tense_ = Tense::kFuture;
    if (Has("past")) tense_ = Tense::kPast;
  }

  // Nothing when the match is no time after all (a rule's `not` group
  // matched: "بعد عامين من الحرب" is a duration; "4/5" no date).
  std::optional<TimeExpr> Resolve() const {
    if (Has("not")) return std::nullopt;
    // "3/4" is a fraction: a date without a year needs a two-digit figure.
    if (Has("first") && !Has("year") && Group("first").size() + Group("second").size() < 3) return std::nullopt;
    TimeExpr t;
    t.span = m_.span;
    t.rule = m_.rule;
    const std::string relative = m_.rule->Attribute("relative");
    if (!relative.empty() && m_.rule->Attribute("from") == "story") return FromStory(std::atoi(relative.c_str()), t);
    if (!relative.empty()) return Shift(std::atoi(relative.c_str()), m_.rule->Attribute("scope", "day"), t);
    if (Has("count_unit")) return Counted(t);
    if (Has("period") || Has("period2")) {
      const std::string scope = LookupText("period_scope", Has("period") ? Group("period") : Group("period2"));
      const int shift = std::atoi(LookupText("month_shift", Group("month_shift")).c_str());
      return Shift(shift, scope.empty() ? "day" : scope, t);
    }
    if (Has("hour") || Has("hour_word") || Has("hhmm")) return Clock(t);
    if (Has("nth") || Has("last_nth")) return NthWeekday(t);
    if (Has("weekday") && !Has("day") && !Has("month")) return Weekday(t);
    if (Has("hijri_month")) return Hijri(t);
    if (Has("first") && Has("second")) {
      std::optional<TimeExpr> numeric = Numeric(t);  // nothing when no reading is a date
      if (numeric) numeric->full_date = !numeric->iso.empty();
      return numeric;
    }
    CivilDate date;
    if (Has("iso_year")) {
      date = {Int("iso_year"), Int("iso_month"), Int("iso_day")};
    } else {
      date.year = Has("year") ? Year(Group("year")) : 0;
      date.month = Has("month") ? MonthOf(Group("month")) : (Has("month_num") ? Int("month_num") : 0);
      date.day = Has("day") ? Day() : 0;
    }
    if (Has("day") && date.month == 0) return DayOfMonth(date.day, t);
    if (date.month && date.year == 0) date.year = InferYear({0, date.month, date.day ? date.day : 1});
    t = Dated(date, t);
    t.full_date = date.day && date.month && !t.iso.empty();
    return t;
  }

 private:
  bool Has(const char* g) const { return m_.groups.count(g) && !m_.groups.at(g).empty(); }
  std::string Group(const char* g) const { return Has(g) ? m_.groups.at(g) : ""; }
  int Int(const char* g) const { return std::atoi(Group(g).c_str()); }
  std::string LookupText(const char* family, const std::string& word) const {
    const auto& lexicon = rules_.Lexicon(lang_, family);
    auto it = lexicon.find(SingleSpaced(word));
    return it == lexicon.end() ? "" : it->second;
  }
  int Lookup(const char* family, const std::string& word) const {
    return std::atoi(LookupText(family, word).c_str());
  }
  int MonthOf(const std::string& word) const {
    const int month = Lookup("month", word);
    return month ? month : Lookup("month_ambiguous", word);
  }
  int WeekdayNamed(const std::string& word) const {
    const std::string w = SingleSpaced(word);
    for (const char* family : {"weekday", "weekday_name"}) {
      const auto& lexicon = rules_.Lexicon(lang_, family);
      if (auto it = lexicon.find(w); it != lexicon.end()) return std::atoi(it->second.c_str());
    }
    return -1;
  }
  int Day() const {
    const std::string day = Group("day");
    return day[0] >= '0' && day[0] <= '9' ? std::atoi(day.c_str()) : Lookup("ordinal", day);
  }
  // "21" -> 2021, "98" -> 1998: two-digit years as numeric dates print them.
  static int Year(const std::string& digits) {
    const int y = std::atoi(digits.c_str());
    if (digits.size() > 2) return y;
    return y < 50 ? 2000 + y : 1900 + y;
  }
  // early | mid | late, from a `part` group ("أواخر", "mid-") or the rule.
  std::string Part() const {
    for (const char* g : {"part", "part2"}) {
      if (Has(g)) return LookupText("month_part", Group(g));
    }
    return m_.rule->Attribute("part");
  }
  std::optional<CivilDate> DocDate() const {
    if (!doc_day_) return std::nullopt;
    return CivilFromDays(*doc_day_);
  }

  // A stated weekday beside a date ("الخميس 15 أغسطس") is kept in the
  // relation, for the weekday check of the comparison.
  TimeExpr Dated(const CivilDate& date, TimeExpr t) const {
    t.iso = FormatIso(date);
    t.precision = date.day ? "day" : date.month ? "month" : "year";
    if (!ParseIsoDate(t.iso)) t.iso.clear();  // 31 February: not a date
    if (const std::string part = Part(); !part.empty()) t.relation = part;
    if (Has("weekday") && WeekdayNamed(Group("weekday")) >= 0) {
      t.relation = fmt::format("weekday {}", WeekdayNamed(Group("weekday")));
    }
    return t;
  }

  // A day and month without a year: the past tense takes the last such day
  // up to the document's date, the future the next; with no tense, the
  // nearest before the document (up to a month ahead is still this year).
  int InferYear(const CivilDate& date) const {
    if (!doc_day_) return 0;
    const CivilDate doc = CivilFromDays(*doc_day_);
    const int day = std::min(date.day, DaysInMonth(doc.year, date.month));
    const int64_t same_year = DaysFromCivil(doc.year, date.month, day);
    if (tense_ == Tense::kFuture) return same_year < *doc_day_ ? doc.year + 1 : doc.year;
    if (tense_ == Tense::kPast) return same_year > *doc_day_ ? doc.year - 1 : doc.year;
    return same_year > *doc_day_ + 30 ? doc.year - 1 : doc.year;
  }

  // "في 15 من الشهر الجاري", "on the 3rd": a day of this month, or of the
  // month the tense points to when this month's has not come yet (or has
  // passed).
  TimeExpr DayOfMonth(int day, TimeExpr t) const {
    t.precision = "day";
    t.relation = fmt::format("day {}", day);
    const auto doc = DocDate();
    if (!doc || day < 1 || day > 31) return t;
    int shift = Has("month_shift") ? std::atoi(LookupText("month_shift", Group("month_shift")).c_str()) : 0;
    if (!Has("month_shift")) {
      if (tense_ == Tense::kFuture && day < doc->day) shift = 1;
      if (tense_ != Tense::kFuture && day > doc->day) shift = -1;
    }
    CivilDate date = AddMonths(doc->year, doc->month, shift);
    date.day = day;
    return Dated(date, t);
  }

  // `count` days, weeks, months or years from the document's date, at that
  // precision: "الشهر الماضي" is the month before the document's.
  TimeExpr Shift(int count, const std::string& scope, TimeExpr t) const {
    t.precision = scope;
    t.relation = fmt::format("{:+} {}s", count, scope);
    if (Has("weekday") && WeekdayNamed(Group("weekday")) >= 0) {
      t.relation += fmt::format("; weekday {}", WeekdayNamed(Group("weekday")));
    }
    const auto doc = DocDate();
    if (!doc) return t;
    if (scope == "week") {
      t.iso = FormatIsoWeek(*doc_day_ + 7 * count);
    } else if (scope == "month") {
      t.iso = FormatIso(AddMonths(doc->year, doc->month, count));
    } else if (scope == "year") {
      t.iso = FormatIso({doc->year + count, 0, 0});
    } else {
      t.iso = FormatIsoDay(*doc_day_ + count);
    }
    if (const std::string part = Part(); !part.empty()) t.relation += "; " + part;
    return t;
  }

  // "في اليوم التالي", "the day before": days from the last day the document
  // dated in full, left unresolved when it dated none.  A day of the story,
  // it dates what follows too ("the next day ... the following day").
  TimeExpr FromStory(int count, TimeExpr t) const {
    t.precision = "day";
    t.relation = fmt::format("{:+} days from the story's last date", count);
    if (!story_day_) return t;
    t.iso = FormatIsoDay(*story_day_ + count);
    t.full_date = true;
    return t;
  }

  // "قبل أسبوعين", "بعد ثلاثة أيام", "two weeks ago": a count of a unit
  // (its days from the `duration_unit`/`duration_dual` words) before or
  // after the document's date.
  TimeExpr Counted(TimeExpr t) const {
    const std::string unit = Group("count_unit");
    double days = std::strtod(LookupText("duration_dual", unit).c_str(), nullptr);
    double n = 1;
    if (days == 0) {
      days = std::strtod(LookupText("duration_unit", unit).c_str(), nullptr);
      if (Has("n")) {
        const std::string count = Group("n");
        std::string value = LookupText("number_word", count);
        if (value.empty()) value = LookupText("count_word", count);
        n = count[0] >= '0' && count[0] <= '9' ? std::atof(count.c_str()) : std::strtod(value.c_str(), nullptr);
      }
    }
    const int sign = LookupText("direction", Group("dir")) == "before" ? -1 : 1;
    const double total = n * days;
    if (days >= 365) return Shift(sign * static_cast<int>(total / 365.25 + 0.5), "year", t);
    if (days >= 28) return Shift(sign * static_cast<int>(total / 30.44 + 0.5), "month", t);
    if (days >= 7) return Shift(sign * static_cast<int>(total / 7 + 0.5), "week", t);
    return Shift(sign * static_cast<int>(total + 0.5), "day", t);
  }

  // A weekday names, in the past tense, the last such day up to the
  // document's date; in the future, the next from it; with no tense, the
  // nearest (within three days).  "الخميس الماضي" is the one before.
  // "ليلة السبت" is the night from Friday into Saturday: Friday's date.
  TimeExpr Weekday(TimeExpr t) const {
    const int target = WeekdayNamed(Group("weekday"));
    t.precision = "day";
    t.relation = fmt::format("weekday {}", target);
    if (!doc_day_ || target < 0) return t;
    int delta = ((target - WeekdayOf(*doc_day_)) % 7 + 7) % 7;  // 0..6 ahead
    if (Has("last")) {
      delta = delta == 0 ? -7 : delta - 7;
    } else if (Has("next")) {
      delta = delta == 0 ? 7 : delta;
    } else if (tense_ == Tense::kPast) {
      delta = delta == 0 ? 0 : delta - 7;
    } else if (tense_ == Tense::kUnknown && delta > 3) {
      delta -= 7;
    }
    if (Has("eve")) {
      --delta;
      t.relation = fmt::format("night into weekday {}", target);
    }
    t.iso = FormatIsoDay(*doc_day_ + delta);
    return t;
  }

  // "آخر اثنين من مارس", "the first Friday of July".
  TimeExpr NthWeekday(TimeExpr t) const {
    const int target = WeekdayNamed(Group("weekday"));
    const int month = MonthOf(Group("month"));
    const int nth = Has("last_nth") ? -1 : (Has("nth") ? std::max(Lookup("ordinal", Group("nth")), Lookup("nth", Group("nth"))) : 0);
    t.precision = "day";
    t.relation = fmt::format("weekday {} #{} of month {}", target, nth, month);
    int year = Has("year") ? Int("year") : 0;
    if (year == 0 && month) year = InferYear({0, month, 1});
    if (year == 0 || target < 0 || month == 0 || nth == 0) return t;
    int64_t day;
    if (nth > 0) {
      const int64_t first = DaysFromCivil(year, month, 1);
      day = first + ((target - WeekdayOf(first)) % 7 + 7) % 7 + 7 * (nth - 1);
    } else {
      const int64_t last = DaysFromCivil(year, month, DaysInMonth(year, month));
      day = last - ((WeekdayOf(last) - target) % 7 + 7) % 7;
    }
    if (CivilFromDays(day).month != month) return t;
    t.iso = FormatIsoDay(day);
    return t;
  }

  // 22/04/2016, 4/22/2016, 16/04/21, 22/04: which number is the day is
  // decided by validity; when both readings are valid the rule's `order`
  // (dmy | mdy) decides and the other reading is kept in the relation.
  std::optional<TimeExpr> Numeric(TimeExpr t) const {
    const int a = Int("first"), b = Int("second");
    const int year = Has("year") ? Year(Group("year")) : 0;
    auto valid = [&](int day, int month) {
      if (month < 1 || month > 12 || day < 1) return false;
      return day <= (year ? DaysInMonth(year, month) : DaysInMonth(2024, month));
    };
    const bool dmy = valid(a, b), mdy = valid(b, a);
    if (!dmy && !mdy) return std::nullopt;
    const bool prefer_dmy = m_.rule->Attribute("order", "dmy") == "dmy";
    const bool day_first = dmy && (!mdy || prefer_dmy);
    CivilDate date{year, day_first ? b : a, day_first ? a : b};
    if (date.year == 0) date.year = InferYear(date);
    t = Dated(date, t);
    if (dmy && mdy && a != b) {
      const CivilDate other{date.year, date.day, date.month};
      t.relation = "ambiguous, or " + FormatIso(other);
    }
    return t;
  }

  // "23:11 بالتوقيت المحلي", "22:11 GMT", "4,17 فجرًا", "الساعة الحادية
  // عشرة و11 دقيقة مساءً", "1100 GMT": a time of day, in 24 hours, with
  // its zone: "T22:11Z" for GMT/UTC, "T23:11" and relation "local".
  TimeExpr Clock(TimeExpr t) const {
    int hour = Has("hour") ? Int("hour") : Lookup("clock_hour", Group("hour_word"));
    int minute = Int("minute");
    if (Has("hhmm")) hour = Int("hhmm") / 100, minute = Int("hhmm") % 100;
    if (Has("minute_word")) minute = Lookup("clock_minute", Group("minute_word"));
    const std::string part = LookupText("day_part", Group("ampm"));
    if (part == "pm" && hour < 12) hour += 12;
    if (part == "night" && hour >= 6 && hour < 12) hour += 12;
    if (part == "am" && hour == 12) hour = 0;
    if (minute < 0) {  // "الثانية إلا ربعا": a quarter to two
      minute += 60;
      hour = (hour + 23) % 24;
    }
    t.precision = "minute";
    if (hour > 24 || minute > 59) return t;
    const std::string zone = LookupText("time_zone", Group("zone"));
    t.relation = zone.empty() ? "clock" : zone;
    t.iso = fmt::format("T{:02}:{:02}{}", hour % 24, minute, zone == "utc" ? "Z" : "");
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
  Tense tense_;
  std::optional<int64_t> story_day_;
  std::optional<int64_t> doc_day_;
};

// "23:11 بالتوقيت المحلي (22:11 ت.غ)", "4:17 a.m. local time (0117 GMT)": a
// local time (or one of no stated zone) followed, with only brackets and
// punctuation between, by a UTC time is that time's UTC equivalent, kept in
// the relation ("local; utc T22:11Z") for the comparator to check against
// the place's offset.
void PairLocalWithUtc(const SentenceContext& ctx, std::vector<TimeExpr>* times) {
  static constexpr std::string_view kArabicComma = "،";
  for (size_t i = 0; i + 1 < times->size(); ++i) {
    TimeExpr& local = (*times)[i];
    const TimeExpr& utc = (*times)[i + 1];
    if (local.iso.empty() || local.iso[0] != 'T' || (local.relation != "local" && local.relation != "clock")) continue;
    if (utc.relation != "utc" || utc.iso.empty()) continue;
    std::string gap(ctx.Between(local.span.end, utc.span.start));
    for (size_t at; (at = gap.find(kArabicComma)) != std::string::npos;) gap.erase(at, kArabicComma.size());
    if (!std::all_of(gap.begin(), gap.end(), [](char c) { return std::string_view(" ([/,-").find(c) != std::string_view::npos; })) {
      continue;
    }
    local.relation = "local; utc " + utc.iso;
  }
}

}  // namespace

bool StatesItsDate(const SentenceContext& ctx, const TimeExpr& t) {
  // A clock time ("الساعة 4:17 فجرًا بالتوقيت المحلي") is written out too.
  if (t.iso.empty() || (t.precision != "day" && t.precision != "minute")) return false;
  const std::string_view written = ctx.Between(t.span.start, t.span.end);
  if (std::any_of(written.begin(), written.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  const auto& months = ctx.Lexicon("month");
  for (size_t start = 0; start < written.size();) {
    size_t end = std::min(written.find(' ', start), written.size());
    if (months.count(std::string(written.substr(start, end - start)))) return true;
    start = end + 1;
  }
  return false;
}

std::vector<TimeExpr> FindTimes(const SentenceContext& ctx, const RuleSet& rules, const std::string& doc_date,
                                std::optional<int64_t>* story_day) {
  std::vector<TimeExpr> out;
  const std::vector<const RuleMatch*> since = ctx.Family("since_marker");
  const std::vector<const RuleMatch*> times = ctx.LongestOf("time");
  if (times.empty()) return out;
  const std::vector<TenseWord> tense_words = TenseWords(ctx);
  const Tense sentence_tense = TenseIn(tense_words, Span{0, static_cast<uint32_t>(ctx.folded().size())});
  for (const RuleMatch* m : times) {
    // The clause's own verb first ("… ستجرى في 28 يونيو، لاختيار خلف للرئيس
    // الذي لقي حتفه … يوم 19 مايو": the 19th is past), else the sentence's.
    const Span clause = ctx.ClauseAround(m->span);
    Tense tense = TenseIn(tense_words, clause);
    if (tense == Tense::kUnknown) tense = sentence_tense;
    std::optional<TimeExpr> t = Resolver(*m, rules, ctx.sentence().lang, doc_date, tense, *story_day).Resolve();
    if (!t) continue;
    if (t->full_date) {
      if (const auto day = ParseIsoDate(t->iso); day && day->first == day->last && day->year_known) *story_day = day->first;
    }
    for (const RuleMatch* s : since) {
      if (s->span.end <= t->span.start && ctx.OnlySpaceBetween(s->span.end, t->span.start)) t->since = true;
    }
    out.push_back(*t);
  }
  PairLocalWithUtc(ctx, &out);
  return out;
}

}  // namespace factlint
