// Small RAII wrappers over the SQLite C API, for the claim store.
//
//   Db    owns a sqlite3* (closed on destruction).
//   Stmt  owns a prepared sqlite3_stmt* (finalized on destruction); Run()
//         hands out a Query that resets the statement and clears its
//         bindings when it goes out of scope, so that no statement is left
//         holding a read transaction open.
//   Txn   BEGIN IMMEDIATE ... COMMIT; rolls back unless Commit() succeeded.
//
// Every failure becomes a Status that names the store path, says what was
// being done, quotes SQLite's message and says what to do.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "factlint/status.h"

namespace factlint::sqlite {

class Db {
 public:
  Db() = default;
  Db(Db&&) = default;
  Db& operator=(Db&&) = default;

  // Opens (creating when missing) the database at `path` read-write, or
  // read-only when `read_only`, with extended result codes and a busy timeout.
  static StatusOr<Db> Open(const std::string& path, int busy_timeout_ms, bool read_only = false);

  sqlite3* get() const { return db_.get(); }
  const std::string& path() const { return path_; }

  // Rows changed by the last INSERT, UPDATE or DELETE.
  int64_t Changes() const { return sqlite3_changes64(db_.get()); }

  // Runs one or more statements that return no rows.
  Status Exec(const char* sql, std::string_view doing) const;

  // A Status for a failed call that returned `rc`: "<path>: <doing>: <problem>
  // (<sqlite message>); <what to do>".
  Status Error(int rc, std::string_view doing) const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
};

// Builds the message of Db::Error (also for failures before a Db exists).
Status ErrorStatus(const std::string& path, int rc, std::string_view sqlite_message,
                   std::string_view doing);

class Stmt;

// One execution of a prepared statement.  Binding is 1-based, like SQLite.
class Query {
 public:
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  ~Query();

  Query& Bind(int i, std::string_view text);
  Query& Bind(int i, int64_t value);
  Query& BindNull(int i);

  // Advances to the next row: true on a row, false when done or on error
  // (then status() says why).
  bool Step();
  // Steps a statement that returns no rows.
  Status Exec();
  const Status& status() const { return status_; }

  std::string_view Text(int col) const;  // "" for NULL
  int64_t Int(int col) const;
  bool IsNull(int col) const;

 private:
  friend class Stmt;
  Query(const Db* db, sqlite3_stmt* stmt, std::string_view doing)
      : db_(db), stmt_(stmt), doing_(doing) {}
  const Db* db_;
  sqlite3_stmt* stmt_;
  std::string_view doing_;
  Status status_;
};

class Stmt {
 public:
  Stmt() = default;
  static StatusOr<Stmt> Prepare(const Db& db, const char* sql);

  // `doing` (a string literal) names the operation in error messages.
  Query Run(std::string_view doing) const { return Query(db_, stmt_.get(), doing); }
  sqlite3_stmt* get() const { return stmt_.get(); }

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  const Db* db_ = nullptr;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

// A transaction, rolled back on destruction unless committed.  kWrite is
// BEGIN IMMEDIATE: it takes the write lock up front (waiting up to the busy
// timeout), so that two writers never deadlock on upgrading a read lock.
// kRead is BEGIN (deferred): several queries then see one snapshot.
class Txn {
 public:
  enum class Mode { kRead, kWrite };
  explicit Txn(const Db& db, Mode mode = Mode::kWrite) : db_(db), mode_(mode) {}
  Txn(const Txn&) = delete;
  Txn& operator=(const Txn&) = delete;
  ~Txn();

  Status Begin(std::string_view doing);
  Status Commit(std::string_view doing);

 private:
  const Db& db_;
  Mode mode_;
  bool open_ = false;
};

}  // namespace factlint::sqlite
