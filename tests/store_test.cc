// Tests of the claim store (src/store): adds, idempotence, replacement,
// Related() by subject and person key, errors, query plans, and crash safety
// under SIGKILL.
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "factlint/civil_date.h"
#include "factlint/graph.h"
#include "factlint/store.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace factlint {
namespace {

namespace fs = std::filesystem;

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it.
class TempDir {
 public:
  TempDir() {
    const char* base = getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/factlint-store-XXXXXX";
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

Claim BaseClaim(const std::string& doc, int n, const std::string& subject) {
  Claim c;
  c.id = fmt::format("{}#{}", doc, n);
  c.doc = doc;
  c.subject = subject;
  c.text = "evidence " + c.id;
  c.span = Span{uint32_t(10 * n), uint32_t(10 * n + 8)};
  c.line = n + 1;
  c.column = 3;
  c.sentence = Span{0, 100};
  c.sentence_text = "The sentence of " + c.id + ".";
  c.rule = "test.rule";
  c.lang = "en";
  c.doc_date = "2024-05-01";
  return c;
}

Claim Quantity(const std::string& doc, int n, const std::string& subject, double value) {
  Claim c = BaseClaim(doc, n, subject);
  QuantityFacts q;
  q.range = Interval{value, value};
  q.stated = value;
  q.qualifier = factlint::Qualifier::kExact;
  // The store files claims by subject; many subjects here ("boom") name no measure.
  const std::string measure = subject.substr(0, subject.find('/'));
  q.event = factlint::FromName<factlint::Measure>(measure).value_or(factlint::Measure::kKilled);
  c.value = fmt::format("{}", value);
  c.facts = q;
  return c;
}

Claim Officeholder(const std::string& doc, int n, const std::string& subject,
                   const std::string& person_key) {
  Claim c = BaseClaim(doc, n, subject);
  OfficeholderFacts o;
  o.office = subject.substr(subject.rfind('/') + 1);
  o.jurisdiction = "us";
  o.person = person_key;
  o.person_key = person_key;
  c.value = person_key;
  c.facts = o;
  return c;
}

Claim Person(const std::string& doc, int n, const std::string& person_key) {
  Claim c = BaseClaim(doc, n, "person/" + person_key);
  c.value = person_key;
  c.facts = PersonFacts{person_key, person_key};
  return c;
}

DocumentInfo Info(const std::string& id, const std::string& date = "2024-05-01") {
  return DocumentInfo{id, "news/" + id + ".txt", "en", date, false};
}

std::unique_ptr<ClaimStore> OpenOrDie(const std::string& path) {
  auto store = ClaimStore::Open(path);
  REQUIRE_MESSAGE(store.ok(), store.status().message());
  return std::move(store.value());
}

void AddOrDie(ClaimStore& store, const std::string& id, const std::vector<Claim>& claims,
              const std::string& version = "v1", bool* changed = nullptr) {
  bool ignored = false;
  Status s = store.Add(Info(id), ContentHash(id + version), claims, changed ? changed : &ignored);
  REQUIRE_MESSAGE(s.ok(), s.message());
}

std::vector<std::string> Ids(const std::vector<Claim>& claims) {
  std::vector<std::string> ids;
  for (const Claim& c : claims) ids.push_back(c.id);
  return ids;
}

std::vector<std::string> Ids(const std::vector<DocumentInfo>& docs) {
  std::vector<std::string> ids;
  for (const DocumentInfo& d : docs) ids.push_back(d.id);
  return ids;
}

// Runs a query on the store file directly and returns column `col` of every
// row.
std::vector<std::string> RawQuery(const std::string& path, const std::string& sql, int col = 0) {
  auto db = sqlite::Db::Open(path, 1000);
  REQUIRE_MESSAGE(db.ok(), db.status().message());
  auto stmt = sqlite::Stmt::Prepare(db.value(), sql.c_str());
  REQUIRE_MESSAGE(stmt.ok(), stmt.status().message());
  std::vector<std::string> rows;
  auto q = stmt->Run("test query");
  while (q.Step()) rows.emplace_back(q.Text(col));
  REQUIRE_MESSAGE(q.status().ok(), q.status().message());
  return rows;
}

void RawExec(const std::string& path, const std::string& sql) {
  auto db = sqlite::Db::Open(path, 1000);
  REQUIRE_MESSAGE(db.ok(), db.status().message());
  Status s = db->Exec(sql.c_str(), "test statement");
  REQUIRE_MESSAGE(s.ok(), s.message());
}

// Takes a store back to schema 2, as the factlint of that version wrote it:
// no incident columns, no index on them.
void DowngradeTo2(const std::string& path) {
  RawExec(path,
          "DROP INDEX claims_by_incident; "
          "ALTER TABLE claims DROP COLUMN incident_country; ALTER TABLE claims DROP COLUMN incident_region; "
          "ALTER TABLE claims DROP COLUMN incident_first; ALTER TABLE claims DROP COLUMN incident_last; "
          "PRAGMA user_version = 2");
}

TEST_CASE("ContentHash is SHA-256 in hex") {
  struct Case {
    std::string bytes;
    const char* hex;
  };
  const Case cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      // Lengths around the padding boundaries.
      {std::string(55, 'x'), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
      {std::string(56, 'x'), "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
      {std::string(63, 'x'), "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"},
      {std::string(64, 'x'), "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
      {std::string(65, 'x'), "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"},
      {std::string(119, 'x'), "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"},
      {std::string(120, 'x'), "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"},
      {std::string(1000, 'x'), "44f8354494a5ba03ba1792a8d3e9c534c47a9181980fde7a3f44b06ef2ae7c7f"},
      {"قُتل أكثر من 40 ألف فلسطيني",
       "639cf859fa7d2520ea11cdc2cf7ae82d94486efe7bc62469f50a3f31900c1034"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.bytes.size());
    CHECK(ContentHash(c.bytes) == c.hex);
  }
}

TEST_CASE("add, list, stats and remove") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("claims.db"));
  CHECK(store->path() == dir.File("claims.db"));

  auto empty = store->Stats();
  REQUIRE(empty.ok());
  CHECK(empty->documents == 0);
  CHECK(empty->claims == 0);
  CHECK(empty->subjects == 0);
  CHECK(empty->claims_by_kind.empty());

  bool changed = false;
  AddOrDie(*store, "b", {Quantity("b", 0, "killed/palestinians", 40000),
                         Officeholder("b", 1, "office/us/secretary-of-state", "blinken")},
           "v1", &changed);
  CHECK(changed);
  AddOrDie(*store, "a", {Quantity("a", 0, "killed/palestinians", 41000),
                         Quantity("a", 1, "injured/palestinians", 90000),
                         Person("a", 2, "netanyahu")},
           "v1", &changed);
  CHECK(changed);
  AddOrDie(*store, "c", {}, "v1", &changed);  // a document without claims is still recorded
  CHECK(changed);

  auto list = store->List();
  REQUIRE(list.ok());
  CHECK(Ids(list.value()) == std::vector<std::string>{"a", "b", "c"});
  for (const DocumentInfo& d : list.value()) {
    CHECK(d.from_store);
    CHECK(d.path == "news/" + d.id + ".txt");
    CHECK(d.lang == "en");
    CHECK(d.date == "2024-05-01");
  }

  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 3);
  CHECK(stats->claims == 5);
  CHECK(stats->subjects == 4);
  using KindCount = std::pair<std::string, size_t>;
  CHECK(stats->claims_by_kind ==
        std::vector<KindCount>{{"officeholder", 1}, {"person", 1}, {"quantity", 3}});

  struct Case {
    const char* id;
    bool removed;
    size_t documents_after;
    size_t claims_after;
  };
  const Case cases[] = {{"a", true, 2, 2}, {"a", false, 2, 2}, {"nope", false, 2, 2},
                        {"c", true, 1, 2}, {"b", true, 0, 0}};
  for (const Case& c : cases) {
    CAPTURE(c.id);
    bool removed = !c.removed;
    Status s = store->Remove(c.id, &removed);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(removed == c.removed);
    auto after = store->Stats();
    REQUIRE(after.ok());
    CHECK(after->documents == c.documents_after);
    CHECK(after->claims == c.claims_after);  // claims go with their document
  }
}

TEST_CASE("adding the same document again changes nothing") {
  TempDir dir;
  const std::string path = dir.File("claims.db");
  std::vector<Claim> claims = {Quantity("a", 0, "killed/palestinians", 40000),
                               Person("a", 1, "blinken")};
  {
    auto store = OpenOrDie(path);
    bool changed = false;
    AddOrDie(*store, "a", claims, "v1", &changed);
    CHECK(changed);
    AddOrDie(*store, "a", claims, "v1", &changed);
    CHECK_FALSE(changed);
  }
  const auto added_at = RawQuery(path, "SELECT id || added_at || content_hash FROM documents");
  const auto claim_rows = RawQuery(path, "SELECT rowid || json FROM claims ORDER BY rowid");
  {
    // Again after reopening, and through AddBatch: not a single row rewritten.
    auto store = OpenOrDie(path);
    bool changed = true;
    AddOrDie(*store, "a", claims, "v1", &changed);
    CHECK_FALSE(changed);
    size_t count = 99;
    Status s = store->AddBatch({StoredDocument{Info("a"), ContentHash("av1"), claims}}, &count);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(count == 0);
  }
  CHECK(RawQuery(path, "SELECT id || added_at || content_hash FROM documents") == added_at);
  CHECK(RawQuery(path, "SELECT rowid || json FROM claims ORDER BY rowid") == claim_rows);
}

TEST_CASE("a changed document replaces its old claims") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("claims.db"));
  AddOrDie(*store, "a", {Quantity("a", 0, "killed/palestinians", 40000),
                         Quantity("a", 1, "injured/palestinians", 90000),
                         Officeholder("a", 2, "office/us/secretary-of-state", "blinken")});
  bool changed = false;
  AddOrDie(*store, "a", {Quantity("a", 0, "killed/palestinians", 42000)}, "v2", &changed);
  CHECK(changed);

