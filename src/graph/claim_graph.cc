#include "factlint/graph.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <optional>
#include <set>
#include <sstream>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "factlint/civil_date.h"
#include "factlint/fold.h"
#include "factlint/rules.h"
#include "graph/incident_links.h"

namespace factlint {
namespace {

enum class VertexKind { kDocument, kClaim, kSubject, kSpelling, kIncident, kFinding };
enum class EdgeKind { kStates, kAbout, kNames, kSameEntity, kAgrees, kConflicts, kOfIncident, kSameIncident, kSameStory };

const char* Name(VertexKind k) {
  static constexpr const char* kNames[] = {"document", "claim", "subject", "spelling", "incident", "finding"};
  return kNames[static_cast<int>(k)];
}
const char* Name(EdgeKind k) {
  static constexpr const char* kNames[] = {"states",         "about",          "names",       "same entity",
                                           "agrees with",    "conflicts with", "of incident", "same incident",
                                           "same story"};
  return kNames[static_cast<int>(k)];
}

struct VertexData {
  VertexKind kind = VertexKind::kDocument;
  std::string key;    // doc id, claim id, subject key, folded spelling
  std::string label;  // for people: the person key
  size_t claim = 0;   // index into claims for claim vertices
};
struct EdgeData {
  EdgeKind kind = EdgeKind::kStates;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, VertexData, EdgeData>;
using Vertex = Graph::vertex_descriptor;

// The person a claim names and how it spells them; "" for other claims.
std::string PersonKeyOf(const Claim& c, std::string* spelling) {
  if (const auto* o = c.get<OfficeholderFacts>()) {
    *spelling = o->person;
    return o->person_key;
  }
  if (const auto* p = c.get<PersonFacts>()) {
    *spelling = p->person;
    return p->person_key;
  }
  return "";
}

// Filters of one kind of edge and one kind of vertex (Boost wants
// default-constructible predicates).
struct EdgesOf {
  const Graph* g = nullptr;
  EdgeKind kind = EdgeKind::kStates;
  bool operator()(Graph::edge_descriptor e) const { return (*g)[e].kind == kind; }
};
struct VerticesOf {
  const Graph* g = nullptr;
  VertexKind kind = VertexKind::kDocument;
  bool operator()(Vertex v) const { return (*g)[v].kind == kind; }
};

// Connected components of the vertices of one kind over the edges of one
// kind: component[v] for every vertex v of the graph (others: their own).
// Unsigned: Boost counts components up from the largest value and wraps,
// which overflows an int (UBSan, found by fuzz/reports_fuzz.cc).
std::vector<unsigned> ComponentsOver(const Graph& g, EdgeKind edges, VertexKind vertices) {
  boost::filtered_graph<Graph, EdgesOf, VerticesOf> sub(g, EdgesOf{&g, edges}, VerticesOf{&g, vertices});
  std::vector<unsigned> component(boost::num_vertices(g), ~0u);
  boost::connected_components(sub, &component[0]);
  return component;
}

// Two articles about one person, published this many days apart or less,
// tell one story.
constexpr int64_t kStoryDays = 7;

// The frame under which a quantity is compared inside its incident: what is
// counted (state included), of whom, where, over what time, in what unit.
std::string FrameKey(const QuantityFacts& q) {
  std::string scope = ScopeName(q.scope);
  if (q.scope == Scope::kWindow) scope += ":" + q.window;
  return fmt::format("{}|{}|{}|{}|{}", q.Measure(), q.who.empty() ? "any" : q.who, q.place, scope, q.unit);
}

// A date of the incident itself ("the quake struck on 1 January") is
// compared inside the incident; other dates (a person's death) by subject.
bool DatesTheIncident(const Claim& c) {
  const auto* d = c.get<DateFacts>();
  return d && !c.incident.type.empty() && (d->event == c.incident.type || d->event == c.incident.type + "-start");
}

std::string IncidentPrefix(const Claim& claim) {
  const bool of_incident = !claim.incident.type.empty() && (claim.get<QuantityFacts>() || DatesTheIncident(claim));
  return of_incident ? "incident/" + claim.incident.type + "/" : "";
}
}  // namespace

std::string StoreKey(const Claim& claim) { return IncidentPrefix(claim) + claim.subject; }

std::string CompareKey(const Claim& claim) {
  if (claim.get<QuantityFacts>()) {
    const size_t second = claim.subject.find('/', claim.subject.find('/') + 1);
    return IncidentPrefix(claim) + claim.subject.substr(0, second);
  }
  return StoreKey(claim);
}

struct ClaimGraph::Impl {
  Graph g;
  std::unordered_map<std::string, Vertex> by_key;  // "<kind>:<key>"
  std::map<std::string, std::string> entity_of;
  std::unordered_map<std::string, Vertex> claim_vertex;

