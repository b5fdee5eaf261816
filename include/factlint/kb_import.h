// Importing Wikidata's "position held" (P39) statements into a knowledge
// file (`factlint kb import wikidata`).
//
// The input is the JSON result of the SPARQL query in the README
// (application/sparql-results+json), one row per term, with the variables:
//
//   office        the office item (http://www.wikidata.org/entity/Q...)
//   officeLabel   its English label ("Federal Chancellor of Germany")
//   role          optional: our office id (president, chancellor...); else
//                 read from officeLabel with rules/offices.yaml's English words
//   countryCode   ISO 3166-1 alpha-2 (P297), or the organisation id (un, nato...)
//   country       optional: the country item, used when countryCode is missing
//   person        the person item
//   nameEn nameAr labels; aliasesEn aliasesAr: aliases joined by "|"
//   start end     xsd:dateTime; startPrecision endPrecision: 9 year, 10 month, 11 day
//   acting        optional: "true" for an acting, interim or caretaker holder
//
// Wikidata ids are kept (person `wikidata`, term `wikidata` = office item),
// so importing into an existing file updates its people and terms instead of
// duplicating them.
#pragma once

#include <string>
#include <vector>

#include "factlint/knowledge.h"
#include "factlint/rules.h"
#include "factlint/status.h"

namespace factlint {

struct WikidataImport {
  std::string yaml;                 // the knowledge file to write
  size_t new_people = 0, new_terms = 0, updated_terms = 0;
  std::vector<std::string> skipped;  // rows left out, each with why
};

// `existing`: the output file as it is now (merged into), or null.
// `rules`: office words, and the people already known (a person known
// elsewhere is referenced by key, never defined again); `context`: the other
// knowledge files (their countries' Wikidata ids and people).
StatusOr<WikidataImport> ImportWikidata(const std::string& json_text, const std::string& source_name,
                                        const KnowledgeFile* existing, const RuleSet& rules,
                                        const std::vector<KnowledgeFile>& context);

// A knowledge file as YAML text (flow mappings, one entry per line).
std::string FormatKnowledgeFile(const KnowledgeFile& file, const std::string& header);

}  // namespace factlint
