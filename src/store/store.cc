// ClaimStore over SQLite: see include/factlint/store.h and store/schema.h.
#include "factlint/store.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "factlint/civil_date.h"
#include "factlint/graph.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace factlint {
namespace {

namespace sql = store_sql;
using sqlite::Db;
using sqlite::Stmt;
using sqlite::Txn;

constexpr int kBusyTimeoutMs = 10000;

// The person a claim names, if any ("" when none).
const std::string& PersonKeyOf(const Claim& c) {
  static const std::string kNone;
  if (const auto* o = c.get<OfficeholderFacts>()) return o->person_key;
  if (const auto* p = c.get<PersonFacts>()) return p->person_key;
  return kNone;
}

// A claim's incident as the store's columns hold it (see schema.h).
struct IncidentColumns {
  std::string country;
  std::string region;
  int64_t first_day = sql::kAnyDayFirst;
  int64_t last_day = sql::kAnyDayLast;
};

// The one place that turns an incident into its columns: on insert and when
// upgrading a store.  A day that cannot be placed in time (none, or a year
// unknown) leaves every day possible: the store must never leave out an
// incident the claim graph may join.
IncidentColumns ColumnsOf(std::string country, std::string region, const std::string& day) {
  IncidentColumns columns{std::move(country), std::move(region)};
  if (const auto days = ParseIsoDate(day); days && days->year_known) {
    columns.first_day = days->first;
    columns.last_day = days->last;
  }
  return columns;
}

// One claim as a row, serialized before the write transaction starts so that
// the write lock is held only for the writes.
struct ClaimRow {
  std::string claim_id;
  const char* kind;
  std::string subject;
  std::string person_key;
  std::string json;
  IncidentColumns incident;
};

// Whether a stored incident's countries (a comma list, "" unknown) meet a
// window's: one in common, or either unknown.
bool CountriesMeet(std::string_view stored, std::string_view wanted) {
  if (stored.empty() || wanted.empty()) return true;
  const std::string list = "," + std::string(wanted) + ",";
  for (size_t start = 0; start <= stored.size();) {
    const size_t comma = std::min(stored.find(',', start), stored.size());
    const std::string code = "," + std::string(stored.substr(start, comma - start)) + ",";
    if (list.find(code) != std::string::npos) return true;
    start = comma + 1;
  }
  return false;
}

struct DocumentRows {
  const DocumentInfo* info;
  const std::string* content_hash;
  std::vector<ClaimRow> claims;
};

// A stored claim as Related() reads it, before its JSON is decoded.
struct StoredRow {
  int64_t rowid;
  std::string doc;
  int64_t seq;
  std::string date;
  std::string json;
};

constexpr const char* kReadingRelated = "reading related claims";

// Reads one value of a PRAGMA or a count.
StatusOr<int64_t> QueryInt(const Db& db, const char* sql, std::string_view doing) {
  auto stmt = Stmt::Prepare(db, sql);
  if (!stmt.ok()) return stmt.status();
  auto q = stmt->Run(doing);
  int64_t value = q.Step() ? q.Int(0) : 0;
  if (!q.status().ok()) return q.status();
  return value;
}

}  // namespace

struct ClaimStore::Impl {
  Db db;
  Stmt document_hash, upsert_document, delete_claims, insert_claim, delete_document,
      list_documents, document_info, count_documents, count_claims, count_subjects,
      claims_by_kind, claims_by_subject, first_subject_in, next_subject_in, claims_by_person,
      first_country_of, next_country_of, claims_by_incident;

  Status Init(bool read_only);
  Status CheckSchema(int64_t app_id, int64_t version, int64_t tables) const;
  Status Upgrade(int64_t version, const char* doing);
  Status MigrateFrom2(const char* doing);
  Status Prepare();
  StatusOr<DocumentRows> ToRows(const DocumentInfo& doc, const std::string& content_hash,
                                const std::vector<Claim>& claims) const;
  Status Write(const DocumentRows& doc, bool* changed);
  Status WriteAll(const std::vector<DocumentRows>& docs, size_t* changed);