  std::vector<DocumentInfo> docs;
  std::vector<Claim> claims;
  Status s = store->Related({"killed/palestinians", "injured/palestinians",
                             "office/us/secretary-of-state"},
                            {"blinken"}, {}, &docs, &claims);
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].id == "a#0");
  CHECK(claims[0].get<QuantityFacts>()->stated == 42000);
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 1);
  CHECK(stats->claims == 1);
}

TEST_CASE("AddBatch adds many documents in one transaction") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("claims.db"));
  std::vector<StoredDocument> batch;
  for (int i = 0; i < 50; ++i) {
    std::string id = fmt::format("doc{:02}", i);
    batch.push_back({Info(id), ContentHash(id), {Quantity(id, 0, "killed/palestinians", i)}});
  }
  // The same id twice in one batch: the last version wins.
  batch.push_back({Info("doc00"), ContentHash("doc00 v2"),
                   {Quantity("doc00", 0, "injured/palestinians", 7)}});
  size_t changed = 0;
  Status s = store->AddBatch(batch, &changed);
  REQUIRE_MESSAGE(s.ok(), s.message());
  CHECK(changed == 51);
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 50);
  CHECK(stats->claims == 50);

  // A bad document anywhere in the batch: nothing is written.
  std::vector<StoredDocument> bad = {
      {Info("new1"), ContentHash("new1"), {Quantity("new1", 0, "killed/israelis", 1)}},
      {Info("new2"), ContentHash("new2"), {Quantity("someone-else", 0, "killed/israelis", 1)}},
  };
  s = store->AddBatch(bad, &changed);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("someone-else") != std::string::npos);
  stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 50);
}

