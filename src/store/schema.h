// The claim store's schema and queries, in one place (the tests run
// EXPLAIN QUERY PLAN on the queries below to check they use the indexes).
#pragma once

#include <cstdint>

namespace factlint::store_sql {

// PRAGMA user_version of a store this code can read and write.  Bump it (and
// add a migration in store.cc) whenever the schema below changes.
inline constexpr int kSchemaVersion = 3;

// Version 1 filed quantities and incident dates under their subject key;
// version 2 under their incident's type (see StoreKey in factlint/graph.h).
// An older store opened for writing is brought up to date in place, one
// version at a time (1 -> 2 -> 3).
inline constexpr int kOldestReadableVersion = 1;
inline constexpr const char* kMigrateFrom1 = R"sql(
UPDATE claims SET subject = 'incident/' || json_extract(json, '$.incident.type') || '/' || subject
WHERE coalesce(json_extract(json, '$.incident.type'), '') != ''
  AND (kind = 'quantity'
       OR (kind = 'date' AND (json_extract(json, '$.event') = json_extract(json, '$.incident.type')
                              OR json_extract(json, '$.event') = json_extract(json, '$.incident.type') || '-start')));
PRAGMA user_version = 2;
)sql";
// Version 3 adds each claim's incident (country, region, stated days) in
// columns, so that Related() reads only the stored incidents a new one may
// be joined with.  The migration adds the columns (unknown by default) and
// index here; store.cc then fills them from each claim's JSON with the code
// that fills them on insert, and sets user_version = 3.
inline constexpr const char* kMigrateFrom2 = R"sql(
ALTER TABLE claims ADD COLUMN incident_country TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN incident_region TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN incident_first INTEGER NOT NULL DEFAULT -4611686018427387904;
ALTER TABLE claims ADD COLUMN incident_last INTEGER NOT NULL DEFAULT 4611686018427387904;
CREATE INDEX claims_by_incident ON claims(subject, incident_country, incident_last, incident_first);
)sql";
// The incidents to fill in, and the update that fills one.
inline constexpr const char* kIncidentsToMigrate = R"sql(
SELECT rowid, json_extract(json, '$.incident.country'), json_extract(json, '$.incident.region'),
       json_extract(json, '$.incident.day')
FROM claims WHERE coalesce(json_extract(json, '$.incident.type'), '') != ''
)sql";
inline constexpr const char* kSetIncident =
    "UPDATE claims SET incident_country = ?2, incident_region = ?3, incident_first = ?4, incident_last = ?5 "
    "WHERE rowid = ?1";
inline constexpr const char* kSetVersion3 = "PRAGMA user_version = 3";

// A stored incident's stated days when it states none: every day (the
// defaults of incident_first and incident_last above and below).
inline constexpr int64_t kAnyDayFirst = -(int64_t{1} << 62);
inline constexpr int64_t kAnyDayLast = int64_t{1} << 62;

// PRAGMA application_id: "FLNT", so that a factlint store can be told from
// any other SQLite file.
inline constexpr int32_t kApplicationId = 0x464c4e54;

// Claims are kept as the JSON of ClaimToJson; the columns beside it are the
// keys the store looks them up by.  documents is clustered by id (WITHOUT
// ROWID): one b-tree search per document.  doc_date (the document's date)
// orders the claims of one key, newest first (then latest added first), so
// that Related() can stop after the most recent ones without sorting;
// claims_by_kind lets Stats() count by kind without reading every claim.
// The incident columns hold the claim's IncidentFacts: country (as
// IncidentFacts::country, a comma list; '' unknown), region, and the first
// and last day of its stated day (day numbers; kAnyDayFirst/kAnyDayLast when
// it states none); claims_by_incident finds, per key and country, the
// incidents whose days reach a window.
inline constexpr const char* kCreateSchema = R"sql(
CREATE TABLE documents (
  id           TEXT PRIMARY KEY NOT NULL,
  path         TEXT NOT NULL,
  lang         TEXT NOT NULL,
  date         TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  added_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE claims (
  doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  claim_id   TEXT NOT NULL,
  kind       TEXT NOT NULL,
  subject    TEXT NOT NULL,
  person_key TEXT,
  doc_date   TEXT NOT NULL,
  json       TEXT NOT NULL,
  incident_country TEXT NOT NULL DEFAULT '',
  incident_region  TEXT NOT NULL DEFAULT '',
  incident_first   INTEGER NOT NULL DEFAULT -4611686018427387904,
  incident_last    INTEGER NOT NULL DEFAULT 4611686018427387904,
  PRIMARY KEY (doc_id, seq)
);
CREATE INDEX claims_by_subject ON claims(subject, doc_date);
CREATE INDEX claims_by_person ON claims(person_key, doc_date) WHERE person_key IS NOT NULL;
CREATE INDEX claims_by_kind ON claims(kind);
CREATE INDEX claims_by_incident ON claims(subject, incident_country, incident_last, incident_first);
)sql";

