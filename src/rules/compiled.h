// The compiled form of a RuleSet: per language, one RE2 per rule and an
// RE2::Set over all of them, so that a sentence is scanned once to learn which
// rules can match before any rule is run on it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "factlint/rules.h"

namespace factlint {

struct CompiledRules {
  std::vector<const Rule*> rules;                  // rules that match sentences
  std::vector<std::unique_ptr<re2::RE2>> regexes;  // regexes[i] runs rules[i]
  std::unique_ptr<re2::RE2::Set> prefilter;        // over the same rules
  // Word lists the engine only looks words up in, or expands into other
  // patterns ({month}); they never run over sentences, which keeps common
  // words (في, من, و) from producing thousands of matches.
  std::map<std::string, std::unique_ptr<re2::RE2>> lexicon_only;  // by rule id
};

// True for families used only as word lists.
bool IsLexiconOnly(const std::string& family);

// Expands family macros, wraps every rule in word boundaries and compiles it,
// reporting RE2's message with the rule's file and line on error.
Status CompileRules(const std::vector<std::unique_ptr<Rule>>& rules,
                    std::map<std::string, std::unique_ptr<CompiledRules>>* out);

}  // namespace factlint