TEST_CASE("a write that fails midway leaves the previous version") {
  TempDir dir;
  const std::string path = dir.File("claims.db");
  {
    auto store = OpenOrDie(path);
    AddOrDie(*store, "a", {Quantity("a", 0, "killed/palestinians", 40000),
                           Quantity("a", 1, "injured/palestinians", 90000)});
  }
  // Make SQLite refuse the third claim of the next write.
  RawExec(path,
          "CREATE TRIGGER fail BEFORE INSERT ON claims WHEN NEW.subject = 'boom' "
          "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  auto store = OpenOrDie(path);
  bool changed = true;
  Status s = store->Add(Info("a"), ContentHash("a v2"),
                        {Quantity("a", 0, "killed/palestinians", 1),
                         Quantity("a", 1, "killed/israelis", 2), Quantity("a", 2, "boom", 3)},
                        &changed);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().find(path) == 0);
  CHECK(s.message().find("adding document a") != std::string::npos);
  CHECK(s.message().find("injected failure") != std::string::npos);

  std::vector<DocumentInfo> docs;
  std::vector<Claim> claims;
  s = store->Related({"killed/palestinians", "injured/palestinians", "killed/israelis"}, {}, {},
                     &docs, &claims);
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].get<QuantityFacts>()->stated == 40000);
  CHECK(claims[1].subject == "injured/palestinians");
  // And the store still takes writes.
  AddOrDie(*store, "b", {Quantity("b", 0, "killed/palestinians", 5)});
}

