// Names against the knowledge base: an officeholder whose name matches no
// holder of the office in the document's period, with the closest holder
// named ("سوزي مايلز" for Susie Wiles, سوزي وايلز).
#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include <unicode/unistr.h>
#include <fmt/format.h>

#include "compare/compare_context.h"
#include "factlint/fold.h"

namespace factlint {
namespace {

std::u32string CodePoints(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::u32string out;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The holder whose spellings come closest to `name`, and that spelling.
const Person* Closest(const std::vector<std::string>& holders, const std::string& name, const RuleSet& rules,
                      std::string* spelling) {
  const std::u32string target = CodePoints(Fold(name));
  const Person* best = nullptr;
  size_t best_distance = std::numeric_limits<size_t>::max();
  for (const std::string& key : holders) {
    const Person* p = rules.FindPerson(key);
    if (!p) continue;
    for (const std::string& alias : p->aliases) {
      const size_t d = EditDistance(target, CodePoints(Fold(alias)));
      if (d < best_distance) best = p, best_distance = d, *spelling = alias;
    }
  }
  return best;
}

// The claims of other documents naming `holder` in the office of `claim` at
// an overlapping time: the evidence, besides the knowledge base, of who held
// it ("Caretaker Prime Minister Najib Mikati" against "رئيس الحكومة نواف سلام").
ClaimGroup NamedHolder(const ClaimGroup& officeholders, const Claim& claim, const Person& holder,
                       const CompareContext& ctx) {
  const auto& o = *claim.get<OfficeholderFacts>();
  ClaimGroup named;
  for (const Claim* other : officeholders) {
    const auto* p = other->get<OfficeholderFacts>();
    if (other->doc == claim.doc || p->office != o.office || p->jurisdiction != o.jurisdiction) continue;
    if (p->time != HolderTime::kCurrent && p->time != HolderTime::kActing) continue;
    if (ctx.graph.EntityOf(p->person_key) != ctx.graph.EntityOf(holder.key)) continue;
    if (Intersect(ctx.PeriodOf(other->doc), ctx.kb.TermsOf(o.jurisdiction + "/" + o.office, holder.key)).empty()) continue;
    named.push_back(other);
  }
  return named;
}

}  // namespace

void CheckHolderNames(const ClaimGroup& officeholders, const CompareContext& ctx, std::vector<Finding>* out) {
  // One finding per document, office and name, with every claim behind it.
  std::map<std::string, ClaimGroup> suspects;
  std::set<std::string> reported;
  for (const Finding& f : *out) {
    if (f.kind != "officeholder") continue;
    for (const Side& side : f.sides) reported.insert(side.claims.begin(), side.claims.end());
  }
  for (const Claim* c : officeholders) {
    const auto* o = c->get<OfficeholderFacts>();
    const std::string office = o->jurisdiction + "/" + o->office;
    if (o->time != HolderTime::kCurrent || !ctx.kb.Knows(office)) continue;
    const std::vector<std::string> holders = ctx.kb.HoldersDuring(office, ctx.PeriodOf(c->doc));
    if (std::count(holders.begin(), holders.end(), ctx.graph.EntityOf(o->person_key))) continue;
    // A holder who left in the last two weeks is still named so in
    // retrospectives ("the president, who died in the crash").
    Period recent = ctx.PeriodOf(c->doc);
    for (auto& range : recent) range.first -= 14;
    const std::vector<std::string> lately = ctx.kb.HoldersDuring(office, recent);
    if (std::count(lately.begin(), lately.end(), ctx.graph.EntityOf(o->person_key))) continue;
    // A claim the officeholder rule already put in a finding is said once.
    if (reported.count(c->id)) continue;
    // A known person outside an undated period may be right about an older time.
    if (ctx.rules.FindPerson(o->person_key) && ctx.PeriodOf(c->doc) == Everything()) continue;
    suspects[c->doc + "|" + office + "|" + o->person_key].push_back(c);
  }
  for (const auto& [key, claims] : suspects) {
    const Claim& c = *claims.front();
    const auto& o = *c.get<OfficeholderFacts>();
    const std::string office = o.jurisdiction + "/" + o.office;
    std::vector<std::string> holders = ctx.kb.HoldersDuring(office, ctx.PeriodOf(c.doc));
    if (holders.empty()) holders = ctx.kb.HoldersDuring(office, Everything());
    std::string spelling;
    const Person* closest = Closest(holders, o.person, ctx.rules, &spelling);
    if (!closest) continue;
    const std::string subject = DescribeSubject(c, ctx.rules);
    const std::string expected = fmt::format("{} ({})", closest->name, spelling);
    const std::string message = fmt::format(
        "«{}» is named {} in {}, but no holder of that office in {} has that name; the holder then was {}: check the "
        "name.",
        o.person, subject, ctx.Where(claims), DescribePeriod(ctx.PeriodOf(c.doc)), expected);
    out->push_back(MakeFinding("name", Severity::kWarning, subject, c.subject, message,
                               {{o.person, claims}, {expected + " (knowledge base)", NamedHolder(officeholders, c, *closest, ctx)}}));
  }
}

}  // namespace factlint
