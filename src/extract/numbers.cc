#include "extract/numbers.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>

#include "extract/figures.h"

namespace factlint {
namespace {

struct Token {
  Span span;
  std::string role;  // digits | unit | hundred | scale | plural_scale | vague | fraction | fraction_plural
  double value = 0;
  const Rule* rule = nullptr;
  std::string currency;  // a currency sign before the figure, as its unit ("usd")
};

double Pow10Floor(double v) { return v <= 0 ? 1 : std::pow(10.0, std::floor(std::log10(v))); }

// A digits match may hold the figure in group "num" (after a glued article:
// "ال192") and a scale glued after it in group "scale" ("2bn"): the figure
// and the scale become tokens of their own.
void AddDigits(const SentenceContext& ctx, const RuleSet& rules, const RuleMatch& m, std::vector<Token>* out) {
  auto group = [&](const char* name) -> std::optional<Span> {
    auto it = m.group_spans.find(name);
    if (it == m.group_spans.end() || it->second.size() == 0) return std::nullopt;
    return it->second;
  };
  const Span figure = group("num").value_or(m.span);
  const std::string text = ctx.folded().substr(figure.start, figure.size());
  Token digits{figure, "digits", ParseFigure(text, m.rule->Attribute("comma", "group")), m.rule, ""};
  if (const auto sign = group("currency")) {
    const auto& currencies = rules.Lexicon(ctx.sentence().lang, "currency");
    auto it = currencies.find(ctx.folded().substr(sign->start, sign->size()));
    if (it != currencies.end()) digits.currency = it->second;
  }
  out->push_back(digits);
  if (const auto scale = group("scale")) {
    double value = 0;
    if (ParseNumberToken(ctx.folded().substr(scale->start, scale->size()), rules, ctx.sentence().lang, &value)) {
      out->push_back(Token{*scale, "scale", value, m.rule, ""});
    }
  }
}

// Digits and number words of the sentence, the longest of overlapping ones.
std::vector<Token> Tokens(const SentenceContext& ctx, const RuleSet& rules) {
  std::vector<Token> tokens;
  for (const RuleMatch& m : ctx.matches()) {
    const std::string& family = m.rule->family;
    if (family == "number_digits") {
      AddDigits(ctx, rules, m, &tokens);
    } else if (family == "number_word") {
      tokens.push_back(
          Token{m.span, m.rule->Attribute("role", "unit"), std::strtod(m.value.c_str(), nullptr), m.rule, ""});
    }
  }
  std::stable_sort(tokens.begin(), tokens.end(), [](const Token& a, const Token& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.size() > b.span.size();
  });
  std::vector<Token> kept;
  for (const Token& t : tokens) {
    if (!kept.empty() && kept.back().span.overlaps(t.span)) continue;
    kept.push_back(t);
  }
  return kept;
}

// What parts two tokens: the gap between them without hyphens
// ("twenty-one") and brackets ("(68) ألفًا و(234)"), which do not part a number.
std::string GapBetween(const SentenceContext& ctx, const Token& a, const Token& b) {
  std::string gap = ctx.Gap(a.span.end, b.span.start);
  gap.erase(std::remove_if(gap.begin(), gap.end(), [](char c) { return c == '-' || c == '(' || c == ')'; }),
            gap.end());
  return gap;
}

// True when two tokens belong to one number: only space, hyphens or a
// joiner word ("و", "and", "of") between them.
bool Joined(const SentenceContext& ctx, const RuleSet& rules, const Token& a, const Token& b) {
  const std::string gap = GapBetween(ctx, a, b);
  if (gap.empty()) return true;
  // "بين 400 و750", "between 400 and 750": two figures side by side; digits
  // joined by "و" follow a scale word ("72 ألفًا و45").
  if (a.role == "digits" && b.role == "digits") return false;
  return rules.Lexicon(ctx.sentence().lang, "number_joiner").count(gap) > 0;
}

bool IsScale(const Token& t) { return t.role == "scale" || t.role == "plural_scale"; }

// The scale of the figure that starts at tokens[from] ("80 ألف" -> 1000),
// 0 when it has none.
double ScaleFrom(const SentenceContext& ctx, const std::vector<Token>& tokens, size_t from) {
  for (size_t k = from; k < tokens.size(); ++k) {
    if (IsScale(tokens[k])) return tokens[k].value;
    if (k + 1 == tokens.size() || !GapBetween(ctx, tokens[k], tokens[k + 1]).empty()) break;
  }
  return 0;
}

// Tokens [begin, end) of one number.  A joiner starts a new figure when
// what follows it has a scale no smaller than the last one: "16 مليونا
// و384 ألفا" is one figure, "60 ألفا و80 ألف أسرة" two (a range).
size_t RunEnd(const SentenceContext& ctx, const RuleSet& rules, const std::vector<Token>& tokens, size_t begin) {
  double last_scale = 0;
  size_t j = begin + 1;
  for (; j < tokens.size() && Joined(ctx, rules, tokens[j - 1], tokens[j]); ++j) {
    if (IsScale(tokens[j - 1])) last_scale = tokens[j - 1].value;
    const bool after_joiner = !GapBetween(ctx, tokens[j - 1], tokens[j]).empty();
    if (after_joiner && last_scale > 0 && ScaleFrom(ctx, tokens, j) >= last_scale) break;
  }
  return j;
}

// "ما بين 400 و750 شخصا", "between 400 and 750 people": one figure, a range.
// A "between" with no second figure after it says nothing.
void JoinRanges(const SentenceContext& ctx, const RuleSet& rules, std::vector<NumberExpr>* numbers) {
  std::vector<NumberExpr> out;
  const auto& joiners = rules.Lexicon(ctx.sentence().lang, "number_joiner");
  for (size_t i = 0; i < numbers->size(); ++i) {
    NumberExpr n = (*numbers)[i];
    if (n.qualifier != "between") {
      out.push_back(n);
      continue;
    }
    n.qualifier = "exact";
    n.range = {n.stated, n.stated};
    if (i + 1 < numbers->size()) {
      const NumberExpr& high = (*numbers)[i + 1];
      if (joiners.count(ctx.Gap(n.span.end, high.span.start)) && high.stated > n.stated) {
        n.qualifier = "range";
        n.range = {n.stated, high.stated};
        n.span.end = n.full.end = high.span.end;
        ++i;
      }
    }
    out.push_back(n);
  }
  *numbers = std::move(out);
}

// Combines a run of tokens: "ثلاثة وعشرون" = 23, "12 ألف" = 12000,
// "عشرات الآلاف" = 20,000–99,999, "ربع مليون" = 250,000, "مليون ونصف" =
// 1,500,000, "ثلاثة أرباع" = 0.75.
NumberExpr Combine(const std::vector<Token>& run) {
  NumberExpr n;
  n.span = Span{run.front().span.start, run.back().span.end};
  n.rule = run.front().rule->id;
  n.currency = run.front().currency;
  double total = 0, current = 0, last_scale = 0;
  bool vague = false, whole = false;
  Interval vague_range;
  for (size_t i = 0; i < run.size(); ++i) {
    const Token& t = run[i];
    whole = whole || (t.role != "fraction" && t.role != "fraction_plural");
    if (t.role == "vague") {
      vague = true;
      vague_range = {2 * t.value, 10 * Pow10Floor(t.value) - 1};
    } else if (t.role == "plural_scale" && (vague || (current == 0 && total == 0))) {
      if (vague) {
        vague_range = {vague_range.low * t.value, (vague_range.high + 1) * t.value - 1};
      } else {
        vague = true;
        vague_range = {2 * t.value, 10 * t.value - 1};
      }
    } else if (t.role == "scale" || t.role == "plural_scale") {
      total += current == 0 ? t.value : current * Pow10Floor(t.value);
      last_scale = Pow10Floor(t.value);
      current = 0;
    } else if (t.role == "hundred") {
      current = (current > 0 && current < 10) ? current * 100 : current + t.value;
    } else if (t.role == "fraction_plural") {
      current = (current == 0 ? 1 : current) * t.value;  // "ثلاثة أرباع": three quarters
    } else if (t.role == "fraction" && current == 0 && last_scale > 0) {
      total += t.value * last_scale;  // "مليون ونصف": half of the million before
    } else {
      current += t.value;
    }
  }
  total += current;
  if (vague) {
    n.qualifier = "vague";
    n.range = vague_range;
    n.stated = vague_range.low;
  } else {
    n.stated = total;
    n.range = {total, total};
  }
  n.share = !whole;
  return n;
}

void ApplyQualifier(const std::string& qualifier, double tolerance, NumberExpr* n) {
  if (n->qualifier == "vague") return;
  n->qualifier = qualifier;
  const double v = n->stated;
  if (qualifier == "approximate") n->range = {v * (1 - tolerance), v * (1 + tolerance)};
  if (qualifier == "lower_bound") n->range = {v, Interval::kInfinity};
  if (qualifier == "upper_bound") n->range = {0, v};
}

}  // namespace

std::vector<NumberExpr> FindNumbers(const SentenceContext& ctx, const RuleSet& rules, double tolerance) {
  std::vector<Token> tokens = Tokens(ctx, rules);
  std::vector<NumberExpr> out;
  const std::vector<const RuleMatch*> qualifiers = ctx.LongestOf("qualifier");
  for (size_t i = 0; i < tokens.size();) {
    const size_t j = RunEnd(ctx, rules, tokens, i);
    std::vector<Token> run(tokens.begin() + i, tokens.begin() + j);
    i = j;
    NumberExpr n = Combine(run);
    n.full = n.span;
    for (const RuleMatch* q : qualifiers) {
      if (q->span.end <= n.span.start && ctx.OnlySpaceBetween(q->span.end, n.span.start)) {
        ApplyQualifier(q->value, tolerance, &n);
        n.full.start = q->span.start;
      }
    }
    const std::string_view after = ctx.Between(n.span.end, std::min<uint32_t>(n.span.end + 3, ctx.folded().size()));
    n.percent = after.find('%') != std::string_view::npos;
    // A 400-digit run parses to infinity: no count is that large, so it is
    // no figure to compare (world population is ~10^10; budgets ~10^13).
    constexpr double kLargestFigure = 1e15;
    if (!std::isfinite(n.stated) || n.stated > kLargestFigure) continue;
    out.push_back(n);
  }
  JoinRanges(ctx, rules, &out);
  return out;
}

bool ParseNumberToken(const std::string& folded, const RuleSet& rules, const std::string& lang, double* value) {
  if (!folded.empty() && ((folded[0] >= '0' && folded[0] <= '9') || folded[0] == '.' || folded[0] == '-')) {
    *value = ParseFigure(folded, "group");
    return true;
  }
  const auto& words = rules.Lexicon(lang, "number_word");
  auto it = words.find(folded);
  if (it == words.end()) return false;
  *value = std::strtod(it->second.c_str(), nullptr);
  return true;
}

std::string FormatNumber(double v) {
  if (std::isinf(v)) return "∞";
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::string digits = fmt::format("{:.0f}", v);
    std::string out;
    const int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
      if (i > 0 && (n - i) % 3 == 0 && digits[i - 1] != '-') out += ',';
      out += digits[i];
    }
    return out;
  }
  return fmt::format("{:g}", v);
}

std::string DescribeNumber(const NumberExpr& n) {
  const std::string v = FormatNumber(n.stated) + (n.percent ? "%" : "");
  if (n.qualifier == "approximate") return "about " + v;
  if (n.qualifier == "lower_bound") return "more than " + v;
  if (n.qualifier == "upper_bound") return "at most " + v;
  if (n.qualifier == "vague" || n.qualifier == "range") {
    return fmt::format("{}–{}", FormatNumber(n.range.low), FormatNumber(n.range.high));
  }
  return v;
}

}  // namespace factlint
