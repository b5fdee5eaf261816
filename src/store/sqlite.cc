#include "store/sqlite.h"

#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

namespace factlint::sqlite {
namespace {

struct Advice {
  const char* problem;  // "" to use `doing` alone
  const char* todo;
};

// What a failure means to the user, by primary result code.
Advice AdviceFor(int rc) {
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
      return {"not a factlint store", "pass a new path or remove it"};
    case SQLITE_CORRUPT:
      return {"the store is damaged", "restore it from a backup, or remove it and add the documents again"};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {"the store is busy", "another process is writing it; retry when it has finished"};
    case SQLITE_READONLY:
      return {"the store is read-only", "check the permissions of the file and of its folder"};
    case SQLITE_CANTOPEN:
      return {"cannot open the store", "check that its folder exists and is writable"};
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return {"permission denied", "check the permissions of the file and of its folder"};
    case SQLITE_FULL:
      return {"the disk is full", "free some space and retry"};
    case SQLITE_IOERR:
      return {"I/O error", "check the disk and retry"};
    case SQLITE_NOMEM:
      return {"out of memory", "free some memory and retry"};
    case SQLITE_CONSTRAINT:
      return {"the data breaks a constraint of the store", "check the input (duplicate ids?)"};
    case SQLITE_TOOBIG:
      return {"a value is too large for the store", "split the document"};
    default:
      return {"", "retry, and report a bug if it persists"};
  }
}

}  // namespace

Status ErrorStatus(const std::string& path, int rc, std::string_view sqlite_message,
                   std::string_view doing) {
  Advice advice = AdviceFor(rc);
  std::string what;
  if (*advice.problem == 0) {
    what = std::string(doing);
  } else if ((rc & 0xff) == SQLITE_NOTADB || doing.empty()) {
    // "not a factlint store" says it all; what we were doing adds nothing.
    what = advice.problem;
  } else {
    what = fmt::format("{}: {}", doing, advice.problem);
  }
  std::string msg = sqlite_message.empty() ? std::string(sqlite3_errstr(rc)) : std::string(sqlite_message);
  return Status::IOError(fmt::format("{}: {} ({}); {}", path, what, msg, advice.todo));
}

namespace {

// "file:" URI of `path` with `?immutable=1`: every byte that URI syntax
// reserves is percent-encoded.
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '?' || c == '#' || c == '%' || static_cast<unsigned char>(c) < 0x20) {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

// True when this process can write the file and create files beside it
// (the -wal and -shm files of a WAL database).
bool CanWriteBeside(const std::string& path) {
  const std::string dir = std::filesystem::path(path).parent_path().string();
  return ::access(path.c_str(), W_OK) == 0 && ::access(dir.empty() ? "." : dir.c_str(), W_OK) == 0;
}

}  // namespace

StatusOr<Db> Db::Open(const std::string& path, int busy_timeout_ms, bool read_only) {
  sqlite3* raw = nullptr;
  int rc;
  if (!read_only) {
    rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  } else if (CanWriteBeside(path)) {
    rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  } else {
    // A WAL database cannot be read without its -shm file, which a reader
    // without write access cannot create (a published, read-only store):
    // read it as immutable instead.
    rc = sqlite3_open_v2(ImmutableUri(path).c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  }
  Db db;
  db.db_.reset(raw);  // closed even when opening failed
  db.path_ = path;
  if (rc != SQLITE_OK) {
    return ErrorStatus(path, rc, raw ? sqlite3_errmsg(raw) : "", "opening the store");
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  return db;
}

Status Db::Error(int rc, std::string_view doing) const {
  return ErrorStatus(path_, rc, db_ ? sqlite3_errmsg(db_.get()) : "", doing);
}

Status Db::Exec(const char* sql, std::string_view doing) const {
  int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::OK() : Error(rc, doing);
}

StatusOr<Stmt> Stmt::Prepare(const Db& db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v3(db.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  Stmt stmt;
  stmt.db_ = &db;
  stmt.stmt_.reset(raw);
  if (rc != SQLITE_OK) return db.Error(rc, "preparing a query");
  return stmt;
}

Query::~Query() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Query& Query::Bind(int i, std::string_view text) {
  int rc = sqlite3_bind_text64(stmt_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && status_.ok()) status_ = db_->Error(rc, doing_);
  return *this;
}

Query& Query::Bind(int i, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, i, value);
  if (rc != SQLITE_OK && status_.ok()) status_ = db_->Error(rc, doing_);
  return *this;
}

Query& Query::BindNull(int i) {
  int rc = sqlite3_bind_null(stmt_, i);
  if (rc != SQLITE_OK && status_.ok()) status_ = db_->Error(rc, doing_);
  return *this;
}

bool Query::Step() {
  if (!status_.ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = db_->Error(rc, doing_);
  return false;
}

Status Query::Exec() {
  while (Step()) {
  }
  return status_;
}

std::string_view Query::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col));
}

int64_t Query::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

bool Query::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Status Txn::Begin(std::string_view doing) {
  Status s = db_.Exec(mode_ == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN", doing);
  open_ = s.ok();
  return s;
}

Status Txn::Commit(std::string_view doing) {
  Status s = db_.Exec("COMMIT", doing);
  // A failed COMMIT (e.g. SQLITE_BUSY) leaves the transaction open: the
  // destructor rolls it back.
  if (s.ok()) open_ = false;
  return s;
}

Txn::~Txn() {
  // SQLite may already have rolled back on its own (disk full, I/O error):
  // then there is nothing left to undo.
  if (open_ && !sqlite3_get_autocommit(db_.get())) {
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

}  // namespace factlint::sqlite