  // Related(), step by step (see there).
  using Binder = std::function<void(sqlite::Query&)>;
  using NextBinder = std::function<void(sqlite::Query&, const std::string&)>;
  using Visitor = std::function<Status(const std::string&)>;
  // The rows of one query (bound by `bind`), newest first (by index), up to
  // `cap` (0: all), leaving out the documents in `exclude_docs`.
  Status ReadRows(const Stmt& stmt, const Binder& bind, const std::set<std::string>& exclude_docs, size_t cap,
                  std::vector<StoredRow>* out) const;
  // Each value of a loose index scan (`first`, then `next` after the value
  // before), until none is left.
  Status ScanValues(const Stmt& first, const Stmt& next, const Binder& bind_first, const NextBinder& bind_next,
                    const Visitor& visit) const;
  // A subject key and the keys below it, one index probe each.
  Status ForEachSubjectUnder(const std::string& key, const Visitor& visit) const;
  // The rows filed under `key` (and below) whose incident lies in a window.
  Status ReadIncidentRows(const std::string& key, const std::set<IncidentWindow>& windows,
                          const std::set<std::string>& exclude_docs, size_t cap, std::vector<StoredRow>* out) const;
  Status FindRows(const RelatedQuery& query, size_t cap, std::vector<StoredRow>* rows) const;
  Status DocumentsOf(const std::vector<StoredRow>& rows, std::vector<DocumentInfo>* docs) const;
  Status DecodeClaims(const std::vector<StoredRow>& rows, std::vector<Claim>* claims) const;

  const std::string& path() const { return db.path(); }
};

Status ClaimStore::Impl::CheckSchema(int64_t app_id, int64_t version, int64_t tables) const {
  if (app_id == sql::kApplicationId && version >= sql::kOldestReadableVersion && version <= sql::kSchemaVersion) {
    return Status::OK();
  }
  if (app_id == 0 && version == 0 && tables == 0) return Status::OK();  // empty: new store
  if (app_id != sql::kApplicationId) {
    return Status::InvalidInput(fmt::format(
        "{}: not a factlint store (a SQLite database of another program: {} table(s), "
        "application_id {:#x}, user_version {}); pass a new path or remove it",
        path(), tables, app_id, version));
  }
  return Status::InvalidInput(fmt::format(
      "{}: unknown store schema version {} (this factlint reads version {}{}); open it with the "
      "factlint that wrote it, or pass a new path to start a new store",
      path(), version, sql::kSchemaVersion,
      version > sql::kSchemaVersion ? ", the store was written by a newer factlint" : ""));
}

