// Export and import.
//
// JSON ("sikao-history", version 1) is lossless: every conversation field and every message of
// every branch, with ids used only to link parents and the active leaf. Import parses the whole
// file into typed values first and writes in one transaction, so a bad file changes nothing.
// Imported rows get fresh ids; links are remapped.

#include <ctime>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "storage/history.h"
#include "storage/history_impl.h"

namespace sikao::storage {

using internal::Transaction;
using nlohmann::json;

namespace {

constexpr const char* k_format = "sikao-history";
constexpr int k_format_version = 1;

json stats_to_json(const GenerationStats& s) {
  return {{"prompt_tokens", s.prompt_tokens},       {"generated_tokens", s.generated_tokens},
          {"reasoning_tokens", s.reasoning_tokens}, {"reasoning_ms", s.reasoning_ms},
          {"total_ms", s.total_ms},                 {"tokens_per_second", s.tokens_per_second}};
}

json optional_to_json(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

json message_to_json(const Message& m) {
  return {{"id", m.id},
          {"parent_id", optional_to_json(m.parent_id)},
          {"role", to_string(m.role)},
          {"content", m.content},
          {"reasoning", m.reasoning},
          {"status", to_string(m.status)},
          {"error", m.error},
          {"model", m.model},
          {"stats", stats_to_json(m.stats)},
          {"created_ms", m.created_ms},
          {"finished_ms", optional_to_json(m.finished_ms)}};
}

json conversation_to_json(const Conversation& c, const std::vector<Message>& messages) {
  json msgs = json::array();
  for (const auto& m : messages) msgs.push_back(message_to_json(m));
  return {{"id", c.id},
          {"title", c.title},
          {"created_ms", c.created_ms},
          {"updated_ms", c.updated_ms},
          {"model_file", c.model_file},
          {"model_name", c.model_name},
          {"system_prompt", c.system_prompt},
          {"settings_json", c.settings_json},
          {"pinned", c.pinned},
          {"archived", c.archived},
          {"active_leaf_id", optional_to_json(c.active_leaf_id)},
          {"messages", std::move(msgs)}};
}

// ---- Parsing the import file into typed values ----

class Reader {
 public:
  [[noreturn]] static void fail(const std::string& where, const std::string& what) {
    throw StorageError(StorageErrorCode::InvalidImport,
                       fmt::format("not a valid Sikao history file: {}: {}", where, what));
  }

  static const json& field(const json& obj, const std::string& where, const char* name) {
    if (!obj.is_object()) fail(where, "expected an object");
    const auto it = obj.find(name);
    if (it == obj.end()) fail(where, fmt::format("missing field \"{}\"", name));
    return *it;
  }
  static std::string text(const json& obj, const std::string& where, const char* name) {
    const json& v = field(obj, where, name);
    if (!v.is_string()) fail(where + "." + name, "expected a string");
    return v.get<std::string>();
  }
  static int64_t integer(const json& obj, const std::string& where, const char* name) {
    const json& v = field(obj, where, name);
    if (!v.is_number_integer()) fail(where + "." + name, "expected an integer");
    return v.get<int64_t>();
  }
  static std::optional<int64_t> optional_integer(const json& obj, const std::string& where,
                                                 const char* name) {
    const json& v = field(obj, where, name);
    if (v.is_null()) return std::nullopt;
    if (!v.is_number_integer()) fail(where + "." + name, "expected an integer or null");
    return v.get<int64_t>();
  }
  static double number(const json& obj, const std::string& where, const char* name) {
    const json& v = field(obj, where, name);
    if (!v.is_number()) fail(where + "." + name, "expected a number");
    return v.get<double>();
  }
  static bool boolean(const json& obj, const std::string& where, const char* name) {
    const json& v = field(obj, where, name);
    if (!v.is_boolean()) fail(where + "." + name, "expected true or false");
    return v.get<bool>();
  }
};

struct ImportedConversation {
  Conversation conversation;
  std::vector<Message> messages;  // parents before children
};

GenerationStats parse_stats(const json& j, const std::string& where) {
  GenerationStats s;
  s.prompt_tokens = Reader::integer(j, where, "prompt_tokens");
  s.generated_tokens = Reader::integer(j, where, "generated_tokens");
  s.reasoning_tokens = Reader::integer(j, where, "reasoning_tokens");
  s.reasoning_ms = Reader::integer(j, where, "reasoning_ms");
  s.total_ms = Reader::integer(j, where, "total_ms");
  s.tokens_per_second = Reader::number(j, where, "tokens_per_second");
  return s;
}

Message parse_message(const json& j, const std::string& where, const std::set<int64_t>& earlier) {
  Message m;
  m.id = Reader::integer(j, where, "id");
  if (earlier.count(m.id)) Reader::fail(where + ".id", fmt::format("duplicate id {}", m.id));
  m.parent_id = Reader::optional_integer(j, where, "parent_id");
  if (m.parent_id && !earlier.count(*m.parent_id)) {
    Reader::fail(where + ".parent_id",
                 fmt::format("{} is not the id of an earlier message of this conversation",
                             *m.parent_id));
  }
  const std::string role = Reader::text(j, where, "role");
  const auto r = role_from_string(role);
  if (!r) Reader::fail(where + ".role", fmt::format("unknown role \"{}\" (system, user, assistant)", role));
  m.role = *r;
  const std::string status = Reader::text(j, where, "status");
  const auto s = status_from_string(status);
  if (!s) {
    Reader::fail(where + ".status",
                 fmt::format("unknown status \"{}\" (streaming, complete, stopped, error)", status));
  }
  m.status = *s;
  m.content = Reader::text(j, where, "content");
  m.reasoning = Reader::text(j, where, "reasoning");
  m.error = Reader::text(j, where, "error");
  m.model = Reader::text(j, where, "model");
  m.stats = parse_stats(Reader::field(j, where, "stats"), where + ".stats");
  m.created_ms = Reader::integer(j, where, "created_ms");
  m.finished_ms = Reader::optional_integer(j, where, "finished_ms");
  return m;
}

ImportedConversation parse_conversation(const json& j, const std::string& where) {
  ImportedConversation out;
  Conversation& c = out.conversation;
  c.id = Reader::integer(j, where, "id");
  c.title = Reader::text(j, where, "title");
  c.created_ms = Reader::integer(j, where, "created_ms");
  c.updated_ms = Reader::integer(j, where, "updated_ms");
  c.model_file = Reader::text(j, where, "model_file");
  c.model_name = Reader::text(j, where, "model_name");
  c.system_prompt = Reader::text(j, where, "system_prompt");
  c.settings_json = Reader::text(j, where, "settings_json");
  c.pinned = Reader::boolean(j, where, "pinned");
  c.archived = Reader::boolean(j, where, "archived");
  c.active_leaf_id = Reader::optional_integer(j, where, "active_leaf_id");
  const json& msgs = Reader::field(j, where, "messages");
  if (!msgs.is_array()) Reader::fail(where + ".messages", "expected an array");
  std::set<int64_t> ids;
  for (size_t i = 0; i < msgs.size(); ++i) {
    out.messages.push_back(parse_message(msgs[i], fmt::format("{}.messages[{}]", where, i), ids));
    ids.insert(out.messages.back().id);
  }
  if (c.active_leaf_id && !ids.count(*c.active_leaf_id)) {
    Reader::fail(where + ".active_leaf_id",
                 fmt::format("{} is not the id of a message of this conversation", *c.active_leaf_id));
  }
  return out;
}

std::vector<ImportedConversation> parse_import(const std::string& text) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    // parse_error, and out_of_range for a number no double holds (1e999; found by fuzz_history_import)
    throw StorageError(StorageErrorCode::InvalidImport,
                       fmt::format("not a valid Sikao history file: malformed JSON: {}", e.what()));
  }
  const std::string format = Reader::text(doc, "top level", "format");
  if (format != k_format) {
    Reader::fail("format", fmt::format("\"{}\" is not \"{}\"", format, k_format));
  }
  const int64_t version = Reader::integer(doc, "top level", "version");
  if (version != k_format_version) {
    Reader::fail("version", fmt::format("{} is not a version this Sikao reads ({})", version,
                                        k_format_version));
  }
  const json& convs = Reader::field(doc, "top level", "conversations");
  if (!convs.is_array()) Reader::fail("conversations", "expected an array");
  std::vector<ImportedConversation> out;
  for (size_t i = 0; i < convs.size(); ++i) {
    out.push_back(parse_conversation(convs[i], fmt::format("conversations[{}]", i)));
  }
  return out;
}

// ---- Markdown ----

std::string utc_time(int64_t ms) {
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

const char* heading_for(Role r) {
  switch (r) {
    case Role::System: return "System";
    case Role::User: return "User";
    case Role::Assistant: return "Assistant";
  }
  return "?";
}

std::string stats_line(const Message& m) {
  std::vector<std::string> parts;
  if (!m.model.empty()) parts.push_back(m.model);
  if (m.stats.generated_tokens > 0) parts.push_back(fmt::format("{} tokens", m.stats.generated_tokens));
  if (m.stats.tokens_per_second > 0) parts.push_back(fmt::format("{:.1f} tokens/s", m.stats.tokens_per_second));
  if (m.status != MessageStatus::Complete) parts.push_back(to_string(m.status));
  if (!m.error.empty()) parts.push_back("error: " + m.error);
  std::string line;
  for (const auto& p : parts) line += (line.empty() ? "" : " · ") + p;
  return line;
}

} // namespace

std::string History::export_json(const std::vector<int64_t>& conversation_ids) const {
  json convs = json::array();
  for (int64_t id : conversation_ids) {
    convs.push_back(conversation_to_json(conversation(id), all_messages(id)));
  }
  const json doc = {{"format", k_format}, {"version", k_format_version}, {"conversations", convs}};
  return doc.dump(2) + "\n";
}

std::string History::export_markdown(int64_t conversation_id) const {
  const Conversation c = conversation(conversation_id);
  std::string md = fmt::format("# {}\n\n", c.title.empty() ? "Untitled conversation" : c.title);
  if (!c.model_name.empty() || !c.model_file.empty()) {
    md += fmt::format("- Model: {}{}\n", c.model_name,
                      c.model_file.empty() ? "" : fmt::format(" (`{}`)", c.model_file));
  }
  md += fmt::format("- Created: {}\n- Updated: {}\n\n", utc_time(c.created_ms), utc_time(c.updated_ms));
  if (!c.system_prompt.empty()) md += fmt::format("## System prompt\n\n{}\n\n", c.system_prompt);
  for (const Message& m : active_path(conversation_id)) {
    const BranchPosition b = branch_position(m.id);
    md += fmt::format("## {}", heading_for(m.role));
    if (b.count > 1) md += fmt::format(" (branch {}/{})", b.index + 1, b.count);
    md += "\n\n";
    if (!m.reasoning.empty()) {
      md += fmt::format("<details>\n<summary>Reasoning ({:.1f} s · {} tokens)</summary>\n\n{}\n\n</details>\n\n",
                        static_cast<double>(m.stats.reasoning_ms) / 1000.0, m.stats.reasoning_tokens,
                        m.reasoning);
    }
    md += m.content + "\n\n";
    const std::string stats = stats_line(m);
    if (m.role == Role::Assistant && !stats.empty()) md += fmt::format("*{}*\n\n", stats);
  }
  return md;
}

std::vector<int64_t> History::import_json(const std::string& json_text) {
  const std::vector<ImportedConversation> parsed = parse_import(json_text);
  internal::Database& db = *impl_->db;
  Transaction tx(db);
  std::vector<int64_t> new_ids;
  for (const ImportedConversation& ic : parsed) {
    const Conversation& c = ic.conversation;
    db.prepare(
          "INSERT INTO conversations (title, created_ms, updated_ms, model_file, model_name, "
          "system_prompt, settings_json, pinned, archived) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, c.title)
        .bind(2, c.created_ms)
        .bind(3, c.updated_ms)
        .bind(4, c.model_file)
        .bind(5, c.model_name)
        .bind(6, c.system_prompt)
        .bind(7, c.settings_json)
        .bind(8, c.pinned)
        .bind(9, c.archived)
        .run();
    const int64_t conversation_id = db.last_insert_id();
    std::map<int64_t, int64_t> id_map;
    for (const Message& m : ic.messages) {
      auto st = db.prepare(
          "INSERT INTO messages (conversation_id, parent_id, role, content, reasoning, status, "
          "error, model, prompt_tokens, generated_tokens, reasoning_tokens, reasoning_ms, "
          "total_ms, tokens_per_second, created_ms, finished_ms) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
      st.bind(1, conversation_id)
          .bind(2, m.parent_id ? std::optional<int64_t>(id_map.at(*m.parent_id)) : std::nullopt)
          .bind(3, to_string(m.role))
          .bind(4, m.content)
          .bind(5, m.reasoning)
          .bind(6, to_string(m.status))
          .bind(7, m.error)
          .bind(8, m.model)
          .bind(9, m.stats.prompt_tokens)
          .bind(10, m.stats.generated_tokens)
          .bind(11, m.stats.reasoning_tokens)
          .bind(12, m.stats.reasoning_ms)
          .bind(13, m.stats.total_ms)
          .bind(14, m.stats.tokens_per_second)
          .bind(15, m.created_ms)
          .bind(16, m.finished_ms)
          .run();
      id_map[m.id] = db.last_insert_id();
    }
    if (c.active_leaf_id) {
      db.prepare("UPDATE conversations SET active_leaf_id = ?2 WHERE id = ?1")
          .bind(1, conversation_id)
          .bind(2, id_map.at(*c.active_leaf_id))
          .run();
    }
    new_ids.push_back(conversation_id);
  }
  tx.commit();
  return new_ids;
}

} // namespace sikao::storage
