// CheckResult: everything one `factlint check` run produced, the input of
// every report format and of the claim store.
#pragma once

#include <string>
#include <vector>

#include "factlint/claim.h"
#include "factlint/document.h"
#include "factlint/finding.h"

namespace factlint {

// What a report says about a document (the bytes stay with the Document).
struct DocumentInfo {
  std::string id;
  std::string path;
  std::string lang;
  std::string date;          // ISO date; "" when unknown
  bool from_store = false;   // came from the claim store, not from this run's input
};

DocumentInfo InfoOf(const Document& doc);

struct CheckResult {
  std::vector<DocumentInfo> documents;
  std::vector<Claim> claims;       // every claim of every document, in document order
  std::vector<Finding> findings;   // most severe first, then by subject
  std::vector<std::string> input_errors;  // one line per rejected input
};

}  // namespace factlint