Status ClaimStore::Impl::Init(bool read_only) {
  // Reading the header first: a file that is not a database fails here, before
  // anything is written to it.  One snapshot, as another process may be
  // creating the store right now.
  const char* doing = "reading the store header";
  StatusOr<int64_t> app_id = 0, version = 0, tables = 0;
  {
    Txn read(db, Txn::Mode::kRead);
    if (Status s = read.Begin(doing); !s.ok()) return s;
    app_id = QueryInt(db, "PRAGMA application_id", doing);
    if (!app_id.ok()) return app_id.status();
    version = QueryInt(db, "PRAGMA user_version", doing);
    if (!version.ok()) return version.status();
    tables = QueryInt(db, "SELECT count(*) FROM sqlite_schema", doing);
    if (!tables.ok()) return tables.status();
  }
  if (Status s = CheckSchema(app_id.value(), version.value(), tables.value()); !s.ok()) return s;
  if (read_only) {
    // No journal mode switch (it writes) and no schema to create.
    if (version.value() == 0) {
      return Status::InvalidInput(path() + ": an empty file, not a factlint store; create one with factlint store add");
    }
    if (version.value() < sql::kSchemaVersion) {
      return Status::InvalidInput(fmt::format(
          "{}: a store of schema version {} (this factlint reads version {}) opened read-only; factlint store add "
          "upgrades it in place the next time it adds to it",
          path(), version.value(), sql::kSchemaVersion));
    }
    return Prepare();
  }

  // WAL: readers never block the writer, and a crash mid-write leaves the
  // last committed state.  synchronous=NORMAL is safe with WAL (a power cut
  // may lose the last commits, never consistency).
  // Switching to WAL needs an exclusive lock, and SQLite reports SQLITE_BUSY
  // at once, without waiting, when another process holds the file (e.g. is
  // creating the store too): retry within the busy timeout.
  for (auto start = std::chrono::steady_clock::now();;) {
    int rc = sqlite3_exec(db.get(), "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) break;
    if ((rc & 0xff) != SQLITE_BUSY ||
        std::chrono::steady_clock::now() - start > std::chrono::milliseconds(kBusyTimeoutMs)) {
      return db.Error(rc, "setting up the store");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (Status s = db.Exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
                         "PRAGMA cache_size = -32768; PRAGMA mmap_size = 1073741824",
                         "setting up the store");
      !s.ok()) {
    return s;
  }

  if (version.value() > 0 && version.value() < sql::kSchemaVersion) {
    // Another process may be upgrading it at the same time: look again under
    // the write lock, or its keys would get the incident prefix twice.
    const char* doing = "upgrading the store";
    Txn txn(db);
    if (Status s = txn.Begin(doing); !s.ok()) return s;
    auto now = QueryInt(db, "PRAGMA user_version", doing);
    if (!now.ok()) return now.status();
    if (Status s = Upgrade(now.value(), doing); !s.ok()) return s;
    if (Status s = txn.Commit(doing); !s.ok()) return s;
  }
  if (version.value() == 0) {
    // A new store.  Another process may be creating it at the same time: look
    // again under the write lock.
    Txn txn(db);
    if (Status s = txn.Begin("creating the store"); !s.ok()) return s;
    auto now = QueryInt(db, "PRAGMA user_version", "creating the store");
    if (!now.ok()) return now.status();
    if (now.value() == 0) {
      std::string create = fmt::format("{}PRAGMA application_id = {}; PRAGMA user_version = {};",
                                       sql::kCreateSchema, sql::kApplicationId, sql::kSchemaVersion);
      if (Status s = db.Exec(create.c_str(), "creating the store"); !s.ok()) return s;
      if (Status s = txn.Commit("creating the store"); !s.ok()) return s;
    } else {
      auto app = QueryInt(db, "PRAGMA application_id", "reading the store header");
      if (!app.ok()) return app.status();
      if (Status s = CheckSchema(app.value(), now.value(), 1); !s.ok()) return s;
    }
  }
  return Prepare();
}

// Brings a store of schema `version` up to date, one version at a time,
// inside the caller's write transaction.
Status ClaimStore::Impl::Upgrade(int64_t version, const char* doing) {
  if (version < 2) {
    if (Status s = db.Exec(sql::kMigrateFrom1, doing); !s.ok()) return s;
  }
  if (version < 3) return MigrateFrom2(doing);
  return Status::OK();
}

Status ClaimStore::Impl::MigrateFrom2(const char* doing) {
  if (Status s = db.Exec(sql::kMigrateFrom2, doing); !s.ok()) return s;
  // Read first, then update: rows are not changed under a running SELECT.
  std::vector<std::pair<int64_t, IncidentColumns>> incidents;
  {
    auto select = Stmt::Prepare(db, sql::kIncidentsToMigrate);
    if (!select.ok()) return select.status();
    auto q = select->Run(doing);
    while (q.Step()) {
      incidents.emplace_back(q.Int(0), ColumnsOf(std::string(q.Text(1)), std::string(q.Text(2)),
                                                 std::string(q.Text(3))));
    }
    if (!q.status().ok()) return q.status();
  }
  auto update = Stmt::Prepare(db, sql::kSetIncident);
  if (!update.ok()) return update.status();
  for (const auto& [rowid, columns] : incidents) {
    auto q = update->Run(doing);
    q.Bind(1, rowid).Bind(2, columns.country).Bind(3, columns.region);
    q.Bind(4, columns.first_day).Bind(5, columns.last_day);
    if (Status s = q.Exec(); !s.ok()) return s;
  }
  return db.Exec(sql::kSetVersion3, doing);
}

Status ClaimStore::Impl::Prepare() {
  const std::pair<Stmt*, const char*> statements[] = {
      {&document_hash, sql::kDocumentHash},     {&upsert_document, sql::kUpsertDocument},
      {&delete_claims, sql::kDeleteClaims},     {&insert_claim, sql::kInsertClaim},
      {&delete_document, sql::kDeleteDocument}, {&list_documents, sql::kListDocuments},
      {&document_info, sql::kDocumentInfo},     {&count_documents, sql::kCountDocuments},
      {&count_claims, sql::kCountClaims},       {&count_subjects, sql::kCountSubjects},
      {&claims_by_kind, sql::kClaimsByKind},    {&claims_by_subject, sql::kClaimsBySubject},
      {&first_subject_in, sql::kFirstSubjectIn}, {&next_subject_in, sql::kNextSubjectIn},
      {&claims_by_person, sql::kClaimsByPerson}, {&first_country_of, sql::kFirstCountryOf},
      {&next_country_of, sql::kNextCountryOf},   {&claims_by_incident, sql::kClaimsByIncident},
  };
  for (const auto& [stmt, text] : statements) {
    auto prepared = Stmt::Prepare(db, text);
    if (!prepared.ok()) return prepared.status();
    *stmt = std::move(prepared.value());
  }
  return Status::OK();
}

StatusOr<DocumentRows> ClaimStore::Impl::ToRows(const DocumentInfo& doc,
                                                const std::string& content_hash,
                                                const std::vector<Claim>& claims) const {
  if (doc.id.empty()) {
    return Status::InvalidInput(
        fmt::format("{}: cannot add a document without an id (path \"{}\"); give it an id", path(),
                    doc.path));
  }
  if (content_hash.empty()) {
    return Status::InvalidInput(fmt::format(
        "{}: document {} has no content hash; compute it with ContentHash() of its bytes", path(),
        doc.id));
  }
  DocumentRows rows{&doc, &content_hash, {}};
  rows.claims.reserve(claims.size());
  for (const Claim& c : claims) {
    if (!c.doc.empty() && c.doc != doc.id) {
      return Status::InvalidInput(fmt::format(
          "{}: claim {} belongs to document {}, not to {}; add it with its own document", path(),
          c.id, c.doc, doc.id));
    }
    std::string json;
    try {
      json = ClaimToJson(c).dump();
    } catch (const nlohmann::json::exception& e) {  // invalid UTF-8 in a string
      return Status::InvalidInput(fmt::format(
          "{}: claim {} of document {} cannot be stored ({}); its text must be valid UTF-8", path(),
          c.id, doc.id, e.what()));
    }
    rows.claims.push_back(ClaimRow{c.id, c.kind(), StoreKey(c), PersonKeyOf(c), std::move(json),
                                   ColumnsOf(c.incident.country, c.incident.region, c.incident.day)});
  }
  return rows;
}

Status ClaimStore::Impl::Write(const DocumentRows& doc, bool* changed) {
  const std::string& id = doc.info->id;
  *changed = false;
  bool exists = false;
  {
    auto q = document_hash.Run("reading a stored document");
    q.Bind(1, id);
    if (q.Step()) {
      exists = true;
      if (q.Text(0) == *doc.content_hash) return Status::OK();  // same document: nothing to do
    }
    if (!q.status().ok()) return q.status();
  }
  const std::string doing = fmt::format("adding document {}", id);
  {
    auto q = upsert_document.Run(doing);
    q.Bind(1, id).Bind(2, doc.info->path).Bind(3, doc.info->lang).Bind(4, doc.info->date);
    q.Bind(5, *doc.content_hash);
    if (Status s = q.Exec(); !s.ok()) return s;
  }
  if (exists) {
    auto q = delete_claims.Run(doing);
    q.Bind(1, id);
    if (Status s = q.Exec(); !s.ok()) return s;
  }
  int64_t seq = 0;
  for (const ClaimRow& row : doc.claims) {
    auto q = insert_claim.Run(doing);
    q.Bind(1, id).Bind(2, seq++).Bind(3, row.claim_id).Bind(4, row.kind).Bind(5, row.subject);
    if (row.person_key.empty()) {
      q.BindNull(6);
    } else {
      q.Bind(6, row.person_key);
    }
    q.Bind(7, doc.info->date).Bind(8, row.json);
    q.Bind(9, row.incident.country).Bind(10, row.incident.region);
    q.Bind(11, row.incident.first_day).Bind(12, row.incident.last_day);
    if (Status s = q.Exec(); !s.ok()) return s;
  }
  *changed = true;
  return Status::OK();
}

Status ClaimStore::Impl::WriteAll(const std::vector<DocumentRows>& docs, size_t* changed) {
  Txn txn(db);
  const char* doing = docs.size() == 1 ? "adding a document" : "adding documents";
  if (Status s = txn.Begin(doing); !s.ok()) return s;
  size_t count = 0;
  for (const DocumentRows& doc : docs) {
    bool one = false;
    if (Status s = Write(doc, &one); !s.ok()) return s;  // ~Txn rolls back
    count += one;
  }
  if (Status s = txn.Commit(doing); !s.ok()) return s;
  if (changed) *changed = count;
  return Status::OK();
}

ClaimStore::ClaimStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClaimStore::~ClaimStore() = default;

const std::string& ClaimStore::path() const { return impl_->path(); }

StatusOr<std::unique_ptr<ClaimStore>> ClaimStore::Open(const std::string& path, StoreMode mode) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidInput(
        fmt::format("{}: is a folder, not a store; pass the path of a store file", path));
  }
  if (mode != StoreMode::kCreate && !std::filesystem::exists(path, ec)) {
    return Status::NotFound(fmt::format("{}: no such store; check the path, or create it with factlint store add", path));
  }
  const bool read_only = mode == StoreMode::kReadOnly;
  auto db = Db::Open(path, kBusyTimeoutMs, read_only);
  if (!db.ok()) return db.status();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db.value());
  if (Status s = impl->Init(read_only); !s.ok()) return s;
  return std::unique_ptr<ClaimStore>(new ClaimStore(std::move(impl)));
}