  Vertex VertexFor(VertexKind kind, const std::string& key, const std::string& label = "") {
    const std::string k = std::string(Name(kind)) + ":" + key;
    auto it = by_key.find(k);
    if (it != by_key.end()) return it->second;
    Vertex v = boost::add_vertex(VertexData{kind, key, label, 0}, g);
    by_key.emplace(k, v);
    return v;
  }
  void Edge(Vertex a, Vertex b, EdgeKind kind) {
    if (!boost::edge(a, b, g).second) boost::add_edge(a, b, EdgeData{kind}, g);
  }

  std::vector<std::string> incident_of;  // claim index -> resolved incident id ("" none)
  std::vector<std::string> subject_of;   // claim index -> subject vertex key ("" abstains)

  // One vertex per document's own incident, "same incident" edges between
  // those LinkIncidents joins, and connected components: each component is
  // one real-world incident, named "<type>/<country>/<first day>".
  void ResolveIncidents(const std::vector<DocumentInfo>& docs, const std::vector<Claim>& claims,
                        const RuleSet& rules) {
    std::unordered_map<std::string, std::string> doc_date;
    for (const DocumentInfo& d : docs) doc_date[d.id] = d.date;
    std::vector<LocalIncident> locals;
    std::vector<Vertex> local_vertex;
    std::vector<long> claim_local(claims.size(), -1);
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i];
      if (c.incident.type.empty()) continue;
      const std::string key = c.doc + "#" + c.incident.local;
      auto [it, fresh] = index.emplace(key, locals.size());
      if (fresh) {
        auto date = doc_date.find(c.doc);
        // A document's main incident, and any other it dates, meet other
        // documents' ("the mosque attack of 19 September"); an undated one
        // ("the previous war") stays inside its document.
        locals.push_back({c.incident, c.doc, date != doc_date.end() ? date->second : c.doc_date,
                          c.incident.local == "main" || !c.incident.day.empty()});
        local_vertex.push_back(VertexFor(VertexKind::kIncident, key, c.incident.type));
      }
      claim_local[i] = static_cast<long>(it->second);
      Edge(claim_vertex[c.id], local_vertex[it->second], EdgeKind::kOfIncident);
    }
    for (const auto& [a, b] : LinkIncidents(locals, rules)) Edge(local_vertex[a], local_vertex[b], EdgeKind::kSameIncident);
    const std::vector<unsigned> component = ComponentsOver(g, EdgeKind::kSameIncident, VertexKind::kIncident);
    // A component is named by its type, the country most of its reports
    // lead with, and its earliest known day: the same for every member.
    std::map<unsigned, std::string> first_day;
    std::map<unsigned, std::map<std::string, int>> countries;
    for (size_t k = 0; k < locals.size(); ++k) {
      const unsigned comp = component[local_vertex[k]];
      const std::string day = !locals[k].facts.day.empty() ? locals[k].facts.day : locals[k].doc_date;
      std::string& best = first_day[comp];
      if (!day.empty() && (best.empty() || day < best)) best = day;
      const std::string& list = locals[k].facts.country;
      ++countries[comp][list.substr(0, list.find(','))];
    }
    std::map<unsigned, std::string> name;
    for (const auto& [comp, counts] : countries) {
      auto most = std::max_element(counts.begin(), counts.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
      name[comp] = most->first.empty() ? "?" : most->first;
    }
    incident_of.assign(claims.size(), "");
    for (size_t i = 0; i < claims.size(); ++i) {
      if (claim_local[i] < 0) continue;
      const LocalIncident& l = locals[claim_local[i]];
      const unsigned comp = component[local_vertex[claim_local[i]]];
      incident_of[i] = fmt::format("{}/{}/{}", l.facts.type, name[comp],
                                   first_day[comp].empty() ? "undated" : first_day[comp]);
      if (!l.shared) incident_of[i] += "/" + l.doc + "#" + l.facts.local;
    }
    subject_of.assign(claims.size(), "");
  }

