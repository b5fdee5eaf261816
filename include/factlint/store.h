// ClaimStore: an embedded SQLite store of documents and their claims, the
// memory of a newsroom's CI gate.
//
// Every write is one transaction: a crash leaves the store as it was before
// or after, never half-written.  Claims are indexed by subject key and entity
// (person) key, so that checking a new article reads only the stored claims
// that share a subject with it, never the whole store.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "factlint/check.h"
#include "factlint/claim.h"
#include "factlint/status.h"

namespace factlint {

struct StoreStats {
  size_t documents = 0;
  size_t claims = 0;
  size_t subjects = 0;
  std::vector<std::pair<std::string, size_t>> claims_by_kind;
};

class ClaimStore {
 public:
  // Opens (creating when missing) the store at `path`.
  static StatusOr<std::unique_ptr<ClaimStore>> Open(const std::string& path);
  ~ClaimStore();

  // Records a document and its claims.  Adding the same document (same id,
  // same content hash) again changes nothing (*changed = false); a changed
  // document replaces its old claims.
  Status Add(const DocumentInfo& doc, const std::string& content_hash,
             const std::vector<Claim>& claims, bool* changed);

  Status Remove(const std::string& doc_id, bool* removed);
  StatusOr<std::vector<DocumentInfo>> List();
  StatusOr<StoreStats> Stats();

  // Stored claims sharing a subject key or a person key with the given ones,
  // except those of documents in `exclude_docs`, and the documents they come
  // from (marked from_store).
  Status Related(const std::set<std::string>& subjects, const std::set<std::string>& person_keys,
                 const std::set<std::string>& exclude_docs, std::vector<DocumentInfo>* docs,
                 std::vector<Claim>* claims);

 private:
  struct Impl;
  explicit ClaimStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A stable hash of a document's bytes (hex), for idempotent adds.
std::string ContentHash(std::string_view bytes);

}  // namespace factlint