Status ClaimStore::Add(const DocumentInfo& doc, const std::string& content_hash,
                       const std::vector<Claim>& claims, bool* changed) {
  auto rows = impl_->ToRows(doc, content_hash, claims);
  if (!rows.ok()) return rows.status();
  std::vector<DocumentRows> all;
  all.push_back(std::move(rows.value()));
  size_t count = 0;
  Status s = impl_->WriteAll(all, &count);
  if (s.ok() && changed) *changed = count > 0;
  return s;
}

Status ClaimStore::AddBatch(const std::vector<StoredDocument>& docs, size_t* changed) {
  std::vector<DocumentRows> all;
  all.reserve(docs.size());
  for (const StoredDocument& d : docs) {
    auto rows = impl_->ToRows(d.info, d.content_hash, d.claims);
    if (!rows.ok()) return rows.status();
    all.push_back(std::move(rows.value()));
  }
  return impl_->WriteAll(all, changed);
}

Status ClaimStore::Remove(const std::string& doc_id, bool* removed) {
  const std::string doing = fmt::format("removing document {}", doc_id);
  Txn txn(impl_->db);
  if (Status s = txn.Begin(doing); !s.ok()) return s;
  {
    auto q = impl_->delete_document.Run(doing);
    q.Bind(1, doc_id);
    if (Status s = q.Exec(); !s.ok()) return s;
  }
  const bool was_there = impl_->db.Changes() > 0;  // its claims go by ON DELETE CASCADE
  if (Status s = txn.Commit(doing); !s.ok()) return s;
  if (removed) *removed = was_there;
  return Status::OK();
}