TEST_CASE("Related finds claims by subject and by person key") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("claims.db"));
  AddOrDie(*store, "a", {Quantity("a", 0, "killed/palestinians", 40000),
                         Officeholder("a", 1, "office/us/secretary-of-state", "blinken"),
                         Person("a", 2, "blinken")});
  AddOrDie(*store, "b", {Quantity("b", 0, "killed/palestinians", 41000),
                         Quantity("b", 1, "injured/palestinians", 90000)});
  AddOrDie(*store, "c", {Officeholder("c", 0, "office/us/secretary-of-state", "rubio"),
                         Person("c", 1, "netanyahu")});
  AddOrDie(*store, "d", {Quantity("d", 0, "displaced/gaza", 1900000),
                         Officeholder("d", 1, "office/il/prime-minister", "netanyahu")});
  // Keys below killed/palestinians, and neighbours that are not below it.
  AddOrDie(*store, "e", {Quantity("e", 0, "killed/palestinians/gaza", 40000),
                         Quantity("e", 1, "killed/palestinians-x", 1),
                         Quantity("e", 2, "killed/palestinians/gaza/north", 2),
                         Quantity("e", 3, "killed/palestinians0", 3),
                         Quantity("e", 4, "killed/palestinian", 4)});

  using IdList = std::vector<std::string>;
  struct Case {
    const char* name;
    std::set<std::string> subjects, persons, exclude;
    IdList claims, docs;
  };
  const Case cases[] = {
      {"a subject and the keys below it",
       {"killed/palestinians"}, {}, {}, {"a#0", "b#0", "e#0", "e#2"}, {"a", "b", "e"}},
      {"a more specific subject", {"killed/palestinians/gaza"}, {}, {}, {"e#0", "e#2"}, {"e"}},
      {"the most specific subject", {"killed/palestinians/gaza/north"}, {}, {}, {"e#2"}, {"e"}},
      {"a key only matches whole path parts", {"killed/palestinian"}, {}, {}, {"e#4"}, {"e"}},
      {"subject, docs excluded", {"killed/palestinians"}, {}, {"a", "e"}, {"b#0"}, {"b"}},
      {"person key", {}, {"blinken"}, {}, {"a#1", "a#2"}, {"a"}},
      {"person key in two kinds", {}, {"netanyahu"}, {}, {"c#1", "d#1"}, {"c", "d"}},
      {"subject and person (each claim once)",
       {"office/us/secretary-of-state"}, {"blinken"}, {}, {"a#1", "a#2", "c#0"}, {"a", "c"}},
      {"two subjects, exclusion",
       {"killed/palestinians", "injured/palestinians"}, {}, {"b", "e"}, {"a#0"}, {"a"}},
      {"everything excluded",
       {"killed/palestinians"}, {"netanyahu"}, {"a", "b", "c", "d", "e"}, {}, {}},
      {"an empty subject matches nothing", {""}, {}, {}, {}, {}},
      {"unknown keys", {"killed/martians"}, {"nobody"}, {}, {}, {}},
      {"no keys", {}, {}, {}, {}, {}},
      {"an empty person key matches nothing", {}, {""}, {}, {}, {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::vector<DocumentInfo> docs = {Info("stale")};
    std::vector<Claim> claims = {Quantity("stale", 0, "x", 1)};
    Status s = store->Related(c.subjects, c.persons, c.exclude, &docs, &claims);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(Ids(claims) == c.claims);
    CHECK(Ids(docs) == c.docs);
    for (const DocumentInfo& d : docs) {
      CHECK(d.from_store);
      CHECK(d.path == "news/" + d.id + ".txt");
    }
  }
}

TEST_CASE("Related keeps the most recent claims per key when asked to") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("claims.db"));
  // Added out of date order: the order of the dates decides, not of the adds.
  const std::pair<const char*, const char*> docs_dates[] = {
      {"d3", "2024-03-01"}, {"d1", "2024-01-01"}, {"d5", "2024-05-01"},
      {"d2", "2024-02-01"}, {"d4", "2024-04-01"}, {"dx", ""}};
  for (const auto& [id, date] : docs_dates) {
    Status s = store->Add(Info(id, date), ContentHash(id),
                          {Quantity(id, 0, "killed/palestinians", 1), Person(id, 1, "blinken")},
                          nullptr);
    REQUIRE_MESSAGE(s.ok(), s.message());
  }
  // Keys below killed/palestinians; g2 and g3 share a date (g3 added last).
  const std::tuple<const char*, const char*, const char*> below[] = {
      {"g1", "2024-04-15", "killed/palestinians/gaza"},
      {"g2", "2024-04-20", "killed/palestinians/rafah"},
      {"g3", "2024-04-20", "killed/palestinians/gaza"},
  };
  for (const auto& [id, date, subject] : below) {
    Status s = store->Add(Info(id, date), ContentHash(id), {Quantity(id, 0, subject, 1)}, nullptr);
    REQUIRE_MESSAGE(s.ok(), s.message());
  }
  using IdList = std::vector<std::string>;
  struct Case {
    const char* name;
    std::set<std::string> subjects, persons, exclude;
    size_t max_per_key;
    IdList claims;
  };
  const Case cases[] = {
      {"no cap", {"killed/palestinians"}, {}, {}, 0,
       {"d1#0", "d2#0", "d3#0", "d4#0", "d5#0", "dx#0", "g1#0", "g2#0", "g3#0"}},
      // g2 and g3 tie on date for the second place: g3 was added last.
      {"newest across the keys below", {"killed/palestinians"}, {}, {}, 2, {"d5#0", "g3#0"}},
      {"three newest", {"killed/palestinians"}, {}, {}, 3, {"d5#0", "g2#0", "g3#0"}},
      {"excluded documents do not count", {"killed/palestinians"}, {}, {"d5", "g3"}, 2,
       {"g1#0", "g2#0"}},
      {"a key below", {"killed/palestinians/gaza"}, {}, {}, 1, {"g3#0"}},
      {"per asked-for key, each claim once",
       {"killed/palestinians", "killed/palestinians/gaza"}, {}, {}, 2, {"d5#0", "g1#0", "g3#0"}},
      {"subjects and people", {"killed/palestinians"}, {"blinken"}, {}, 1, {"d5#0", "d5#1"}},
      {"a cap above the count", {}, {"blinken"}, {}, 10,
       {"d1#1", "d2#1", "d3#1", "d4#1", "d5#1", "dx#1"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::vector<DocumentInfo> docs;
    std::vector<Claim> claims;
    RelatedOptions options;
    options.max_per_key = c.max_per_key;
    Status s = store->Related(c.subjects, c.persons, c.exclude, &docs, &claims, options);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(Ids(claims) == c.claims);
  }
}

TEST_CASE("Related reads claims through the indexes") {
  TempDir dir;
  const std::string path = dir.File("claims.db");
  {
    auto store = OpenOrDie(path);
    std::vector<StoredDocument> batch;
    for (int i = 0; i < 200; ++i) {
      std::string id = fmt::format("doc{}", i);
      batch.push_back({Info(id), ContentHash(id),
                       {Quantity(id, 0, fmt::format("killed/group{}", i % 20), i),
                        Person(id, 1, fmt::format("person{}", i % 30))}});
    }
    REQUIRE(store->AddBatch(batch, nullptr).ok());
  }
  RawExec(path, "ANALYZE");  // the plan must hold with statistics too
  struct Case {
    const char* sql;
    const char* plan;
  };
  const Case cases[] = {
      {store_sql::kClaimsBySubject, "SEARCH claims USING INDEX claims_by_subject (subject=?)"},
      {store_sql::kClaimsByPerson, "SEARCH claims USING INDEX claims_by_person (person_key=?)"},
      {store_sql::kFirstSubjectIn,
       "SEARCH claims USING COVERING INDEX claims_by_subject (subject>? AND subject<?)"},
      {store_sql::kNextSubjectIn,
       "SEARCH claims USING COVERING INDEX claims_by_subject (subject>? AND subject<?)"},
      {store_sql::kFirstCountryOf, "SEARCH claims USING COVERING INDEX claims_by_incident (subject=?)"},
      {store_sql::kNextCountryOf,
       "SEARCH claims USING COVERING INDEX claims_by_incident (subject=? AND incident_country>?)"},
      // The days' range by index; only the claims in it are sorted by date.
      {store_sql::kClaimsByIncident,
       "SEARCH claims USING INDEX claims_by_incident (subject=? AND incident_country=? AND incident_last>?) | "
       "USE TEMP B-TREE FOR ORDER BY"},
      {store_sql::kDocumentInfo, "SEARCH documents USING PRIMARY KEY (id=?)"},
      {store_sql::kDocumentHash, "SEARCH documents USING PRIMARY KEY (id=?)"},
      {store_sql::kDeleteDocument, "SEARCH documents USING PRIMARY KEY (id=?)"},
      {store_sql::kDeleteClaims, "SEARCH claims USING INDEX sqlite_autoindex_claims_1 (doc_id=?)"},
      // Stats() reads indexes, not the claims' JSON.
      {store_sql::kCountSubjects, "SCAN claims USING COVERING INDEX claims_by_subject"},
      {store_sql::kClaimsByKind, "SCAN claims USING COVERING INDEX claims_by_kind"},
  };
  for (const Case& c : cases) {
    const std::string sql = c.sql;
    CAPTURE(sql);
    // EXPLAIN QUERY PLAN rows: id, parent, notused, detail.  One row for the
    // keyed lookups: the index also gives the order (no temp b-tree).
    auto plan = RawQuery(path, std::string("EXPLAIN QUERY PLAN ") + c.sql, 3);
    CHECK(fmt::format("{}", fmt::join(plan, " | ")) == c.plan);
  }
}

TEST_CASE("Arabic text round-trips") {
  TempDir dir;
  const std::string path = dir.File("مخزن الادعاءات.db");
  const std::string doc = "خبر-١";
  Claim q = Quantity(doc, 0, "killed/palestinians/gaza", 40000);
  q.value = "أكثر من 40 ألف";
  q.text = "أكثر من 40 ألف فلسطينيًا";
  q.sentence_text = "قُتل أكثر من 40 ألف فلسطينيًا في غزة منذ السابع من أكتوبر، وفق السلطات الصحية.";
  q.lang = "ar";
  std::get<QuantityFacts>(q.facts).source = "السلطات الصحية الفلسطينية";
  std::get<QuantityFacts>(q.facts).range.high = Interval::kInfinity;
  Claim o = Officeholder(doc, 1, "office/us/secretary-of-state", "blinken");
  std::get<OfficeholderFacts>(o.facts).person = "أنتوني بلينكين";
  o.text = "وزير الخارجية الأمريكي، أنتوني بلينكين";
  o.lang = "ar";
  {
    auto store = OpenOrDie(path);
    DocumentInfo info{doc, "أخبار/خبر ١.txt", "ar", "2024-10-07", false};
    Status s = store->Add(info, ContentHash("نص الخبر"), {q, o}, nullptr);
    REQUIRE_MESSAGE(s.ok(), s.message());
  }
  auto store = OpenOrDie(path);
  std::vector<DocumentInfo> docs;
  std::vector<Claim> claims;
  Status s = store->Related({"killed/palestinians/gaza"}, {"blinken"}, {}, &docs, &claims);
  REQUIRE_MESSAGE(s.ok(), s.message());
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == doc);
  CHECK(docs[0].path == "أخبار/خبر ١.txt");
  CHECK(docs[0].lang == "ar");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].id == doc + "#0");
  CHECK(claims[0].value == q.value);
  CHECK(claims[0].text == q.text);
  CHECK(claims[0].sentence_text == q.sentence_text);
  CHECK(claims[0].get<QuantityFacts>()->source == "السلطات الصحية الفلسطينية");
  CHECK(claims[0].get<QuantityFacts>()->range.high == Interval::kInfinity);
  CHECK(claims[0].span == q.span);
  CHECK(claims[1].get<OfficeholderFacts>()->person == "أنتوني بلينكين");
  CHECK(claims[1].get<OfficeholderFacts>()->person_key == "blinken");
  CHECK(claims[1].text == o.text);
}

