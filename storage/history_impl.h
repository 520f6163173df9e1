#pragma once
// History's state, shared by the files that implement it (history.cpp, search.cpp,
// exchange.cpp). Internal.

#include <chrono>
#include <map>
#include <memory>

#include "storage/history.h"
#include "storage/sqlite.h"

namespace sikao::storage {

struct History::Impl {
  std::unique_ptr<internal::Database> db;
  HistoryOptions options;
  OpenReport report;
  std::string path;
  // Last write of each message being streamed, for the throttle.
  std::map<int64_t, std::chrono::steady_clock::time_point> last_stream_write;

  int64_t now_ms() const { return options.now_ms(); }
  // Throws NotFound unless the conversation exists.
  void require_conversation(int64_t id) const;
  Message load_message(int64_t id) const;
  int64_t insert_message(const NewMessage& m, MessageStatus status, std::optional<int64_t> finished_ms);
  void touch_conversation(int64_t id);
  void set_active_leaf(int64_t conversation_id, std::optional<int64_t> leaf);
  int64_t newest_leaf_below(int64_t message_id) const;
};

namespace internal {

// The column list every message query selects, in the order read_message expects.
// A macro so that queries stay single string literals.
#define SIKAO_MESSAGE_COLUMNS                                                              \
  "id, conversation_id, parent_id, role, content, reasoning, status, error, model, " \
  "prompt_tokens, generated_tokens, reasoning_tokens, reasoning_ms, total_ms, " \
  "tokens_per_second, created_ms, finished_ms"

Message read_message(const Statement& st, int first_col = 0);

// UTF-8 aware helpers for search snippets and query splitting.
size_t codepoint_count(std::string_view s);

} // namespace internal
} // namespace sikao::storage