StatusOr<std::vector<DocumentInfo>> ClaimStore::List() {
  std::vector<DocumentInfo> docs;
  auto q = impl_->list_documents.Run("listing documents");
  while (q.Step()) {
    docs.push_back(DocumentInfo{std::string(q.Text(0)), std::string(q.Text(1)),
                                std::string(q.Text(2)), std::string(q.Text(3)), true});
  }
  if (!q.status().ok()) return q.status();
  return docs;
}

StatusOr<StoreStats> ClaimStore::Stats() {
  const char* doing = "counting the store";
  Txn txn(impl_->db, Txn::Mode::kRead);  // one snapshot for all the counts
  if (Status s = txn.Begin(doing); !s.ok()) return s;
  StoreStats stats;
  const std::pair<const Stmt*, size_t*> counts[] = {
      {&impl_->count_documents, &stats.documents},
      {&impl_->count_claims, &stats.claims},
      {&impl_->count_subjects, &stats.subjects},
  };
  for (const auto& [stmt, out] : counts) {
    auto q = stmt->Run(doing);
    if (q.Step()) *out = static_cast<size_t>(q.Int(0));
    if (!q.status().ok()) return q.status();
  }
  auto q = impl_->claims_by_kind.Run(doing);
  while (q.Step()) stats.claims_by_kind.emplace_back(std::string(q.Text(0)), q.Int(1));
  if (!q.status().ok()) return q.status();
  return stats;
}

