// Document loading: .txt/.md (front matter), .json and .jsonl, chosen by the
// first byte.  Properties: a document's body and line index stay inside its
// bytes; ids are unique and valid UTF-8; every rejected input says why.
#include <set>

#include "factlint/document.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace factlint;
  if (size == 0) return 0;
  static const char* kNames[] = {"a.txt", "a.md", "a.json", "a.jsonl"};
  const std::string name = kNames[data[0] % 4];
  LoadResult result = ParseDocuments(name, std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  std::set<std::string> ids;
  for (const Document& doc : result.documents) {
    fuzz::Require(ids.insert(doc.id).second, "document ids are unique");
    fuzz::Require(fuzz::IsUtf8(doc.id), "ids are UTF-8");
    fuzz::Require(doc.body.start <= doc.body.end && doc.body.end <= doc.bytes.size(), "body inside the bytes");
    fuzz::Require(fuzz::IsUtf8(doc.bytes), "document text is UTF-8");
    for (uint32_t offset : {0u, doc.body.start, doc.body.end / 2, doc.body.end}) {
      const auto pos = doc.PositionOf(offset);
      fuzz::Require(pos.line >= 1 && pos.column >= 1 && pos.column <= doc.bytes.size() + 1, "positions in range");
    }
  }
  for (const Status& s : result.errors) fuzz::Require(!s.ok() && !s.message().empty(), "errors say why");
  return 0;
}
