// Loading documents: files, directories and stdin, in .txt/.md/.json/.jsonl.
//
// Every problem with one input becomes one Status naming the file and the
// line or byte at fault; the other inputs are still loaded.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "document/meta.h"
#include "document/utf8_check.h"
#include "factlint/document.h"
#include "factlint/fold.h"

namespace factlint {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr const char* kExtensions[] = {".txt", ".md", ".json", ".jsonl"};

bool HasDocumentExtension(const fs::path& path) {
  const std::string ext = path.extension().string();
  return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                     [&](const char* e) { return ext == e; });
}

std::string BaseName(const std::string& path) {
  return path == "-" ? "stdin" : fs::path(path).filename().string();
}

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
}

// True when `text` (valid UTF-8) holds nothing to read: white space,
// control or format characters and terminal escape sequences only (a file of
// escape sequences is no article).
bool HasNoText(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    if (const size_t escape = EscapeSequenceLength(text, static_cast<size_t>(i))) {
      i += static_cast<int32_t>(escape);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const int8_t type = u_charType(c);
    if (!u_isUWhiteSpace(c) && type != U_CONTROL_CHAR && type != U_FORMAT_CHAR) return false;
  }
  return true;
}

// Finds "---\n...\n---\n" at `start`; returns the offset after it, or `start`.
// `yaml` receives the text between the fences.
size_t FrontMatterEnd(std::string_view bytes, size_t start, std::string_view* yaml) {
  auto is_fence = [&](size_t at) {
    return bytes.compare(at, 3, "---") == 0 &&
           (at + 3 == bytes.size() || bytes[at + 3] == '\n' || bytes[at + 3] == '\r');
  };
  if (!is_fence(start)) return start;
  size_t line = bytes.find('\n', start);
  while (line != std::string_view::npos) {
    const size_t next = line + 1;
    if (next < bytes.size() && is_fence(next)) {
      const size_t body_start = start + bytes.substr(start).find('\n') + 1;
      *yaml = bytes.substr(body_start, next - body_start);
      const size_t after = bytes.find('\n', next);
      return after == std::string_view::npos ? bytes.size() : after + 1;
    }
    line = bytes.find('\n', next);
  }
  return start;  // no closing fence: not front matter
}

// A .txt or .md document: the whole file is kept, the body follows the BOM
// and the front matter.
LoadResult ParseText(const std::string& name, std::string bytes, const std::string& id) {
  LoadResult result;
  if (auto problem = CheckUtf8Text(bytes)) {
    result.errors.push_back(Status::InvalidInput(name + ": " + *problem));
    return result;
  }
  Document doc;
  doc.id = id;
  doc.path = name;
  const size_t start = bytes.compare(0, kBom.size(), kBom) == 0 ? kBom.size() : 0;
  std::string_view yaml;
  const size_t body = FrontMatterEnd(bytes, start, &yaml);
  if (body != start) {
    try {
      Status s = MetaFromYaml(YAML::Load(std::string(yaml)), name + ": front matter", &doc.meta);
      if (!s.ok()) {
        result.errors.push_back(s);
        return result;
      }
    } catch (const YAML::Exception& e) {
      result.errors.push_back(Status::InvalidInput(fmt::format(
          "{}: line {}: malformed front matter: {}; fix the YAML between the --- lines", name,
          e.mark.line + 2, e.msg)));
      return result;
    }
  }
  if (HasNoText(std::string_view(bytes).substr(body))) {
    result.errors.push_back(Status::InvalidInput(name + ": empty document; nothing to check"));
    return result;
  }
  doc.body = Span{static_cast<uint32_t>(body), static_cast<uint32_t>(bytes.size())};
  doc.bytes = std::move(bytes);
  doc.lines = LineIndex(doc.bytes);
  result.documents.push_back(std::move(doc));
  return result;
}