Status ClaimStore::Related(const std::set<std::string>& subjects,
                           const std::set<std::string>& person_keys,
                           const std::set<std::string>& exclude_docs,
                           std::vector<DocumentInfo>* docs, std::vector<Claim>* claims,
                           const RelatedOptions& options) {
  RelatedQuery query;
  query.subjects = subjects;
  query.person_keys = person_keys;
  query.exclude_docs = exclude_docs;
  return Related(query, docs, claims, options);
}

// Related(), step by step.  Every read runs inside the caller's snapshot.

Status ClaimStore::Impl::ReadRows(const Stmt& stmt, const Binder& bind, const std::set<std::string>& exclude_docs,
                                  size_t cap, std::vector<StoredRow>* out) const {
  auto q = stmt.Run(kReadingRelated);
  bind(q);
  size_t taken = 0;
  while ((cap == 0 || taken < cap) && q.Step()) {
    std::string doc(q.Text(1));
    if (exclude_docs.count(doc)) continue;
    out->push_back(StoredRow{q.Int(0), std::move(doc), q.Int(2), std::string(q.Text(4)), std::string(q.Text(3))});
    ++taken;
  }
  return q.status();
}

Status ClaimStore::Impl::ScanValues(const Stmt& first, const Stmt& next, const Binder& bind_first,
                                    const NextBinder& bind_next, const Visitor& visit) const {
  std::string value;
  for (bool at_first = true;; at_first = false) {
    {
      auto q = (at_first ? first : next).Run(kReadingRelated);
      if (at_first) {
        bind_first(q);
      } else {
        bind_next(q, value);
      }
      if (!q.Step()) return q.status();
      value.assign(q.Text(0));
    }
    if (Status s = visit(value); !s.ok()) return s;
  }
}