  // Stories: connected components over documents joined when their main
  // incidents are one incident, or when they name one person (entity) and
  // were published within kStoryDays of each other.  A figure whose article
  // names no incident takes the incident most of its story's articles are
  // about; the comparator trusts such a figure less (see quantity_rule.cc).
  // Joining runs over documents sorted by date within each incident and
  // person: linear in the mentions, never all pairs of documents.
  void ResolveStories(const std::vector<DocumentInfo>& docs, const std::vector<Claim>& claims) {
    std::unordered_map<std::string, int64_t> day_of;
    for (const DocumentInfo& d : docs) {
      if (auto day = ParseIsoDate(d.date)) day_of[d.id] = day->first;
    }
    std::map<std::string, std::set<std::string>> docs_of_incident, docs_of_person;
    std::map<std::string, std::string> main_of;  // doc -> its main incident
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i];
      if (c.incident.local == "main" && !incident_of[i].empty()) {
        docs_of_incident[incident_of[i]].insert(c.doc);
        main_of[c.doc] = incident_of[i];
      }
      std::string spelling;
      if (const std::string key = PersonKeyOf(c, &spelling); !key.empty()) {
        auto it = entity_of.find(key);
        docs_of_person[it == entity_of.end() ? key : it->second].insert(c.doc);
      }
    }
    auto link = [&](const std::string& a, const std::string& b) {
      Edge(VertexFor(VertexKind::kDocument, a), VertexFor(VertexKind::kDocument, b), EdgeKind::kSameStory);
    };
    for (const auto& [incident, ids] : docs_of_incident) {
      for (auto it = std::next(ids.begin()); it != ids.end(); ++it) link(*ids.begin(), *it);
    }
    for (const auto& [person, ids] : docs_of_person) {
      std::vector<std::pair<int64_t, std::string>> dated;
      for (const std::string& id : ids) {
        if (day_of.count(id)) dated.push_back({day_of[id], id});
      }
      std::sort(dated.begin(), dated.end());
      for (size_t k = 1; k < dated.size(); ++k) {
        if (dated[k].first - dated[k - 1].first <= kStoryDays) link(dated[k - 1].second, dated[k].second);
      }
    }
    const std::vector<unsigned> story = ComponentsOver(g, EdgeKind::kSameStory, VertexKind::kDocument);
    // Each story's incident: the one most of its articles are mainly about.
    std::map<unsigned, std::map<std::string, int>> votes;
    for (const auto& [doc, incident] : main_of) ++votes[story[VertexFor(VertexKind::kDocument, doc)]][incident];
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i];
      // Only figures whose article names no incident at all: one the
      // extractor set apart (a longer story) keeps abstaining.
      if (!c.get<QuantityFacts>() || !c.incident.type.empty() || !c.incident.local.empty()) continue;
      auto it = votes.find(story[VertexFor(VertexKind::kDocument, c.doc)]);
      if (it == votes.end()) continue;
      incident_of[i] = std::max_element(it->second.begin(), it->second.end(), [](const auto& a, const auto& b) {
                         return a.second < b.second;
                       })->first;
    }
  }

  std::string SubjectOf(const Claim& c, size_t i) const {
    if (const auto* q = c.get<QuantityFacts>()) return incident_of[i].empty() ? "" : incident_of[i] + "|" + FrameKey(*q);
    if (DatesTheIncident(c)) return incident_of[i] + "|" + c.subject;
    return CompareKey(c);
  }
};

