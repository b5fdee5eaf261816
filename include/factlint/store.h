// ClaimStore: an embedded SQLite store of documents and their claims, the
// memory of a newsroom's CI gate.
//
// Every write is one transaction: a crash leaves the store as it was before
// or after, never half-written.  Claims are indexed by subject key, entity
// (person) key and incident (type, country, stated day), so that checking a
// new article reads only the stored claims it may be compared with, never
// the whole store.  Several processes
// may open one store (SQLite WAL: readers never wait for the writer; writers
// wait for each other up to 10 s).  One ClaimStore must not be used by two
// threads at once.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "factlint/check.h"
#include "factlint/claim.h"
#include "factlint/status.h"

namespace factlint {

// One document to record, with its claims (for AddBatch).
struct StoredDocument {
  DocumentInfo info;
  std::string content_hash;  // ContentHash() of the document's bytes
  std::vector<Claim> claims;
};

// Bounds on what Related() returns.
struct RelatedOptions {
  // At most this many claims per key asked for (a subject key with the keys
  // below it counts as one key, and so does an incident key with all its
  // windows), those of the most recent documents (by
  // DocumentInfo::date; on the same date, the latest added first).  0: every
  // matching claim.  Related()'s time grows with the claims it returns
  // (decoding their JSON is most of it); this bounds it: at most
  // (keys asked for) x max_per_key claims.
  size_t max_per_key = 0;
};

// Where and when a stored incident may lie to be read for a new one (see
// RelatedQuery::incidents): its country shares one with `countries` (either
// unknown also qualifies), and its stated day range meets [first_day,
// last_day] (day numbers, see civil_date.h; a stored incident without a day
// always qualifies).
struct IncidentWindow {
  std::string countries;  // comma-separated ISO codes, as IncidentFacts::country; "" unknown
  int64_t first_day = 0;
  int64_t last_day = 0;
  auto operator<=>(const IncidentWindow&) const = default;
};

// What Related() reads.
struct RelatedQuery {
  // Subject keys, each with the keys below it ("killed/palestinians" finds
  // "killed/palestinians/gaza", as CompareKey groups them): every claim filed
  // under them.
  std::set<std::string> subjects;
  // Keys of claims filed under an incident ("incident/earthquake/killed",
  // with the keys below it): only the claims whose incident lies in one of
  // the windows.  A key may also be in `subjects` (then all its claims come).
  std::map<std::string, std::set<IncidentWindow>> incidents;
  // Person keys, matched exactly.
  std::set<std::string> person_keys;
  // Documents whose claims are never returned (those being checked).
  std::set<std::string> exclude_docs;
};

struct StoreStats {
  size_t documents = 0;
  size_t claims = 0;
  size_t subjects = 0;
  std::vector<std::pair<std::string, size_t>> claims_by_kind;
};

// How a store is opened.  Only kCreate makes a new store: checking against
// a misspelt path must fail, not pass against an empty store.
enum class StoreMode {
  kCreate,     // read-write, created when missing (store add)
  kReadWrite,  // read-write, must exist (store remove)
  kReadOnly,   // must exist; opened read-only, so that a read-only file or
               // folder can still be read (store list, check --store)
};

class ClaimStore {
 public:
  // Opens the store at `path` in `mode`.  Fails with a message naming the
  // path when the file is missing (unless kCreate), is not a factlint store
  // or has a schema version this build does not know.  Writing to a store
  // opened kReadOnly fails with a Status.
  static StatusOr<std::unique_ptr<ClaimStore>> Open(const std::string& path, StoreMode mode = StoreMode::kCreate);
  ~ClaimStore();

  // Records a document and its claims, in one transaction.  Adding the same
  // document (same id, same content hash) again changes nothing
  // (*changed = false); a changed document replaces its old claims.
  // `changed` may be null.  A claim whose `doc` is set must belong to `doc`.
  Status Add(const DocumentInfo& doc, const std::string& content_hash,
             const std::vector<Claim>& claims, bool* changed);

  // Add() for many documents in ONE transaction (all or none): much faster
  // for bulk loads.  *changed (may be null) counts the documents added or
  // replaced.  A document id given twice keeps its last version.
  Status AddBatch(const std::vector<StoredDocument>& docs, size_t* changed);

  // Removes a document and its claims; *removed (may be null) says whether
  // it was there.
  Status Remove(const std::string& doc_id, bool* removed);
  // Every stored document, by id (from_store = true).
  StatusOr<std::vector<DocumentInfo>> List();
  StatusOr<StoreStats> Stats();  // claims_by_kind sorted by kind

  // The stored claims `query` asks for (see RelatedQuery), and the documents
  // they come from (marked from_store).  Each claim appears once, ordered by
  // document id then position in the document; documents are ordered by id.
  // Replaces the contents of *docs and *claims.  Reads only the matching
  // claims, by index, under one read snapshot; its cost grows with the
  // number of claims returned (decoding their JSON is most of it), which
  // options.max_per_key bounds.
  Status Related(const RelatedQuery& query, std::vector<DocumentInfo>* docs, std::vector<Claim>* claims,
                 const RelatedOptions& options = {});
  // The same with subject keys, person keys and excluded documents only.
  Status Related(const std::set<std::string>& subjects, const std::set<std::string>& person_keys,
                 const std::set<std::string>& exclude_docs, std::vector<DocumentInfo>* docs,
                 std::vector<Claim>* claims, const RelatedOptions& options = {});

  const std::string& path() const;

 private:
  struct Impl;
  explicit ClaimStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A stable hash of a document's bytes (hex), for idempotent adds.
std::string ContentHash(std::string_view bytes);

}  // namespace factlint