Status ClaimStore::Impl::ForEachSubjectUnder(const std::string& key, const Visitor& visit) const {
  if (Status s = visit(key); !s.ok()) return s;
  // The keys below `key` are those in ["key/", "key0"), '0' following '/'.
  const std::string end = key + "0";
  return ScanValues(
      first_subject_in, next_subject_in, [&](sqlite::Query& q) { q.Bind(1, key + "/").Bind(2, end); },
      [&](sqlite::Query& q, const std::string& last) { q.Bind(1, last).Bind(2, end); }, visit);
}

Status ClaimStore::Impl::ReadIncidentRows(const std::string& key, const std::set<IncidentWindow>& windows,
                                          const std::set<std::string>& exclude_docs, size_t cap,
                                          std::vector<StoredRow>* out) const {
  // Per stored key, each country stored under it (few: one probe each),
  // then the range of days of each window it meets.
  return ForEachSubjectUnder(key, [&](const std::string& subject) {
    return ScanValues(
        first_country_of, next_country_of, [&](sqlite::Query& q) { q.Bind(1, subject); },
        [&](sqlite::Query& q, const std::string& last) { q.Bind(1, subject).Bind(2, last); },
        [&](const std::string& country) -> Status {
          for (const IncidentWindow& w : windows) {
            if (!CountriesMeet(country, w.countries)) continue;
            auto bind = [&](sqlite::Query& q) {
              q.Bind(1, subject).Bind(2, country).Bind(3, w.first_day).Bind(4, w.last_day);
            };
            if (Status s = ReadRows(claims_by_incident, bind, exclude_docs, cap, out); !s.ok()) return s;
          }
          return Status::OK();
        });
  });
}

Status ClaimStore::Impl::FindRows(const RelatedQuery& query, size_t cap, std::vector<StoredRow>* rows) const {
  // Each asked-for key brings its own (newest) claims; a claim found through
  // two keys, or two windows, is kept once.
  std::unordered_set<int64_t> kept;
  auto keep = [&](std::vector<StoredRow>* found) {
    std::sort(found->begin(), found->end(), [](const StoredRow& a, const StoredRow& b) { return a.rowid < b.rowid; });
    found->erase(std::unique(found->begin(), found->end(),
                             [](const StoredRow& a, const StoredRow& b) { return a.rowid == b.rowid; }),
                 found->end());
    if (cap != 0 && found->size() > cap) {  // a key and the keys below it: newest overall
      std::partial_sort(found->begin(), found->begin() + cap, found->end(),
                        [](const StoredRow& a, const StoredRow& b) {
                          return a.date != b.date ? a.date > b.date : a.rowid > b.rowid;
                        });
      found->resize(cap);
    }
    for (StoredRow& row : *found) {
      if (kept.insert(row.rowid).second) rows->push_back(std::move(row));
    }
  };
  const std::set<std::string>& exclude = query.exclude_docs;
  for (const std::string& key : query.subjects) {
    if (key.empty()) continue;
    std::vector<StoredRow> found;
    Status s = ForEachSubjectUnder(key, [&](const std::string& subject) {
      return ReadRows(claims_by_subject, [&](sqlite::Query& q) { q.Bind(1, subject); }, exclude, cap, &found);
    });
    if (!s.ok()) return s;
    keep(&found);
  }
  for (const auto& [key, windows] : query.incidents) {
    if (key.empty() || windows.empty()) continue;
    std::vector<StoredRow> found;
    if (Status s = ReadIncidentRows(key, windows, exclude, cap, &found); !s.ok()) return s;
    keep(&found);
  }
  for (const std::string& key : query.person_keys) {
    if (key.empty()) continue;  // claims without a person are stored as NULL
    std::vector<StoredRow> found;
    Status s = ReadRows(claims_by_person, [&](sqlite::Query& q) { q.Bind(1, key); }, exclude, cap, &found);
    if (!s.ok()) return s;
    keep(&found);
  }
  return Status::OK();
}