ClaimGraph::ClaimGraph(const std::vector<DocumentInfo>& docs, const std::vector<Claim>& claims, const RuleSet& rules)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  for (const DocumentInfo& d : docs) m.VertexFor(VertexKind::kDocument, d.id);
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    // A new claim vertex: its edges are new too, no need to look for them.
    Vertex v = boost::add_vertex(VertexData{VertexKind::kClaim, c.id, c.kind(), i}, m.g);
    m.claim_vertex[c.id] = v;
    boost::add_edge(m.VertexFor(VertexKind::kDocument, c.doc), v, EdgeData{EdgeKind::kStates}, m.g);
    std::string spelling;
    const std::string key = PersonKeyOf(c, &spelling);
    if (key.empty()) continue;
    // A spelling vertex per folded spelling, and one per person key: the
    // key vertex joins all spellings claims gave it.
    const size_t before = m.by_key.size();
    Vertex s = m.VertexFor(VertexKind::kSpelling, Fold(spelling), key);
    const bool new_spelling = m.by_key.size() > before;
    boost::add_edge(v, s, EdgeData{EdgeKind::kNames}, m.g);
    if (new_spelling || m.g[s].label != key) {
      m.Edge(s, m.VertexFor(VertexKind::kSpelling, "key:" + key, key), EdgeKind::kSameEntity);
    }
  }
  // Alias edges from people.yaml: every listed spelling of a person.
  for (const auto& [alias, key] : rules.aliases()) {
    const std::string k = std::string(Name(VertexKind::kSpelling)) + ":" + alias;
    if (m.by_key.count(k)) m.Edge(m.by_key[k], m.VertexFor(VertexKind::kSpelling, "key:" + key, key), EdgeKind::kSameEntity);
  }
  // Connected components over spelling vertices and same-entity edges only.
  const std::vector<unsigned> component = ComponentsOver(m.g, EdgeKind::kSameEntity, VertexKind::kSpelling);
  std::map<unsigned, std::string> canonical;
  for (Vertex v : boost::make_iterator_range(boost::vertices(m.g))) {
    const VertexData& d = m.g[v];
    if (d.kind != VertexKind::kSpelling || d.key.rfind("key:", 0) != 0) continue;
    std::string& best = canonical[component[v]];
    const bool known = rules.FindPerson(d.label) != nullptr;
    const bool best_known = !best.empty() && rules.FindPerson(best) != nullptr;
    if (best.empty() || (known && !best_known) || (known == best_known && d.label < best)) best = d.label;
  }
  for (Vertex v : boost::make_iterator_range(boost::vertices(m.g))) {
    const VertexData& d = m.g[v];
    if (d.kind == VertexKind::kSpelling && d.key.rfind("key:", 0) == 0) m.entity_of[d.label] = canonical[component[v]];
  }
  m.ResolveIncidents(docs, claims, rules);
  m.ResolveStories(docs, claims);
  for (size_t i = 0; i < claims.size(); ++i) {
    const std::string subject = m.SubjectOf(claims[i], i);
    m.subject_of[i] = subject;
    if (subject.empty()) continue;  // abstains: a figure with no incident
    boost::add_edge(m.claim_vertex[claims[i].id], m.VertexFor(VertexKind::kSubject, subject),
                    EdgeData{EdgeKind::kAbout}, m.g);
  }
}

ClaimGraph::~ClaimGraph() = default;

