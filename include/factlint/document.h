// Document: one article as the user gave it, with its original bytes kept.
//
// Loading accepts .txt and .md (optional YAML front matter), .json (one
// document object) and .jsonl (one object per line), files or directories
// (recursed, sorted) and "-" for standard input.  Bad input never stops the
// run: each rejected input yields one Status naming the file and the line or
// byte at fault, and the other documents are still returned.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "factlint/span.h"
#include "factlint/status.h"

namespace factlint {

// Optional facts about a document, from front matter, JSON fields or --meta.
struct DocumentMeta {
  std::string date;    // ISO "YYYY-MM-DD" (or "YYYY-MM", "YYYY"); empty if unknown
  std::string lang;    // e.g. "ar", "en", "ar+en"; empty if unknown
  std::string title;
  std::string source;
};

// Maps byte offsets of a text to 1-based line and column (columns count code
// points, as editors do).  At() is O(log n + kBlock) whatever the line length:
// the code points before each block of bytes are counted once, up front.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);
  struct Position {
    uint32_t line = 1;
    uint32_t column = 1;
  };
  Position At(std::string_view text, uint32_t offset) const;

 private:
  static constexpr uint32_t kBlock = 256;
  std::vector<uint32_t> line_starts_;
  std::vector<uint32_t> code_points_before_block_;  // in the whole text, before byte i * kBlock
};

struct Document {
  // Unique within a run: the path relative to the common root of the inputs
  // ("a.txt", "ar/a.txt"; "x.jsonl:3" for a JSONL line), or the "id" field
  // of a JSON document.
  std::string id;
  std::string path;   // where it came from ("-" for stdin; "file.jsonl:3" for JSONL)
  // The text every Span indexes.  For .txt/.md this is the whole file,
  // byte for byte (BOM and front matter included); for JSON documents it is
  // the decoded "text" field.
  std::string bytes;
  Span body;          // the part of `bytes` that is article text
  DocumentMeta meta;
  LineIndex lines;

  std::string_view Text(Span span) const {
    return std::string_view(bytes).substr(span.start, span.end - span.start);
  }
  LineIndex::Position PositionOf(uint32_t offset) const { return lines.At(bytes, offset); }
};

// The outcome of loading: documents that could be read, and one Status per
// input that could not (in input order).
struct LoadResult {
  std::vector<Document> documents;
  std::vector<Status> errors;
};

// Metadata for documents by file name, as in shared/corpus/seeds/meta.yaml.
using MetaTable = std::map<std::string, DocumentMeta>;

// Reads a YAML map from file name to {date, lang, title, source}.  Unknown
// keys and invalid dates are errors naming the line.
StatusOr<MetaTable> LoadMetaTable(const std::string& path);

// The default per-document size limit (--max-bytes).
constexpr uint64_t kDefaultMaxBytes = 64ull << 20;

struct LoadOptions {
  // A larger input is rejected as bad input (so that /dev/zero or a runaway
  // log cannot stall a run).
  uint64_t max_bytes = kDefaultMaxBytes;
};

// Loads every document under `paths` (files, directories, or "-").
// Metadata from `meta` (by document id, else by file name) fills fields the
// document leaves empty.  A document whose id repeats an earlier one is
// rejected.
LoadResult LoadDocuments(const std::vector<std::string>& paths, const MetaTable& meta = {},
                         const LoadOptions& options = {});

// Parses one in-memory input named `name` (its extension picks the format);
// ids derive from `id` (the file name when empty).  Exposed for tests and
// for stdin.
LoadResult ParseDocuments(const std::string& name, std::string bytes, const std::string& id = "");

}  // namespace factlint