TEST_CASE("a file that is not a factlint store gives a clear error") {
  TempDir dir;
  struct Case {
    const char* name;
    std::string file;
    std::vector<std::string> expected;  // parts of the message
  };
  const std::string text = dir.File("claims.db");
  {
    std::ofstream out(text);
    for (int i = 0; i < 200; ++i) out << "This is a plain text file, line " << i << ".\n";
  }
  const std::string other = dir.File("other.sqlite");
  RawExec(other, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)");
  const std::string folder = dir.File("folder.db");
  fs::create_directory(folder);
  const std::string nowhere = dir.File("missing/folder/claims.db");

  const Case cases[] = {
      {"text file", text,
       {text + ": not a factlint store (file is not a database); pass a new path or remove it"}},
      {"another program's database", other,
       {other + ": not a factlint store", "1 table(s)", "pass a new path"}},
      {"a folder", folder, {folder + ": is a folder", "pass the path of a store file"}},
      {"a missing folder", nowhere,
       {nowhere + ": ", "cannot open the store", "check that its folder exists"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    auto store = ClaimStore::Open(c.file);
    REQUIRE_FALSE(store.ok());
    for (const std::string& part : c.expected) {
      CAPTURE(store.status().message());
      CHECK(store.status().message().find(part) != std::string::npos);
    }
  }
  // The text file is left as it was.
  CHECK(fs::file_size(text) > 0);
  std::ifstream in(text);
  std::string first;
  std::getline(in, first);
  CHECK(first == "This is a plain text file, line 0.");
  CHECK_FALSE(fs::exists(text + "-wal"));
}

TEST_CASE("an unknown schema version gives a clear error") {
  TempDir dir;
  const std::string path = dir.File("claims.db");
  OpenOrDie(path);  // creates it
  CHECK(RawQuery(path, "PRAGMA user_version") ==
        std::vector<std::string>{std::to_string(store_sql::kSchemaVersion)});
  struct Case {
    int version;
    const char* expected;
  };
  const Case cases[] = {
      {99, "unknown store schema version 99 (this factlint reads version 3, the store was "
           "written by a newer factlint); open it with the factlint that wrote it, or pass a new "
           "path"},
      {-3, "unknown store schema version -3 (this factlint reads version 3)"},
      {store_sql::kSchemaVersion, nullptr},  // back to a known version: opens again
  };
  for (const Case& c : cases) {
    CAPTURE(c.version);
    RawExec(path, fmt::format("PRAGMA user_version = {}", c.version));
    auto store = ClaimStore::Open(path);
    if (c.expected == nullptr) {
      CHECK_MESSAGE(store.ok(), store.status().message());
    } else {
      REQUIRE_FALSE(store.ok());
      CHECK(store.status().message().find(path + ": " + c.expected) == 0);
    }
  }
}

TEST_CASE("a damaged claim row gives a clear error, not a crash") {
  TempDir dir;
  const std::string path = dir.File("claims.db");
  struct Case {
    const char* name;
    const char* json;
    const char* expected;
  };
  const Case cases[] = {
      {"not JSON", "{not json", "(invalid JSON)"},
      {"not an object", "[1, 2]", "a claim must be a JSON object"},
      {"wrong types", R"({"kind": "quantity", "span": 5})", "type_error"},
      {"unknown kind", R"({"kind": "rumour"})", "unknown claim kind"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    {
      auto store = OpenOrDie(path);
      std::vector<StoredDocument> batch;
      for (int i = 0; i < 3000; ++i) {  // enough rows to decode on several threads
        std::string id = fmt::format("d{:04}", i);
        batch.push_back({Info(id), ContentHash(id), {Quantity(id, 0, "killed/palestinians", i)}});
      }
      REQUIRE(store->AddBatch(batch, nullptr).ok());
    }
    RawExec(path, fmt::format("UPDATE claims SET json = '{}' WHERE claim_id = 'd2999#0'", c.json));
    auto store = OpenOrDie(path);
    std::vector<DocumentInfo> docs;
    std::vector<Claim> claims;
    Status s = store->Related({"killed/palestinians"}, {}, {}, &docs, &claims);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find(path + ": claim number 0 of document d2999 cannot be read") == 0);
    CHECK(s.message().find(c.expected) != std::string::npos);
    CHECK(s.message().find("remove the document and add it again") != std::string::npos);
    CHECK(claims.empty());
    CHECK(docs.empty());
    // Excluding the damaged document, the rest is readable.
    s = store->Related({"killed/palestinians"}, {}, {"d2999"}, &docs, &claims);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(claims.size() == 2999);
    REQUIRE(store->Remove("d2999", nullptr).ok());
  }
}

TEST_CASE("bad input is refused before anything is written") {
  TempDir dir;
  auto store = OpenOrDie(dir.File("claims.db"));
  struct Case {
    const char* name;
    DocumentInfo info;
    std::string hash;
    std::vector<Claim> claims;
    const char* expected;
  };
  const Case cases[] = {
      {"no id", Info(""), "h", {}, "cannot add a document without an id"},
      {"no hash", Info("a"), "", {}, "document a has no content hash"},
      {"claim of another document", Info("a"), "h", {Quantity("b", 0, "killed/x", 1)},
       "claim b#0 belongs to document b, not to a"},
      {"invalid UTF-8", Info("a"), "h", {[] {
         Claim c = Quantity("a", 0, "killed/x", 1);
         c.text = "\xd9";  // half of an Arabic letter
         return c;
       }()},
       "claim a#0 of document a cannot be stored"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Status s = store->Add(c.info, c.hash, c.claims, nullptr);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == Status::Code::kInvalidInput);
    CHECK(s.message().find(c.expected) != std::string::npos);
    CHECK(s.message().find(store->path() + ": ") == 0);
  }
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 0);
}

TEST_CASE("two connections share one store") {
  TempDir dir;
  const std::string path = dir.File("claims.db");
  auto writer = OpenOrDie(path);
  auto reader = OpenOrDie(path);
  CHECK(RawQuery(path, "PRAGMA journal_mode") == std::vector<std::string>{"wal"});
  AddOrDie(*writer, "a", {Quantity("a", 0, "killed/palestinians", 1)});
  std::vector<DocumentInfo> docs;
  std::vector<Claim> claims;
  REQUIRE(reader->Related({"killed/palestinians"}, {}, {}, &docs, &claims).ok());
  CHECK(Ids(claims) == std::vector<std::string>{"a#0"});
}

TEST_CASE("processes creating one new store at once all succeed") {
  TempDir dir;
  const std::string path = dir.File("new.db");
  constexpr int kWriters = 6;
  std::vector<pid_t> pids;
  for (int i = 0; i < kWriters; ++i) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      auto store = ClaimStore::Open(path);
      if (!store.ok()) {
        fmt::print(stderr, "writer {}: {}\n", i, store.status().message());
        _exit(2);
      }
      const std::string id = fmt::format("w{}", i);
      bool changed = false;
      Status s = store.value()->Add(Info(id), ContentHash(id),
                                    {Quantity(id, 0, "killed/palestinians", i)}, &changed);
      _exit(s.ok() && changed ? 0 : 3);
    }
    pids.push_back(pid);
  }
  for (pid_t pid : pids) {
    int wstatus = 0;
    REQUIRE(waitpid(pid, &wstatus, 0) == pid);
    CHECK(WIFEXITED(wstatus));
    CHECK(WEXITSTATUS(wstatus) == 0);
  }
  auto store = OpenOrDie(path);
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == kWriters);
  CHECK(stats->claims == kWriters);
}