// The documents of `rows` (sorted by document), once each, in order.
Status ClaimStore::Impl::DocumentsOf(const std::vector<StoredRow>& rows, std::vector<DocumentInfo>* docs) const {
  for (const StoredRow& row : rows) {
    if (!docs->empty() && docs->back().id == row.doc) continue;
    auto q = document_info.Run(kReadingRelated);
    q.Bind(1, row.doc);
    if (!q.Step()) {
      if (!q.status().ok()) return q.status();
      return Status::IOError(fmt::format(
          "{}: claims of document {} have no document row; remove the document and add it again", path(), row.doc));
    }
    docs->push_back(
        DocumentInfo{row.doc, std::string(q.Text(0)), std::string(q.Text(1)), std::string(q.Text(2)), true});
  }
  return Status::OK();
}

// Decoding the JSON is most of Related()'s work: split across threads when
// there is much of it.
Status ClaimStore::Impl::DecodeClaims(const std::vector<StoredRow>& rows, std::vector<Claim>* claims) const {
  claims->resize(rows.size());
  std::vector<Status> errors(rows.size() == 0 ? 0 : 1);
  auto decode = [&](size_t begin, size_t end, Status* error) {
    for (size_t i = begin; i < end; ++i) {
      const StoredRow& row = rows[i];
      StatusOr<Claim> claim = Status::InvalidInput("invalid JSON");
      try {  // a damaged row must not escape this thread as an exception
        auto json = nlohmann::json::parse(row.json, nullptr, /*allow_exceptions=*/false);
        if (!json.is_discarded()) claim = ClaimFromJson(json);
      } catch (const std::exception& e) {
        claim = Status::InvalidInput(e.what());
      }
      if (!claim.ok()) {
        *error = Status::IOError(fmt::format(
            "{}: claim number {} of document {} cannot be read ({}); remove the document and "
            "add it again",
            path(), row.seq, row.doc, claim.status().message()));
        return;
      }
      Claim& c = (*claims)[i];
      c = std::move(claim.value());
      if (c.doc.empty()) c.doc = row.doc;
    }
  };
  constexpr size_t kRowsPerThread = 2000;
  const size_t threads = std::clamp<size_t>(rows.size() / kRowsPerThread, 1,
                                            std::max(1u, std::thread::hardware_concurrency()));
  if (threads == 1) {
    if (!rows.empty()) decode(0, rows.size(), &errors[0]);
  } else {
    errors.resize(threads);
    std::vector<std::thread> pool;
    const size_t chunk = (rows.size() + threads - 1) / threads;
    for (size_t t = 1; t < threads; ++t) {
      pool.emplace_back(decode, t * chunk, std::min(rows.size(), (t + 1) * chunk), &errors[t]);
    }
    decode(0, chunk, &errors[0]);
    for (std::thread& th : pool) th.join();
  }
  for (const Status& e : errors) {
    if (!e.ok()) return e;
  }
  return Status::OK();
}

Status ClaimStore::Related(const RelatedQuery& query, std::vector<DocumentInfo>* docs,
                           std::vector<Claim>* claims, const RelatedOptions& options) {
  docs->clear();
  claims->clear();
  if (query.subjects.empty() && query.incidents.empty() && query.person_keys.empty()) return Status::OK();
  std::vector<StoredRow> rows;
  {
    // One read snapshot: a document replaced meanwhile is seen before or
    // after, never both.
    Txn txn(impl_->db, Txn::Mode::kRead);
    if (Status s = txn.Begin(kReadingRelated); !s.ok()) return s;
    if (Status s = impl_->FindRows(query, options.max_per_key, &rows); !s.ok()) return s;
    std::sort(rows.begin(), rows.end(), [](const StoredRow& a, const StoredRow& b) {
      return a.doc != b.doc ? a.doc < b.doc : a.seq < b.seq;
    });
    if (Status s = impl_->DocumentsOf(rows, docs); !s.ok()) return s;
  }
  if (Status s = impl_->DecodeClaims(rows, claims); !s.ok()) {
    docs->clear();
    claims->clear();
    return s;
  }
  return Status::OK();
}

}  // namespace factlint
