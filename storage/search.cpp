// Search over message content and reasoning.
//
// Terms of three or more characters use the trigram index (messages_fts): any substring in any
// script, Chinese and Japanese included, which have no spaces for a word tokenizer to split on.
// Shorter terms (中文, 日本, "go") cannot be trigrams; they use the short-query index
// (messages_short, schema v4), where every CJK character is its own token: a CJK term matches
// as a run of characters, a Latin one as the start of a word. Both indexes are walked newest
// first (by message id, i.e. the order messages were stored), so a query stops after `limit`
// hits instead of sorting every match.

#include <algorithm>

#include <fmt/format.h>

#include "storage/cjk.h"
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

bool has_cjk(std::string_view s) {
  const std::string spaced = internal::space_cjk(s);
  return spaced.size() != s.size();
}

// A short term for the unicode61 index: CJK as a phrase of single characters ("量 子"),
// anything else as a word prefix ("go"*).
std::string short_expression(const std::vector<std::string>& terms) {
  std::string expr;
  for (const auto& t : terms) {
    std::vector<std::string> one = {has_cjk(t) ? internal::space_cjk(t) : t};
    if (!expr.empty()) expr += ' ';
    expr += fts_expression(one);
    if (!has_cjk(t)) expr += '*';
  }
  return expr;
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
  // FTS5 is the outer loop and delivers rows already in rowid or rank order, so no sorter
  // holds every match and snippet() runs only for the rows returned.
  static constexpr const char* k_by_newest =
      "SELECT m.id, m.conversation_id, c.title, m.role, m.created_ms, "
      "  snippet(messages_fts, 0, ?3, ?4, '…', ?5), snippet(messages_fts, 1, ?3, ?4, '…', ?5) "
      "FROM messages_fts f JOIN messages m ON m.id = f.rowid "
      "JOIN conversations c ON c.id = m.conversation_id "
      "WHERE messages_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2";
  static constexpr const char* k_by_rank =
      "SELECT m.id, m.conversation_id, c.title, m.role, m.created_ms, "
      "  snippet(messages_fts, 0, ?3, ?4, '…', ?5), snippet(messages_fts, 1, ?3, ?4, '…', ?5) "
      "FROM messages_fts f JOIN messages m ON m.id = f.rowid "
      "JOIN conversations c ON c.id = m.conversation_id "
      "WHERE messages_fts MATCH ?1 ORDER BY f.rank LIMIT ?2";
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

// Ids from the short-query index, AND the trigram index when the query also has long terms.
// "+rowid" keeps the planner from handing the IN list to FTS5 as rowid lookups, which would
// re-run the MATCH once per listed row; this way the subquery is materialised once.
std::vector<int64_t> short_candidates(internal::Database& db, const std::vector<std::string>& short_terms,
                                      const std::vector<std::string>& long_terms, const SearchOptions& o) {
  static constexpr const char* k_short_newest =
      "SELECT rowid FROM messages_short WHERE messages_short MATCH ?1 ORDER BY rowid DESC LIMIT ?2";
  static constexpr const char* k_short_rank =
      "SELECT rowid FROM messages_short WHERE messages_short MATCH ?1 ORDER BY rank LIMIT ?2";
  static constexpr const char* k_mixed_newest =
      "SELECT rowid FROM messages_short WHERE messages_short MATCH ?1 AND +rowid IN "
      "(SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?3) ORDER BY rowid DESC LIMIT ?2";
  static constexpr const char* k_mixed_rank =
      "SELECT rowid FROM messages_short WHERE messages_short MATCH ?1 AND +rowid IN "
      "(SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?3) ORDER BY rank LIMIT ?2";
  const bool rank = o.order == SearchOrder::Rank;
  auto st = db.prepare(long_terms.empty() ? (rank ? k_short_rank : k_short_newest)
                                          : (rank ? k_mixed_rank : k_mixed_newest));
  st.bind(1, short_expression(short_terms)).bind(2, o.limit);
  if (!long_terms.empty()) st.bind(3, fts_expression(long_terms));
  std::vector<int64_t> ids;
  while (st.step()) ids.push_back(st.column_int(0));
  return ids;
}

std::vector<SearchHit> search_short(internal::Database& db, const std::vector<std::string>& terms,
                                    const std::vector<std::string>& short_terms,
                                    const std::vector<std::string>& long_terms, const SearchOptions& o) {
  std::vector<SearchHit> hits;
  for (int64_t id : short_candidates(db, short_terms, long_terms, o)) {
    auto st = db.prepare(
        "SELECT m.id, m.conversation_id, c.title, m.role, m.created_ms, m.content, m.reasoning "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = ?1");
    if (!st.bind(1, id).step()) continue;
    SearchHit h;
    h.message_id = st.column_int(0);
    h.conversation_id = st.column_int(1);
    h.conversation_title = st.column_text(2);
    h.role = role_from_string(st.column_text(3)).value_or(Role::User);
    h.created_ms = st.column_int(4);
    const std::string content = st.column_text(5);
    const std::string reasoning = st.column_text(6);
    for (const auto& term : terms) {
      if (!(h.snippet = cut_snippet(content, term, o)).empty()) {
        h.field = SearchField::Content;
        break;
      }
      if (!(h.snippet = cut_snippet(reasoning, term, o)).empty()) {
        h.field = SearchField::Reasoning;
        break;
      }
    }
    if (h.snippet.empty()) h.snippet = content.substr(0, forward_chars(content, 0, o.snippet_tokens));
    hits.push_back(std::move(h));
  }
  return hits;
}

} // namespace

std::vector<SearchHit> History::search(const std::string& query, const SearchOptions& o) const {
  const auto terms = split_terms(query);
  if (terms.empty() || o.limit <= 0) return {};
  std::vector<std::string> short_terms, long_terms;
  for (const auto& t : terms) (internal::codepoint_count(t) >= 3 ? long_terms : short_terms).push_back(t);
  if (short_terms.empty()) return search_fts(*impl_->db, terms, o);
  return search_short(*impl_->db, terms, short_terms, long_terms, o);
}

} // namespace sikao::storage