// One JSON document object; `where` names it ("a.jsonl:3").
StatusOr<Document> DocumentFromJson(const json& object, const std::string& where,
                                    const std::string& default_id) {
  if (!object.is_object()) return Status::InvalidInput(where + ": expected a JSON object with \"text\"");
  auto text = object.find("text");
  if (text == object.end() || !text->is_string()) {
    return Status::InvalidInput(where + ": missing string field \"text\"");
  }
  Document doc;
  doc.id = object.contains("id") && object["id"].is_string() ? object["id"].get<std::string>()
                                                              : default_id;
  if (object.contains("id") && !object["id"].is_string()) {
    return Status::InvalidInput(where + ": \"id\" must be a string");
  }
  doc.path = where;
  doc.bytes = text->get<std::string>();
  if (auto problem = CheckUtf8Text(doc.bytes)) return Status::InvalidInput(where + ": text: " + *problem);
  if (HasNoText(doc.bytes)) return Status::InvalidInput(where + ": empty document; nothing to check");
  Status s = MetaFromJson(object, where, &doc.meta);
  if (!s.ok()) return s;
  doc.body = Span{0, static_cast<uint32_t>(doc.bytes.size())};
  doc.lines = LineIndex(doc.bytes);
  return doc;
}

size_t LineOfByte(std::string_view bytes, size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

LoadResult ParseJson(const std::string& name, const std::string& bytes, const std::string& id) {
  LoadResult result;
  json object;
  try {
    object = json::parse(bytes);
  } catch (const json::parse_error& e) {
    result.errors.push_back(Status::InvalidInput(fmt::format(
        "{}: line {}: malformed JSON ({}); expected one object with \"id\" and \"text\"", name,
        LineOfByte(bytes, e.byte == 0 ? 0 : e.byte - 1), e.what())));
    return result;
  } catch (const json::exception& e) {  // e.g. a number out of range: 1e999
    result.errors.push_back(Status::InvalidInput(fmt::format("{}: malformed JSON ({})", name, e.what())));
    return result;
  }
  auto doc = DocumentFromJson(object, name, id);
  if (doc.ok()) {
    result.documents.push_back(std::move(doc.value()));
  } else {
    result.errors.push_back(doc.status());
  }
  return result;
}

LoadResult ParseJsonLines(const std::string& name, const std::string& bytes, const std::string& id) {
  LoadResult result;
  std::istringstream in(bytes);
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (IsBlank(line)) continue;
    const std::string where = fmt::format("{}:{}", name, number);
    try {
      auto doc = DocumentFromJson(json::parse(line), where, fmt::format("{}:{}", id, number));
      if (doc.ok()) {
        result.documents.push_back(std::move(doc.value()));
      } else {
        result.errors.push_back(doc.status());
      }
    } catch (const json::exception& e) {  // parse errors, and numbers out of range (1e999)
      result.errors.push_back(Status::InvalidInput(fmt::format(
          "{}: line {}: malformed JSON ({}); each line must be one document object", name, number,
          e.what())));
    }
  }
  return result;
}

void Append(LoadResult&& from, LoadResult* to) {
  std::move(from.documents.begin(), from.documents.end(), std::back_inserter(to->documents));
  std::move(from.errors.begin(), from.errors.end(), std::back_inserter(to->errors));
}

// All of `in`, or an error when it holds more than `max_bytes`.
StatusOr<std::string> ReadLimited(std::istream& in, const std::string& name, uint64_t max_bytes) {
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      return Status::InvalidInput(fmt::format(
          "{}: larger than {} bytes; split it, or raise the limit with --max-bytes", name, max_bytes));
    }
  }
  if (in.bad()) return Status::IOError(name + ": read error");
  return bytes;
}

StatusOr<std::string> ReadFile(const std::string& path, uint64_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open for reading; check the path and permissions");
  return ReadLimited(in, path, max_bytes);
}

// The deepest folder holding every file of `files` (absolute, normalised):
// ids are paths relative to it, so that "a/x.txt" and "b/x.txt" stay two
// documents while a single folder's files keep their plain names.
fs::path CommonRoot(const std::vector<fs::path>& files) {
  fs::path root;
  for (const fs::path& file : files) {
    const fs::path parent = file.parent_path();
    if (root.empty()) {
      root = parent;
      continue;
    }
    fs::path common;
    for (auto a = root.begin(), b = parent.begin(); a != root.end() && b != parent.end() && *a == *b; ++a, ++b) {
      common /= *a;
    }
    root = common;
  }
  return root;
}

fs::path Absolute(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return (ec ? fs::path(path) : absolute).lexically_normal();
}

