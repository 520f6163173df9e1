// Search over message content and reasoning.
//
// The FTS5 index uses the trigram tokenizer, so any substring of three or more characters is
// found in any script — Chinese and Japanese have no spaces for a word tokenizer to split on.
// A query term shorter than three characters (common in CJK: 中文, 日本) cannot use trigrams;
// such queries fall back to a LIKE scan over the messages table with the snippet cut here.

#include <algorithm>

#include <fmt/format.h>

#include "storage/history.h"
#include "storage/history_impl.h"

namespace sikao::storage {

using internal::Statement;

namespace {

std::vector<std::string> split_terms(const std::string& query) {
  std::vector<std::string> terms;
  std::string cur;
  for (char ch : query) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      if (!cur.empty()) terms.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) terms.push_back(std::move(cur));
  return terms;
}

// Each term as an FTS5 string (a phrase: "..." with " doubled), implicitly ANDed.
std::string fts_expression(const std::vector<std::string>& terms) {
  std::string expr;
  for (const auto& t : terms) {
    if (!expr.empty()) expr += ' ';
    expr += '"';
    for (char ch : t) {
      if (ch == '"') expr += '"';
      expr += ch;
    }
    expr += '"';
  }
  return expr;
}

std::string like_pattern(const std::string& term) {
  std::string p = "%";
  for (char ch : term) {
    if (ch == '%' || ch == '_' || ch == '\\') p += '\\';
    p += ch;
  }
  return p + "%";
}

std::string ascii_lower(std::string s) {
  for (char& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

bool is_continuation(unsigned char ch) { return (ch & 0xC0) == 0x80; }

// Moves `pos` back (or forward) by up to `n` UTF-8 characters.
size_t back_chars(const std::string& s, size_t pos, int n) {
  while (n-- > 0 && pos > 0) {
    --pos;
    while (pos > 0 && is_continuation(static_cast<unsigned char>(s[pos]))) --pos;
  }
  return pos;
}
size_t forward_chars(const std::string& s, size_t pos, int n) {
  while (n-- > 0 && pos < s.size()) {
    ++pos;
    while (pos < s.size() && is_continuation(static_cast<unsigned char>(s[pos]))) ++pos;
  }
  return pos;
}

// The text around the first match of `term`, the match marked; empty if no match. Matching is
// case-insensitive for ASCII, as LIKE is.
std::string cut_snippet(const std::string& text, const std::string& term, const SearchOptions& o) {
  const size_t at = ascii_lower(text).find(ascii_lower(term));
  if (at == std::string::npos) return {};
  const int context = std::max(1, o.snippet_tokens / 2);
  const size_t begin = back_chars(text, at, context);
  const size_t end = forward_chars(text, at + term.size(), context);
  std::string out;
  if (begin > 0) out += "…";
  out += text.substr(begin, at - begin);
  out += o.mark_open + text.substr(at, term.size()) + o.mark_close;
  out += text.substr(at + term.size(), end - at - term.size());
  if (end < text.size()) out += "…";
  return out;
}

std::vector<SearchHit> search_fts(internal::Database& db, const std::vector<std::string>& terms,
                                  const SearchOptions& o) {
  // Rows are picked first and snippets made only for those: snippet() on every match of a
  // common word would dominate the query time.
  static constexpr const char* k_by_newest =
      "WITH top AS (SELECT m.id FROM messages_fts f JOIN messages m ON m.id = f.rowid "
      "  WHERE messages_fts MATCH ?1 ORDER BY m.created_ms DESC, m.id DESC LIMIT ?2) "
      "SELECT m.id, m.conversation_id, c.title, m.role, m.created_ms, "
      "  snippet(messages_fts, 0, ?3, ?4, '…', ?5), snippet(messages_fts, 1, ?3, ?4, '…', ?5) "
      "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
      "JOIN conversations c ON c.id = m.conversation_id "
      "WHERE messages_fts MATCH ?1 AND messages_fts.rowid IN (SELECT id FROM top) "
      "ORDER BY m.created_ms DESC, m.id DESC";
  static constexpr const char* k_by_rank =
      "WITH top AS (SELECT rowid AS id, rank AS r FROM messages_fts WHERE messages_fts MATCH ?1 "
      "  ORDER BY rank LIMIT ?2) "
      "SELECT m.id, m.conversation_id, c.title, m.role, m.created_ms, "
      "  snippet(messages_fts, 0, ?3, ?4, '…', ?5), snippet(messages_fts, 1, ?3, ?4, '…', ?5) "
      "FROM messages_fts JOIN top ON top.id = messages_fts.rowid "
      "JOIN messages m ON m.id = messages_fts.rowid "
      "JOIN conversations c ON c.id = m.conversation_id "
      "WHERE messages_fts MATCH ?1 ORDER BY top.r, m.id DESC";
  auto st = db.prepare(o.order == SearchOrder::Rank ? k_by_rank : k_by_newest);
  st.bind(1, fts_expression(terms)).bind(2, o.limit).bind(3, o.mark_open).bind(4, o.mark_close);
  st.bind(5, static_cast<int64_t>(std::clamp(o.snippet_tokens, 1, 64)));
  std::vector<SearchHit> hits;
  while (st.step()) {
    SearchHit h;
    h.message_id = st.column_int(0);
    h.conversation_id = st.column_int(1);
    h.conversation_title = st.column_text(2);
    h.role = role_from_string(st.column_text(3)).value_or(Role::User);
    h.created_ms = st.column_int(4);
    std::string content = st.column_text(5);
    if (content.find(o.mark_open) != std::string::npos) {
      h.field = SearchField::Content;
      h.snippet = std::move(content);
    } else {
      h.field = SearchField::Reasoning;
      h.snippet = st.column_text(6);
    }
    hits.push_back(std::move(h));
  }
  return hits;
}

std::vector<SearchHit> search_like(internal::Database& db, const std::vector<std::string>& terms,
                                   const SearchOptions& o) {
  // One cached statement per term count; the SQL text is fixed fragments, terms are bound.
  std::string sql =
      "SELECT m.id, m.conversation_id, c.title, m.role, m.created_ms, m.content, m.reasoning "
      "FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE 1";
  for (size_t i = 0; i < terms.size(); ++i) {
    sql += fmt::format(" AND (m.content LIKE ?{0} ESCAPE '\\' OR m.reasoning LIKE ?{0} ESCAPE '\\')",
                       i + 2);
  }
  sql += " ORDER BY m.created_ms DESC, m.id DESC LIMIT ?1";
  auto st = db.prepare(sql);
  st.bind(1, o.limit);
  for (size_t i = 0; i < terms.size(); ++i) st.bind(static_cast<int>(i + 2), like_pattern(terms[i]));
  std::vector<SearchHit> hits;
  while (st.step()) {
    SearchHit h;
    h.message_id = st.column_int(0);
    h.conversation_id = st.column_int(1);
    h.conversation_title = st.column_text(2);
    h.role = role_from_string(st.column_text(3)).value_or(Role::User);
    h.created_ms = st.column_int(4);
    const std::string content = st.column_text(5);
    h.snippet = cut_snippet(content, terms.front(), o);
    if (h.snippet.empty()) {
      h.field = SearchField::Reasoning;
      h.snippet = cut_snippet(st.column_text(6), terms.front(), o);
    }
    hits.push_back(std::move(h));
  }
  return hits;
}

} // namespace

std::vector<SearchHit> History::search(const std::string& query, const SearchOptions& o) const {
  const auto terms = split_terms(query);
  if (terms.empty() || o.limit <= 0) return {};
  const bool all_long = std::all_of(terms.begin(), terms.end(), [](const std::string& t) {
    return internal::codepoint_count(t) >= 3;
  });
  return all_long ? search_fts(*impl_->db, terms, o) : search_like(*impl_->db, terms, o);
}

} // namespace sikao::storage