// What the crash test's writer stores for document `id` at `version`: a
// number of claims that depends on both, each saying its version.
std::vector<Claim> CrashClaims(const std::string& id, int version) {
  std::vector<Claim> claims;
  int n = 1 + (std::hash<std::string>()(id) + version) % 12;
  for (int i = 0; i < n; ++i) {
    Claim c = i % 3 == 2 ? Person(id, i, "p-" + id) : Quantity(id, i, "crash/" + id, version);
    c.subject = "crash/" + id;
    c.value = fmt::format("v{}", version);
    c.sentence_text = std::string(600, 'x');  // several pages per document
    claims.push_back(c);
  }
  return claims;
}

// The child: adds documents, each in its own transaction, until killed.
// Tells the parent through `ready` once the first one is committed.
[[noreturn]] void CrashWriter(const std::string& path, int round, int ready) {
  auto store = ClaimStore::Open(path);
  if (!store.ok()) _exit(2);
  for (int i = 0;; ++i) {
    std::string id = fmt::format("doc{}", i % 40);  // documents are replaced over and over
    int version = round * 1000000 + i;
    DocumentInfo info{id, fmt::format("{}/{}.txt", version, id), "en", "", false};
    bool changed = false;
    if (!store.value()->Add(info, ContentHash(info.path), CrashClaims(id, version), &changed).ok()) {
      _exit(3);
    }
    if (i == 0) {
      char byte = 1;
      if (write(ready, &byte, 1) != 1) _exit(4);
    }
  }
}