std::vector<std::vector<size_t>> ClaimGraph::SubjectGroups() const {
  const Graph& g = impl_->g;
  std::vector<std::vector<size_t>> groups;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    if (g[v].kind != VertexKind::kSubject) continue;
    std::vector<size_t> group;
    for (Vertex u : boost::make_iterator_range(boost::adjacent_vertices(v, g))) {
      if (g[u].kind == VertexKind::kClaim) group.push_back(g[u].claim);
    }
    std::sort(group.begin(), group.end());
    if (group.size() > 1) groups.push_back(std::move(group));
  }
  return groups;
}

const std::string& ClaimGraph::IncidentOf(size_t claim) const { return impl_->incident_of[claim]; }
const std::string& ClaimGraph::SubjectOf(size_t claim) const { return impl_->subject_of[claim]; }

std::string ClaimGraph::EntityOf(const std::string& person_key) const {
  auto it = impl_->entity_of.find(person_key);
  return it == impl_->entity_of.end() ? person_key : it->second;
}

// Each side becomes a star of "agrees with" edges around its first claim, and
// the sides' first claims are joined by "conflicts with": linear in the
// claims of the finding, yet every agreement and conflict is a path.
void ClaimGraph::AddFinding(const Finding& f) {
  Impl& m = *impl_;
  std::vector<Vertex> centres;
  for (const Side& side : f.sides) {
    std::optional<Vertex> centre;
    for (const std::string& id : side.claims) {
      auto it = m.claim_vertex.find(id);
      if (it == m.claim_vertex.end()) continue;
      if (!centre) {
        centre = it->second;
      } else {
        boost::add_edge(*centre, it->second, EdgeData{EdgeKind::kAgrees}, m.g);
      }
    }
    if (centre) centres.push_back(*centre);
  }
  // Each side conflicts with the finding, not with every other side: a star
  // stays linear in the sides (hostile input makes thousands of them).
  if (centres.size() < 2) return;
  const Vertex finding = m.VertexFor(VertexKind::kFinding, f.id.empty() ? f.fingerprint : f.id);
  for (Vertex centre : centres) boost::add_edge(finding, centre, EdgeData{EdgeKind::kConflicts}, m.g);
}

// A DOT quoted string.  Boost's escape_dot_string leaves a backslash as is,
// so an id ending in "\\" escaped the closing quote and broke the file.
static std::string DotQuoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string ClaimGraph::ToDot() const {
  const Graph& g = impl_->g;
  std::ostringstream out;
  boost::write_graphviz(
      out, g,
      [&](std::ostream& os, Vertex v) {
        static constexpr const char* kShapes[] = {"folder", "box", "ellipse", "note", "diamond"};
        os << "[label=" << DotQuoted(std::string(Name(g[v].kind)) + ": " + g[v].key)
           << ", shape=" << kShapes[static_cast<int>(g[v].kind)] << "]";
      },
      [&](std::ostream& os, Graph::edge_descriptor e) {
        os << "[label=" << DotQuoted(Name(g[e].kind))
           << (g[e].kind == EdgeKind::kConflicts ? ", color=red" : "") << "]";
      });
  return out.str();
}

nlohmann::json ClaimGraph::ToJson() const {
  const Graph& g = impl_->g;
  nlohmann::json vertices = nlohmann::json::array(), edges = nlohmann::json::array();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    vertices.push_back({{"id", v}, {"kind", Name(g[v].kind)}, {"key", g[v].key}});
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    edges.push_back({{"source", boost::source(e, g)}, {"target", boost::target(e, g)}, {"kind", Name(g[e].kind)}});
  }
  return {{"vertices", vertices}, {"edges", edges}};
}

size_t ClaimGraph::vertex_count() const { return boost::num_vertices(impl_->g); }
size_t ClaimGraph::edge_count() const { return boost::num_edges(impl_->g); }

}  // namespace factlint
