// sikao-cli history: list, show, search, export, import and delete conversations.

#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/history.h"
#include "common/error.h"
#include "storage/history.h"

namespace sikao::cli {

namespace {

using storage::History;
using storage::StorageError;
using storage::StorageErrorCode;

constexpr const char* k_usage =
    "usage: sikao-cli [--db FILE] history [--read-only] list | show ID | search QUERY | "
    "export ID|--all --format md|json [-o FILE] | import FILE | delete ID";

[[noreturn]] void usage_error(const std::string& what) {
  throw Error(ErrorCode::InvalidArgument, fmt::format("{}\n{}", what, k_usage));
}

int64_t parse_id(const std::string& s) {
  try {
    size_t used = 0;
    const long long v = std::stoll(s, &used);
    if (used == s.size() && v > 0) return v;
  } catch (const std::exception&) {
  }
  usage_error(fmt::format("'{}' is not a conversation id", s));
}

std::string local_time(int64_t ms) {
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

int show(History& h, int64_t id) {
  const auto c = h.conversation(id);
  std::printf("# %s\n", c.title.empty() ? "(untitled)" : c.title.c_str());
  if (!c.model_name.empty()) std::printf("model: %s\n", c.model_name.c_str());
  for (const auto& m : h.active_path(id)) {
    const auto b = h.branch_position(m.id);
    std::printf("\n[%lld] %s", static_cast<long long>(m.id), storage::to_string(m.role));
    if (b.count > 1) std::printf(" (branch %d/%d)", b.index + 1, b.count);
    if (m.status != storage::MessageStatus::Complete) std::printf(" (%s)", storage::to_string(m.status));
    std::printf(":\n");
    if (!m.reasoning.empty()) std::printf("<reasoning>\n%s\n</reasoning>\n", m.reasoning.c_str());
    std::printf("%s\n", m.content.c_str());
    if (!m.error.empty()) std::printf("error: %s\n", m.error.c_str());
  }
  return 0;
}

int search(History& h, const Args& args) {
  std::string query;
  for (size_t i = 1; i < args.size(); ++i) query += (i > 1 ? " " : "") + args[i];
  if (query.empty()) usage_error("search needs a query");
  for (const auto& hit : h.search(query)) {
    std::printf("%lld/%lld  %s  %s%s: %s\n", static_cast<long long>(hit.conversation_id),
                static_cast<long long>(hit.message_id), hit.conversation_title.c_str(),
                storage::to_string(hit.role),
                hit.field == storage::SearchField::Reasoning ? " (reasoning)" : "",
                hit.snippet.c_str());
  }
  return 0;
}

int export_cmd(History& h, const Args& args) {
  std::vector<int64_t> ids;
  bool all = false;
  std::string format, out_path;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--all") {
      all = true;
    } else if (args[i] == "--format" && i + 1 < args.size()) {
      format = args[++i];
    } else if (args[i] == "-o" && i + 1 < args.size()) {
      out_path = args[++i];
    } else {
      ids.push_back(parse_id(args[i]));
    }
  }
  if (all == !ids.empty()) usage_error("export needs one conversation ID or --all");
  if (format != "md" && format != "json") usage_error("export needs --format md or --format json");
  if (all) ids = h.conversation_ids();
  std::string text;
  if (format == "json") {
    text = h.export_json(ids);
  } else {
    for (size_t i = 0; i < ids.size(); ++i) text += (i ? "\n---\n\n" : "") + h.export_markdown(ids[i]);
  }
  if (out_path.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  std::ofstream f(out_path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (!f) throw Error(ErrorCode::Io, fmt::format("cannot write {}", out_path));
  std::fprintf(stderr, "exported %zu conversation(s) to %s\n", ids.size(), out_path.c_str());
  return 0;
}

int import_cmd(History& h, const std::string& file) {
  std::ifstream f(file, std::ios::binary);
  if (!f) throw Error(ErrorCode::Io, fmt::format("cannot read {}", file));
  std::stringstream ss;
  ss << f.rdbuf();
  try {
    const auto ids = h.import_json(ss.str());
    std::printf("imported %zu conversation(s):", ids.size());
    for (auto id : ids) std::printf(" %lld", static_cast<long long>(id));
    std::printf("\n");
  } catch (const StorageError& e) {
    if (e.code() != StorageErrorCode::InvalidImport) throw;
    throw Error(ErrorCode::InvalidFile, fmt::format("{}: {} (nothing was imported)", file, e.what()));
  }
  return 0;
}

ErrorCode engine_code_for(StorageErrorCode c) {
  switch (c) {
    case StorageErrorCode::NotFound:
    case StorageErrorCode::InvalidArgument: return ErrorCode::InvalidArgument;
    case StorageErrorCode::InvalidImport:
    case StorageErrorCode::Corrupt:
    case StorageErrorCode::TooNew: return ErrorCode::InvalidFile;
    case StorageErrorCode::Internal: return ErrorCode::Internal;
    default: return ErrorCode::Io;
  }
}

int run_history(Args args, const GlobalOptions& global) {
  const bool read_only = !args.empty() && args[0] == "--read-only";
  if (read_only) args.erase(args.begin());
  if (args.empty()) usage_error("history needs a subcommand");
  const std::string& sub = args[0];
  const auto need = [&](size_t n) {
    if (args.size() != n + 1) usage_error(fmt::format("history {} takes {} argument(s)", sub, n));
  };
  if (sub == "list") {
    need(0);
    History h = open_history(global, read_only, "history");
    list_conversations(h, stdout);
    return 0;
  }
  if (sub == "show") {
    need(1);
    History h = open_history(global, read_only, "history");
    return show(h, parse_id(args[1]));
  }
  if (sub == "search") {
    History h = open_history(global, read_only, "history");
    return search(h, args);
  }
  if (sub == "export") {
    History h = open_history(global, read_only, "history");
    return export_cmd(h, args);
  }
  if (sub == "import") {
    need(1);
    History h = open_history(global, read_only, "history");
    return import_cmd(h, args[1]);
  }
  if (sub == "delete") {
    need(1);
    History h = open_history(global, read_only, "history");
    h.delete_conversation(parse_id(args[1]));
    std::printf("deleted conversation %s\n", args[1].c_str());
    return 0;
  }
  usage_error(fmt::format("unknown history subcommand '{}'", sub));
}

} // namespace

History open_history(const GlobalOptions& global, bool read_only, std::string_view command) {
  const std::string path = global.db_path.empty() ? storage::default_database_path() : global.db_path;
  // SQLite would read it as a URI, but the history needs a path: its folder, -wal and -shm files.
  if (path.starts_with("file:")) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("--db takes a file path, not an SQLite URI ('{}'); to read without "
                            "writing, use history --read-only",
                            path));
  }
  storage::HistoryOptions options;
  options.read_only = read_only;
  History h(path, options);
  if (h.read_only() && !read_only) {
    std::fprintf(stderr, "sikao-cli %.*s: %s cannot be written; it is opened read-only\n",
                 static_cast<int>(command.size()), command.data(), path.c_str());
  }
  const auto& r = h.report();
  if (r.wal_unread) {
    std::fprintf(stderr,
                 "sikao-cli %.*s: the last changes, in %s-wal, cannot be read where %s-shm "
                 "cannot be created; they are not shown\n",
                 static_cast<int>(command.size()), command.data(), path.c_str(), path.c_str());
  }
  if (r.damaged) {
    std::fprintf(stderr,
                 "sikao-cli %.*s: the history database %s was damaged (%s); it was kept as %s "
                 "and a new, empty history was started\n",
                 static_cast<int>(command.size()), command.data(), path.c_str(), r.damage_reason.c_str(), r.damaged_kept_as.c_str());
  }
  if (r.streaming_marked_stopped > 0) {
    std::fprintf(stderr, "sikao-cli %.*s: %d interrupted answer(s) marked as stopped\n",
                 static_cast<int>(command.size()), command.data(), r.streaming_marked_stopped);
  }
  return h;
}

void list_conversations(const History& h, std::FILE* out) {
  storage::ListOptions o;
  o.include_archived = true;
  o.limit = 1'000'000;
  for (const auto& s : h.list_conversations(o)) {
    const auto& c = s.conversation;
    std::fprintf(out, "%6lld  %s  %5lld msgs  %s%s%s\n", static_cast<long long>(c.id),
                local_time(c.updated_ms).c_str(), static_cast<long long>(s.message_count),
                c.pinned ? "[pinned] " : "", c.archived ? "[archived] " : "",
                c.title.empty() ? "(untitled)" : c.title.c_str());
  }
}

int history(const Args& args, const GlobalOptions& global) {
  try {
    return run_history(args, global);
  } catch (const StorageError& e) {
    throw Error(engine_code_for(e.code()), e.what());
  }
}

} // namespace sikao::cli
