// The compiled form of a RuleSet: per language, one RE2 per rule and an
// RE2::Set over all of them, so that a sentence is scanned once to learn which
// rules can match before any rule is run on it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "factlint/rules.h"

namespace factlint {

// The words of every word-list rule of one language, folded and single
// spaced, as a byte trie: a sentence is walked from each word start, and a
// walk stops as soon as no word goes on.  Thousands of spellings (people,
// countries, places) cost a few hash look-ups per word this way, where one
// RE2::Set over them built DFA states for every new sentence.
class WordTrie {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  // Adds `word` (folded, single spaced) for word rule `slot`.
  void Add(std::string_view word, uint32_t slot);
  // Lays the children of each node out flat and sorted, for Child(); call
  // once every word is added.
  void Freeze();
  // The node after `node` on `byte` (' ' stands for any run of white space).
  uint32_t Child(uint32_t node, unsigned char byte) const {
    const auto first = child_bytes_.begin() + child_begin_[node];
    const auto last = child_bytes_.begin() + child_begin_[node + 1];
    const auto it = std::lower_bound(first, last, byte);
    return it != last && *it == byte ? child_nodes_[it - child_bytes_.begin()] : kNone;
  }
  // The word rules with a word ending at `node`.
  const std::vector<uint32_t>& Ends(uint32_t node) const { return ends_[node]; }

 private:
  std::unordered_map<uint64_t, uint32_t> edges_;  // while adding: (node << 8 | byte) -> child
  std::vector<std::vector<uint32_t>> ends_ = {{}};  // node 0 is the root
  std::vector<uint32_t> child_begin_ = {0, 0};     // node -> its children in child_bytes_/child_nodes_
  std::vector<unsigned char> child_bytes_;
  std::vector<uint32_t> child_nodes_;
};

struct CompiledRules {
  bool arabic = false;                             // words take proclitics and a tanween alef
  // Rules with a pattern: one RE2 each and a set over all of them.
  std::vector<const Rule*> rules;                  // pattern rules that match sentences
  std::vector<uint32_t> rule_order;                // rank of rules[i] among all matching rules
  std::vector<std::unique_ptr<re2::RE2>> regexes;  // regexes[i] runs rules[i]
  std::unique_ptr<re2::RE2::Set> prefilter;        // over the same rules
  // Rules that are only a word list: looked up in the trie.
  std::vector<const Rule*> word_rules;
  std::vector<uint32_t> word_rule_order;           // rank of word_rules[i] among all matching rules
  WordTrie words;
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
