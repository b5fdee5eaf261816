// The workflows behind the commands, as library calls: what `factlint check`
// does with a claim store and a baseline, what `store add` records, what
// `graph` draws.  The command line only parses options, loads inputs, calls
// these and writes the results.
//
//   check:      extract ─► merge the stored claims they may meet ─► compare
//               ─► keep findings that involve a new document ─► baseline
//   store add:  extract ─► record documents and claims (one transaction)
//
// Every call returns a Status; none throws.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "factlint/baseline.h"
#include "factlint/check.h"
#include "factlint/document.h"
#include "factlint/engine.h"
#include "factlint/graph.h"
#include "factlint/status.h"
#include "factlint/store.h"

namespace factlint {

// Called (from any extraction thread) as docs[i] finishes.
using DocumentDone = std::function<void(size_t)>;

// What one check compares the documents with, besides each other.
struct CheckRequest {
  // The claim store (CI gate); "" for none.  It is opened read-only and must
  // exist: a misspelt path must fail, not pass against an empty store.
  std::string store;
  // Stored claims read per key, newest first (see RelatedOptions); 0: all.
  size_t store_limit = 200;
  // Accepted findings: still reported, marked baselined.
  Baseline baseline;
};

// Extracts `docs`, merges the stored claims they may be compared with (when
// request.store is set), compares everything once and, with a store, keeps
// only the findings that involve a claim of `docs`; then applies the
// baseline.  Fails (with the store's message) only when the store cannot be
// opened or read; bad documents are the loader's business, not this one's.
StatusOr<CheckResult> RunCheck(const Engine& engine, const std::vector<Document>& docs,
                               const CheckRequest& request, const DocumentDone& done = {});

// Appends to `result` the claims of `store` that its claims may be compared
// with, and their documents (from_store): the same office or person, the
// same subject for claims without an incident, and for figures and incident
// dates the same incident type in a compatible place and time (see
// StoredIncidentWindows).  Stored incidents compatible with one fetched
// this way are fetched too, until none is new, as the claim graph joins
// incidents transitively.  Documents of `result` are never read back.
// `max_per_key` bounds the claims read per key (0: all).
Status MergeStoredClaims(const Engine& engine, ClaimStore& store, size_t max_per_key, CheckResult* result);

// Per compare key of `claims` (CompareKey) that is filed under an incident,
// the windows in which a stored incident may lie for the claim graph to join
// it with one of theirs: same type (the key), a shared or unknown country,
// and a stated day within reach of the type's time window (unknown days
// always qualify).  `docs` give the claims' document dates.
std::map<std::string, std::set<IncidentWindow>> StoredIncidentWindows(const Engine& engine,
                                                                     const std::vector<DocumentInfo>& docs,
                                                                     const std::vector<Claim>& claims);

// Extracts `docs` and records them with their claims in `store`, all in one
// transaction.  *changed (may be null) counts the documents added or
// replaced.
Status AddToStore(const Engine& engine, const std::vector<Document>& docs, ClaimStore& store, size_t* changed,
                  const DocumentDone& done = {});

// The claim graph of `docs` with the findings drawn on it as agree/conflict
// edges (every finding, whatever its confidence), for `factlint graph`.
std::unique_ptr<ClaimGraph> BuildClaimGraph(const Engine& engine, const std::vector<Document>& docs);

}  // namespace factlint