inline constexpr const char* kDocumentHash = "SELECT content_hash FROM documents WHERE id = ?1";
inline constexpr const char* kUpsertDocument = R"sql(
INSERT INTO documents (id, path, lang, date, content_hash, added_at)
VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
ON CONFLICT (id) DO UPDATE SET
  path = excluded.path, lang = excluded.lang, date = excluded.date,
  content_hash = excluded.content_hash, added_at = excluded.added_at
)sql";
inline constexpr const char* kDeleteClaims = "DELETE FROM claims WHERE doc_id = ?1";
inline constexpr const char* kInsertClaim = R"sql(
INSERT INTO claims (doc_id, seq, claim_id, kind, subject, person_key, doc_date, json,
                    incident_country, incident_region, incident_first, incident_last)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
)sql";
// Claims go with their document (ON DELETE CASCADE).
inline constexpr const char* kDeleteDocument = "DELETE FROM documents WHERE id = ?1";
inline constexpr const char* kListDocuments = "SELECT id, path, lang, date FROM documents ORDER BY id";
inline constexpr const char* kDocumentInfo = "SELECT path, lang, date FROM documents WHERE id = ?1";

inline constexpr const char* kCountDocuments = "SELECT count(*) FROM documents";
inline constexpr const char* kCountClaims = "SELECT count(*) FROM claims";
inline constexpr const char* kCountSubjects = "SELECT count(DISTINCT subject) FROM claims";
inline constexpr const char* kClaimsByKind =
    "SELECT kind, count(*) FROM claims GROUP BY kind ORDER BY kind";

// Related(): one indexed lookup per key, newest first straight from the
// index (no sort), never a scan of the claims.
inline constexpr const char* kClaimsBySubject =
    "SELECT rowid, doc_id, seq, json, doc_date FROM claims WHERE subject = ?1 "
    "ORDER BY doc_date DESC, rowid DESC";
// Subject keys are paths: a key also finds the keys below it
// ("killed/palestinians" finds "killed/palestinians/gaza").  The keys below
// `k` are those in ["k/", "k0"), '0' following '/'; they are listed one index
// probe each (a loose index scan), without reading the claims under them.
inline constexpr const char* kFirstSubjectIn =
    "SELECT subject FROM claims WHERE subject >= ?1 AND subject < ?2 ORDER BY subject LIMIT 1";
inline constexpr const char* kNextSubjectIn =
    "SELECT subject FROM claims WHERE subject > ?1 AND subject < ?2 ORDER BY subject LIMIT 1";
// The countries stored under one subject key, one index probe each (a
// loose index scan): the caller keeps those that meet a window's.
inline constexpr const char* kFirstCountryOf =
    "SELECT incident_country FROM claims INDEXED BY claims_by_incident WHERE subject = ?1 ORDER BY incident_country LIMIT 1";
inline constexpr const char* kNextCountryOf =
    "SELECT incident_country FROM claims INDEXED BY claims_by_incident "
    "WHERE subject = ?1 AND incident_country > ?2 "
    "ORDER BY incident_country LIMIT 1";
// The claims of one subject key and country whose incident's days reach
// [?3, ?4], newest first: a range of claims_by_incident (rows are sorted by
// date after the range is read, as they are few).
inline constexpr const char* kClaimsByIncident =
    "SELECT rowid, doc_id, seq, json, doc_date FROM claims INDEXED BY claims_by_incident "
    "WHERE subject = ?1 AND incident_country = ?2 AND incident_last >= ?3 AND incident_first <= ?4 "
    "ORDER BY doc_date DESC, rowid DESC";
inline constexpr const char* kClaimsByPerson =
    "SELECT rowid, doc_id, seq, json, doc_date FROM claims WHERE person_key = ?1 "
    "ORDER BY doc_date DESC, rowid DESC";

}  // namespace factlint::store_sql