// The id of each file: its path relative to the common root of all of them.
std::vector<std::string> RelativeIds(const std::vector<std::string>& files) {
  std::vector<fs::path> absolute;
  for (const std::string& f : files) {
    if (f != "-") absolute.push_back(Absolute(f));
  }
  const fs::path root = CommonRoot(absolute);
  std::vector<std::string> ids;
  for (const std::string& f : files) {
    if (f == "-") {
      ids.push_back(BaseName(f));
      continue;
    }
    const std::string relative = Absolute(f).lexically_relative(root).generic_string();
    ids.push_back(relative.empty() || relative == "." ? BaseName(f) : relative);
  }
  return ids;
}

// Rejects every document whose id an earlier one already has: two
// documents under one id would quote each other's evidence.
void RejectDuplicateIds(LoadResult* result) {
  std::map<std::string, std::string> first_path;
  std::vector<Document> unique;
  for (Document& doc : result->documents) {
    auto [it, inserted] = first_path.emplace(doc.id, doc.path);
    if (inserted) {
      unique.push_back(std::move(doc));
      continue;
    }
    result->errors.push_back(Status::InvalidInput(fmt::format(
        "{}: duplicate document id \"{}\" (first used by {}); give each document its own id", doc.path, doc.id,
        it->second)));
  }
  result->documents = std::move(unique);
}

// Files under `root` that look like documents, sorted for a deterministic run.
std::vector<std::string> ListDirectory(const fs::path& root, std::vector<Status>* errors) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && HasDocumentExtension(it->path())) files.push_back(it->path().string());
  }
  if (ec) errors->push_back(Status::IOError(root.string() + ": " + ec.message()));
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

LoadResult ParseDocuments(const std::string& name, std::string bytes, const std::string& id) {
  const std::string ext = fs::path(name).extension().string();
  const std::string base = id.empty() ? BaseName(name) : id;
  LoadResult result = ext == ".json"    ? ParseJson(name, bytes, base)
                      : ext == ".jsonl" ? ParseJsonLines(name, bytes, base)
                                        : ParseText(name, std::move(bytes), base);
  RejectDuplicateIds(&result);
  return result;
}

LoadResult LoadDocuments(const std::vector<std::string>& paths, const MetaTable& meta, const LoadOptions& options) {
  LoadResult result;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-") {
      files.push_back(path);
    } else if (fs::is_directory(path, ec)) {
      auto listed = ListDirectory(path, &result.errors);
      files.insert(files.end(), listed.begin(), listed.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      result.errors.push_back(Status::NotFound(path + ": no such file or directory; check the path"));
    }
  }
  const std::vector<std::string> ids = RelativeIds(files);
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    if (auto problem = CheckUtf8Text(file)) {
      result.errors.push_back(Status::InvalidInput(
          file + ": the file name is not valid UTF-8; rename the file so that reports can name it"));
      continue;
    }
    auto bytes = file == "-" ? ReadLimited(std::cin, "stdin", options.max_bytes) : ReadFile(file, options.max_bytes);
    if (!bytes.ok()) {
      result.errors.push_back(bytes.status());
      continue;
    }
    Append(ParseDocuments(file, std::move(bytes.value()), ids[i]), &result);
  }
  RejectDuplicateIds(&result);
  for (Document& doc : result.documents) {
    auto it = meta.find(doc.id);
    if (it == meta.end()) it = meta.find(BaseName(doc.path));
    if (it != meta.end()) FillMissing(it->second, &doc.meta);
  }
  return result;
}

StatusOr<MetaTable> LoadMetaTable(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Status::InvalidInput(path + ": is a folder; --meta takes a YAML file");
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Status::NotFound(path + ": cannot open the metadata file; check the path");
  } catch (const YAML::Exception& e) {
    return Status::InvalidInput(fmt::format("{}: line {}: malformed YAML: {}", path, e.mark.line + 1, e.msg));
  }
  MetaTable table;
  if (!root.IsDefined() || root.IsNull()) return table;
  if (!root.IsMap()) return Status::InvalidInput(path + ": expected a map from file name to {date, lang, title, source}");
  for (const auto& entry : root) {
    if (!entry.first.IsScalar()) {
      return Status::InvalidInput(fmt::format("{}: line {}: a key must be a file name", path, entry.first.Mark().line + 1));
    }
    const std::string name = entry.first.Scalar();
    DocumentMeta meta;
    Status s = MetaFromYaml(entry.second, fmt::format("{}: {}", path, name), &meta, UnknownKeys::kReject);
    if (!s.ok()) return s;
    table[name] = meta;
  }
  return table;
}

}  // namespace factlint