TEST_CASE("a writer killed mid-transaction never leaves a half-written document") {
  TempDir dir;
  const std::string path = dir.File("crash.db");
  const unsigned seed = std::random_device()();
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> delay_ms(1, 80);
  for (int round = 0; round < 6; ++round) {
    CAPTURE(round);
    int pipe_fds[2];
    REQUIRE(pipe(pipe_fds) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      close(pipe_fds[0]);
      CrashWriter(path, round, pipe_fds[1]);
    }
    close(pipe_fds[1]);
    char byte = 0;
    ssize_t got = read(pipe_fds[0], &byte, 1);  // the first document is committed
    close(pipe_fds[0]);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    kill(pid, SIGKILL);
    int wstatus = 0;
    REQUIRE(waitpid(pid, &wstatus, 0) == pid);
    REQUIRE_MESSAGE(got == 1, "the writer failed before its first commit, exit status "
                                  << (WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1));
    REQUIRE_MESSAGE((WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGKILL),
                    "the writer stopped on its own, exit status "
                        << (WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1));

    auto store = OpenOrDie(path);  // recovers from the WAL
    CHECK(RawQuery(path, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
    CHECK(RawQuery(path, "PRAGMA foreign_key_check").empty());
    auto list = store->List();
    REQUIRE(list.ok());
    REQUIRE_FALSE(list->empty());
    size_t total_claims = 0;
    int adds = 0;  // by the child, up to the kill
    for (const DocumentInfo& d : list.value()) {
      CAPTURE(d.id);
      const int version = std::stoi(d.path.substr(0, d.path.find('/')));
      if (version >= round * 1000000) adds = std::max(adds, version - round * 1000000 + 1);
      const std::vector<Claim> expected = CrashClaims(d.id, version);
      std::vector<DocumentInfo> docs;
      std::vector<Claim> claims;
      Status s = store->Related({"crash/" + d.id}, {}, {}, &docs, &claims);
      REQUIRE_MESSAGE(s.ok(), s.message());
      REQUIRE(claims.size() == expected.size());
      for (size_t i = 0; i < claims.size(); ++i) {
        CHECK(claims[i].id == expected[i].id);
        CHECK(claims[i].value == expected[i].value);
      }
      total_claims += claims.size();
    }
    auto stats = store->Stats();
    REQUIRE(stats.ok());
    CHECK(stats->claims == total_claims);  // no claim without its document
    MESSAGE("round " << round << ": killed after " << adds << " adds; " << list->size()
                     << " documents, " << total_claims << " claims, all whole");
  }
}

}  // namespace
}  // namespace factlint

