// Loading documents: formats, metadata, provenance and every kind of bad input.
#include <doctest/doctest.h>

#include "factlint/document.h"
#include "test_support.h"

using factlint::Document;
using factlint::LoadDocuments;
using factlint::LoadResult;
using factlint::ParseDocuments;
using factlint::testing::TempDir;

TEST_CASE("documents: text keeps the original bytes and skips BOM and front matter") {
  const std::string text = "\xEF\xBB\xBF---\ndate: 2025-10-07\nlang: ar\ntitle: t\nsource: s\n---\r\nقتل 5 أشخاص.\r\n";
  LoadResult r = ParseDocuments("a.md", text);
  REQUIRE(r.errors.empty());
  REQUIRE(r.documents.size() == 1);
  const Document& d = r.documents[0];
  CHECK(d.id == "a.md");
  CHECK(d.bytes == text);
  CHECK(d.meta.date == "2025-10-07");
  CHECK(d.meta.lang == "ar");
  CHECK(d.meta.title == "t");
  CHECK(d.meta.source == "s");
  CHECK(d.Text(d.body).rfind("قتل 5", 0) == 0);
}

TEST_CASE("documents: line and column count code points") {
  Document d = factlint::testing::MakeDocument("سطر أول\nab قتل 5");
  const uint32_t offset = static_cast<uint32_t>(d.bytes.find("قتل"));
  const auto pos = d.PositionOf(offset);
  CHECK(pos.line == 2);
  CHECK(pos.column == 4);
}

TEST_CASE("documents: JSON and JSON Lines") {
  LoadResult one = ParseDocuments("x.json", R"({"id": "n1", "text": "Hello 5 killed", "date": "2024-01-02", "lang": "en"})");
  REQUIRE(one.documents.size() == 1);
  CHECK(one.documents[0].id == "n1");
  CHECK(one.documents[0].meta.date == "2024-01-02");
  LoadResult many = ParseDocuments("x.jsonl", "{\"id\": \"a\", \"text\": \"one\"}\n\n{\"text\": \"two\"}\r\n");
  REQUIRE(many.documents.size() == 2);
  CHECK(many.documents[1].id == "x.jsonl:3");
}

struct BadInput {
  const char* name;
  std::string bytes;
  const char* message;  // a part of the one error expected
};

TEST_CASE("documents: bad input is named, one error each") {
  const BadInput cases[] = {
      {"bad.txt", std::string("abc\n\xC3\x28 def"), "bad.txt: byte 4 (line 2): invalid UTF-8"},
      {"nul.txt", std::string("abc\0def", 7), "nul.txt: byte 3 (line 1): NUL byte"},
      {"empty.txt", "  \n\r\n", "empty.txt: empty document"},
      {"fm.md", "---\ndate: [unclosed\n---\nbody", "fm.md: line"},
      {"fmtype.md", "---\ndate: [1, 2]\n---\nbody text", "\"date\" must be a single value"},
      {"bad.json", "{\n \"text\": \"a\",\n oops\n}", "bad.json: line 3: malformed JSON"},
      {"notext.json", "{\"id\": \"x\"}", "missing string field \"text\""},
      {"bad.jsonl", "{\"text\": \"ok\"}\n{broken\n", "bad.jsonl: line 2: malformed JSON"},
      {"emptyjson.jsonl", "{\"text\": \"   \"}\n", "emptyjson.jsonl:1: empty document"},
  };
  for (const BadInput& c : cases) {
    INFO(c.name);
    LoadResult r = ParseDocuments(c.name, c.bytes);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message().find(c.message) != std::string::npos);
  }
}

TEST_CASE("documents: a bad file does not stop the others; directories are recursed and sorted") {
  TempDir dir;
  dir.Write("b.txt", "second doc 5 killed");
  dir.Write("a/inner.md", "first doc");
  dir.Write("c.txt", std::string("\xFF\xFE", 2));
  dir.Write("notes.yaml", "ignored: true");
  LoadResult r = LoadDocuments({dir.path().string(), (dir.path() / "missing.txt").string()});
  REQUIRE(r.documents.size() == 2);
  CHECK(r.documents[0].id == "a/inner.md");  // relative to the common root: unique
  CHECK(r.documents[1].id == "b.txt");
  REQUIRE(r.errors.size() == 2);
  const std::string all = r.errors[0].message() + "\n" + r.errors[1].message();
  CHECK(all.find("c.txt: byte 0") != std::string::npos);
  CHECK(all.find("missing.txt: no such file or directory") != std::string::npos);
}

TEST_CASE("documents: --meta fills what a document leaves empty") {
  TempDir dir;
  const auto meta = dir.Write("meta.yaml", "a.txt: {date: 2025-10-23, lang: ar+en}\n");
  const auto doc = dir.Write("a.txt", "نص");
  auto table = factlint::LoadMetaTable(meta.string());
  REQUIRE(table.ok());
  LoadResult r = LoadDocuments({doc.string()}, table.value());
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].meta.date == "2025-10-23");
  CHECK(r.documents[0].meta.lang == "ar+en");
  CHECK_FALSE(factlint::LoadMetaTable((dir.path() / "none.yaml").string()).ok());
  const auto bad = dir.Write("bad.yaml", "a: [1,\n");
  auto broken = factlint::LoadMetaTable(bad.string());
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().message().find("line") != std::string::npos);
}

TEST_CASE("documents: the seeds' meta.yaml loads") {
  const auto seeds = factlint::testing::SeedsDir();
  if (seeds.empty()) return;
  auto table = factlint::LoadMetaTable((seeds / "meta.yaml").string());
  REQUIRE(table.ok());
  CHECK(table.value().at("001_cee4d09742974433.txt").date == "2024-08-19");
}

TEST_CASE("documents: LineIndex columns count code points, across its blocks, on long lines") {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += i % 7 == 0 ? "قتل " : (i % 500 == 0 ? "x\n" : "ab ");
  const factlint::LineIndex index(text);
  uint32_t line = 1, column = 1;
  for (uint32_t offset = 0; offset <= text.size(); ++offset) {
    if (offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80) {
      const auto pos = index.At(text, offset);
      REQUIRE(pos.line == line);
      REQUIRE(pos.column == column);
    }
    if (offset == text.size()) break;
    if (text[offset] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80) {
      ++column;
    }
  }
}

TEST_CASE("documents: ids are paths relative to the inputs' common root; repeated ids are rejected") {
  TempDir dir;
  dir.Write("a/x.txt", "first 5 killed");
  dir.Write("b/x.txt", "second 6 killed");
  LoadResult r = LoadDocuments({(dir.path() / "a").string(), (dir.path() / "b" / "x.txt").string()});
  REQUIRE(r.documents.size() == 2);
  CHECK(r.documents[0].id == "a/x.txt");
  CHECK(r.documents[1].id == "b/x.txt");
  LoadResult one = LoadDocuments({(dir.path() / "a" / "x.txt").string()});
  REQUIRE(one.documents.size() == 1);
  CHECK(one.documents[0].id == "x.txt");
  LoadResult dup = ParseDocuments("d.jsonl", "{\"id\": \"n\", \"text\": \"one\"}\n{\"id\": \"n\", \"text\": \"two\"}\n");
  REQUIRE(dup.documents.size() == 1);
  REQUIRE(dup.errors.size() == 1);
  CHECK(dup.errors[0].message().find("d.jsonl:2: duplicate document id \"n\"") != std::string::npos);
}
