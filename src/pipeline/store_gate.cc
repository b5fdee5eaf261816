// The claim store's side of the pipeline: which stored claims a check reads
// (by subject, person and incident window), and what `store add` records.
#include <unordered_map>
#include <unordered_set>

#include "factlint/pipeline.h"
#include "graph/incident_links.h"

namespace factlint {
namespace {

bool FiledUnderIncident(const std::string& key) { return key.rfind("incident/", 0) == 0; }

// The keys of stored claims that `windows` does not hold yet.
std::map<std::string, std::set<IncidentWindow>> Unasked(const std::map<std::string, std::set<IncidentWindow>>& windows,
                                                       const std::map<std::string, std::set<IncidentWindow>>& asked) {
  std::map<std::string, std::set<IncidentWindow>> out;
  for (const auto& [key, set] : windows) {
    auto it = asked.find(key);
    for (const IncidentWindow& w : set) {
      if (it == asked.end() || !it->second.count(w)) out[key].insert(w);
    }
  }
  return out;
}

}  // namespace

std::map<std::string, std::set<IncidentWindow>> StoredIncidentWindows(const Engine& engine,
                                                                     const std::vector<DocumentInfo>& docs,
                                                                     const std::vector<Claim>& claims) {
  std::unordered_map<std::string, std::string> doc_date;
  for (const DocumentInfo& d : docs) doc_date[d.id] = d.date;
  std::map<std::string, std::set<IncidentWindow>> windows;
  for (const Claim& c : claims) {
    const std::string key = CompareKey(c);
    if (!FiledUnderIncident(key)) continue;
    auto date = doc_date.find(c.doc);
    const LocalIncident incident{c.incident, c.doc, date != doc_date.end() ? date->second : c.doc_date};
    const IncidentTime days = LinkableDays(incident, engine.rules());
    windows[key].insert(IncidentWindow{c.incident.country, days.first, days.last});
  }
  return windows;
}

Status MergeStoredClaims(const Engine& engine, ClaimStore& store, size_t max_per_key, CheckResult* result) {
  RelatedQuery query;
  for (const DocumentInfo& d : result->documents) query.exclude_docs.insert(d.id);
  for (const Claim& c : result->claims) {
    const std::string key = CompareKey(c);
    if (!FiledUnderIncident(key)) query.subjects.insert(key);
    if (const auto* o = c.get<OfficeholderFacts>()) query.person_keys.insert(o->person_key);
  }
  query.incidents = StoredIncidentWindows(engine, result->documents, result->claims);
  // The newest stored claims of each key are what a new article is checked
  // against; the cap bounds the time whatever the store's size.
  RelatedOptions options;
  options.max_per_key = max_per_key;
  std::vector<DocumentInfo> docs;
  std::vector<Claim> claims;
  if (Status s = store.Related(query, &docs, &claims, options); !s.ok()) return s;
  // The graph joins incidents transitively: a stored incident that meets one
  // read above may meet one more.  Widen the windows with those read until
  // none is new, then read once more with all of them (one snapshot, one
  // order, the cap applied once).
  auto more = Unasked(StoredIncidentWindows(engine, docs, claims), query.incidents);
  if (!more.empty()) {
    while (!more.empty()) {
      for (auto& [key, set] : more) query.incidents[key].insert(set.begin(), set.end());
      RelatedQuery widening;
      widening.incidents = std::move(more);
      widening.exclude_docs = query.exclude_docs;
      std::vector<DocumentInfo> wider_docs;
      std::vector<Claim> wider_claims;
      if (Status s = store.Related(widening, &wider_docs, &wider_claims, options); !s.ok()) return s;
      more = Unasked(StoredIncidentWindows(engine, wider_docs, wider_claims), query.incidents);
    }
    if (Status s = store.Related(query, &docs, &claims, options); !s.ok()) return s;
  }
  result->documents.insert(result->documents.end(), docs.begin(), docs.end());
  result->claims.insert(result->claims.end(), claims.begin(), claims.end());
  return Status::OK();
}

Status AddToStore(const Engine& engine, const std::vector<Document>& docs, ClaimStore& store, size_t* changed,
                  const DocumentDone& done) {
  std::vector<std::vector<Claim>> claims = engine.ExtractAll(docs, done);
  std::vector<StoredDocument> batch;
  batch.reserve(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    batch.push_back({InfoOf(docs[i]), ContentHash(docs[i].bytes), std::move(claims[i])});
  }
  return store.AddBatch(batch, changed);
}

}  // namespace factlint