namespace factlint {
namespace {

// A quantity is filed under its incident's type: an article about one
// earthquake reads the archive of earthquakes, never that of wars.  A store
// written before (schema 1, subject keys only) is upgraded when opened for
// writing.
TEST_CASE("quantities are found by incident type; a version 1 store is upgraded") {
  TempDir dir;
  const std::string path = dir.File("claims.db");
  auto quake = [](const std::string& doc, int n, double value) {
    Claim c = Quantity(doc, n, "killed/any", value);
    c.incident.type = "earthquake";
    c.incident.country = "jp";
    return c;
  };
  Claim war = Quantity("w", 0, "killed/any", 40000);
  war.incident.type = "war";
  {
    auto store = OpenOrDie(path);
    AddOrDie(*store, "q", {quake("q", 0, 126)});
    AddOrDie(*store, "w", {war});
  }
  CHECK(RawQuery(path, "SELECT subject FROM claims ORDER BY subject") ==
        std::vector<std::string>{"incident/earthquake/killed/any", "incident/war/killed/any"});
  auto related = [&](const std::set<std::string>& keys) {
    auto store = ClaimStore::Open(path, StoreMode::kReadOnly);
    REQUIRE_MESSAGE(store.ok(), store.status().message());
    std::vector<DocumentInfo> docs;
    std::vector<Claim> claims;
    REQUIRE(store.value()->Related(keys, {}, {}, &docs, &claims).ok());
    return Ids(claims);
  };
  CHECK(CompareKey(quake("new", 0, 98)) == "incident/earthquake/killed/any");
  CHECK(related({CompareKey(quake("new", 0, 98))}) == std::vector<std::string>{"q#0"});
  CHECK(related({"killed/any"}).empty());

  // Back to schema 1: subject keys without the incident.
  DowngradeTo2(path);
  RawExec(path, "UPDATE claims SET subject = substr(subject, instr(substr(subject, 10), '/') + 10); "
                "PRAGMA user_version = 1");
  CHECK(RawQuery(path, "SELECT subject FROM claims ORDER BY subject") ==
        std::vector<std::string>{"killed/any", "killed/any"});
  auto read_only = ClaimStore::Open(path, StoreMode::kReadOnly);
  REQUIRE_FALSE(read_only.ok());
  CHECK(read_only.status().message().find("schema version 1") != std::string::npos);
  CHECK(ClaimStore::Open(path, StoreMode::kReadWrite).ok());  // upgrades it
  CHECK(RawQuery(path, "PRAGMA user_version") == std::vector<std::string>{"3"});  // 1 -> 2 -> 3
  CHECK(related({"incident/war/killed/any"}) == std::vector<std::string>{"w#0"});
  CHECK(RawQuery(path, "SELECT incident_country FROM claims WHERE claim_id = 'q#0'") ==
        std::vector<std::string>{"jp"});
}

// Schema 3 files each claim's incident (country, region, stated days) in
// columns; a version 2 store gets them, filled from the claims' JSON, the
// next time it is opened for writing, and then answers as a new one does.
TEST_CASE("a version 2 store is upgraded to 3 and answers the same queries") {
  TempDir dir;
  const std::string path = dir.File("claims.db");
  auto quake = [](const std::string& doc, const std::string& country, const std::string& day) {
    Claim c = Quantity(doc, 0, "killed/any", 10);
    c.incident = IncidentFacts{"earthquake", country, country.empty() ? "" : country + "-region", day, "main", false};
    return c;
  };
  const int64_t jan1 = DaysFromCivil(2024, 1, 1);
  RelatedQuery by_incident;
  by_incident.incidents["incident/earthquake/killed"] = {IncidentWindow{"jp", jan1 - 2, jan1 + 2}};
  RelatedQuery by_subject_and_person;
  by_subject_and_person.subjects = {"office/us/secretary-of-state", "killed/palestinians"};
  by_subject_and_person.person_keys = {"blinken"};
  auto answers = [&](StoreMode mode) {
    auto store = ClaimStore::Open(path, mode);
    REQUIRE_MESSAGE(store.ok(), store.status().message());
    std::vector<std::vector<std::string>> out;
    for (const RelatedQuery* q : {&by_incident, &by_subject_and_person}) {
      std::vector<DocumentInfo> docs;
      std::vector<Claim> claims;
      Status s = store.value()->Related(*q, &docs, &claims);
      REQUIRE_MESSAGE(s.ok(), s.message());
      out.push_back(Ids(claims));
    }
    return out;
  };
  const char* kColumns =
      "SELECT claim_id || ' ' || incident_country || ' ' || incident_region || ' ' || incident_first || ' ' || "
      "incident_last FROM claims ORDER BY claim_id";
  {
    auto store = OpenOrDie(path);
    AddOrDie(*store, "jan1", {quake("jan1", "jp", "2024-01-01")});
    AddOrDie(*store, "jan8", {quake("jan8", "jp", "2024-01-08")});
    AddOrDie(*store, "january", {quake("january", "jp", "2024-01")});
    AddOrDie(*store, "undated", {quake("undated", "", "")});
    AddOrDie(*store, "turkey", {quake("turkey", "tr,sy", "2024-01-01")});
    AddOrDie(*store, "state", {Officeholder("state", 0, "office/us/secretary-of-state", "blinken"),
                               Quantity("state", 1, "killed/palestinians", 40000)});
  }
  const auto before = answers(StoreMode::kReadOnly);
  CHECK(before[0] == std::vector<std::string>{"jan1#0", "january#0", "undated#0"});
  CHECK(before[1] == std::vector<std::string>{"state#0", "state#1"});
  const auto columns = RawQuery(path, kColumns);
  CHECK(columns[0] == fmt::format("jan1#0 jp jp-region {} {}", jan1, jan1));
  CHECK(columns[1] == fmt::format("jan8#0 jp jp-region {} {}", jan1 + 7, jan1 + 7));
  CHECK(columns[2] == fmt::format("january#0 jp jp-region {} {}", jan1, jan1 + 30));

  DowngradeTo2(path);
  CHECK(RawQuery(path, "SELECT count(*) FROM pragma_table_info('claims') WHERE name LIKE 'incident%'") ==
        std::vector<std::string>{"0"});
  auto read_only = ClaimStore::Open(path, StoreMode::kReadOnly);
  REQUIRE_FALSE(read_only.ok());
  CHECK(read_only.status().message().find("schema version 2") != std::string::npos);
  CHECK(read_only.status().message().find("factlint store add") != std::string::npos);

  CHECK(answers(StoreMode::kReadWrite) == before);  // upgrades it
  CHECK(RawQuery(path, "PRAGMA user_version") == std::vector<std::string>{"3"});
  CHECK(RawQuery(path, kColumns) == columns);  // every claim, with the columns an add gives it
  CHECK(answers(StoreMode::kReadOnly) == before);
  CHECK(RawQuery(path, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
}

}  // namespace
}  // namespace factlint
