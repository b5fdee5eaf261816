// The knowledge, baseline and --meta loaders on an arbitrary file, chosen by
// the first byte.  Property: a Status, never a crash or throw.
#include "factlint/baseline.h"
#include "factlint/document.h"
#include "factlint/knowledge.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace factlint;
  if (size == 0) return 0;
  static fuzz::ScratchFile file(".input");
  const std::string& path = file.Write(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  switch (data[0] % 3) {
    case 0: {
      // Reading, checking (kb check's rules) and building the base: a
      // Status or a list of problems, never a crash.
      auto file = ReadKnowledgeFile(path);
      if (file.ok()) {
        OfficeCatalog catalog;
        catalog.exclusive["president"] = true;
        (void)CheckKnowledge({file.value()}, catalog);
        const KnowledgeBase kb = KnowledgeBase::FromFiles({file.value()});
        for (const char* office : {"us/president", "a", "x"}) (void)kb.Terms(office);
      }
      break;
    }
    case 1: {
      auto baseline = LoadBaseline(path);
      if (baseline.ok()) fuzz::Require(fuzz::IsUtf8(BaselineJson({}, baseline.value())), "baseline JSON is UTF-8");
      break;
    }
    default: {
      auto meta = LoadMetaTable(path);
      (void)meta;
      break;
    }
  }
  return 0;
}
