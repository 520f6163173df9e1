#include "tokenizer/tokenizer.h"

#include <charconv>

#include <algorithm>
#include <queue>

#include <fmt/format.h>

#include "common/error.h"
#include "tokenizer/utf8.h"
#include "tokenizer/wordpiece.h"

namespace sikao::tokenizer {
namespace {

constexpr std::string_view k_spm_space = "\xE2\x96\x81";  // U+2581 LOWER ONE EIGHTH BLOCK
constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_plain(TokenType t) { return t == TokenType::Normal || t == TokenType::UserDefined; }

bool is_special(TokenType t) {
  return t == TokenType::Control || t == TokenType::UserDefined || t == TokenType::Unknown;
}

uint64_t pair_key(TokenId left, TokenId right) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) | static_cast<uint32_t>(right);
}

// End-of-turn markers by text, as llama.cpp finds them when the GGUF names no eot id. gpt-oss
// (harmony) ends its turn with <|return|> after the final answer or <|call|> after a tool call.
constexpr std::string_view k_end_markers[] = {
    "<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<|end_of_text|>",
    "<EOT>", "<|eom_id|>", "<|return|>", "<|call|>",
    "<\xEF\xBD\x9C" "end\xE2\x96\x81" "of\xE2\x96\x81" "sentence\xEF\xBD\x9C>"};  // <｜end▁of▁sentence｜>

// A marker that ends only a message, not the turn, in a vocabulary that has all of `family`.
// Harmony (gpt-oss: <|return|> and <|call|>) closes each message with <|end|>, and the final
// answer comes after the reasoning message's <|end|>, so stopping there would lose the answer.
// llama.cpp drops <|end|> from its end-of-generation tokens for the same vocabularies.
struct MessageEnd {
  std::string_view marker;
  std::array<std::string_view, 2> family;
};
constexpr MessageEnd k_message_ends[] = {{"<|end|>", {"<|return|>", "<|call|>"}}};

uint64_t text_hash(std::string_view text) { return std::hash<std::string_view>{}(text); }

TextTable text_table(const std::vector<std::string>& texts) {
  size_t bytes = 0;
  for (const std::string& text : texts) bytes += text.size();
  TextTable table;
  table.reserve(texts.size(), bytes);
  for (const std::string& text : texts) table.push_back(text);
  return table;
}

// The bytes a token stands for (token_to_piece with special): SPM and WPM write a space as "▁",
// BPE texts are byte-level encoded, "<0xAB>" is the byte 0xAB.
std::string piece_of(VocabModel model, TokenType type, const std::string& text) {
  switch (type) {
    case TokenType::Normal:
      return model == VocabModel::Bpe ? utf8::byte_level_decode(text)
                                      : utf8::replace_all(text, k_spm_space, " ");
    case TokenType::Byte:
      // Anything but "<0xAB>" (a damaged file: "<0xZZ>", found by fuzz_gguf) is its own text.
      if (text.size() == 6 && text.starts_with("<0x") && text.back() == '>') {
        unsigned value = 0;
        const auto [end, error] = std::from_chars(text.data() + 3, text.data() + 5, value, 16);
        if (error == std::errc() && end == text.data() + 5) return std::string(1, static_cast<char>(value));
      }
      return text;
    case TokenType::Control:
    case TokenType::UserDefined:
    case TokenType::Unknown:
      return text;
    case TokenType::Undefined:
    case TokenType::Unused:
      break;
  }
  return {};  // stands for no text, as in llama.cpp
}

// What a vocabulary must satisfy before it is indexed: array lengths that agree, special ids
// in range, the ids the flags need.
void check_vocabulary(const Vocabulary& vocab, const std::string& source) {
  const size_t n = vocab.tokens.size();
  if (n == 0) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: tokenizer.ggml.tokens is missing or empty", source));
  }
  if (n > static_cast<size_t>(INT32_MAX) / 2) {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}: {} tokens is too many", source, n));
  }
  if (vocab.merges.size() > static_cast<size_t>(INT32_MAX) / 2) {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}: {} merges is too many", source, vocab.merges.size()));
  }
  if (!vocab.scores.empty() && vocab.scores.size() != n) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: tokenizer.ggml.scores has {} entries but tokenizer.ggml.tokens "
                            "has {}",
                            source, vocab.scores.size(), n));
  }
  if (!vocab.types.empty() && vocab.types.size() != n) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: tokenizer.ggml.token_type has {} entries but "
                            "tokenizer.ggml.tokens has {}",
                            source, vocab.types.size(), n));
  }
  const auto check_id = [&](const std::optional<TokenId>& id, std::string_view key) {
    if (id && (*id < 0 || static_cast<size_t>(*id) >= n)) {
      throw Error(ErrorCode::InvalidFile,
                  fmt::format("{}: tokenizer.ggml.{} = {} is outside the vocabulary of {} tokens",
                              source, key, *id, n));
    }
  };
  check_id(vocab.bos, "bos_token_id");
  check_id(vocab.eos, "eos_token_id");
  check_id(vocab.eot, "eot_token_id");
  check_id(vocab.unk, "unknown_token_id");
  check_id(vocab.pad, "padding_token_id");
  if (vocab.add_bos && !vocab.bos) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: add_bos_token is set but there is no bos_token_id", source));
  }
  if (vocab.add_eos && !vocab.eos) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: add_eos_token is set but there is no eos_token_id", source));
  }
  if (vocab.model == VocabModel::Wpm && !vocab.unk) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: a WordPiece vocabulary needs an unknown_token_id", source));
  }
}

} // namespace

Tokenizer::Tokenizer(Vocabulary vocab, const std::string& source) {
  check_vocabulary(vocab, source);
  index(std::move(vocab), source);
}

int32_t Tokenizer::find_text(const IdHashTable& ids, std::string_view text) const {
  return ids.find(text_hash(text), [&](int32_t id) { return texts_[static_cast<size_t>(id)] == text; });
}

// Moves the vocabulary into the compact tables, checking what only indexing finds (duplicate
// texts, merges that name unknown tokens). The Vocabulary itself is not kept.
void Tokenizer::index(Vocabulary vocab, const std::string& source) {
  const size_t n = vocab.tokens.size();
  config_ = static_cast<VocabularyConfig&&>(vocab);
  types_ = std::move(vocab.types);
  if (types_.empty()) types_.assign(n, TokenType::Normal);
  scores_ = std::move(vocab.scores);
  texts_ = text_table(vocab.tokens);
  const IdHashTable all_ids = index_texts(source);
  index_byte_tokens(all_ids);
  if (config_.model == VocabModel::Bpe) {
    pre_.emplace(config_.pre);
    index_merges(vocab.merges, all_ids, source);
  }
  index_end_of_generation(all_ids);
  std::vector<std::string> pieces(n);
  for (size_t i = 0; i < n; ++i) pieces[i] = piece_of(config_.model, types_[i], vocab.tokens[i]);
  pieces_ = text_table(pieces);
}

// The ids of every token's text (to find duplicates, byte tokens, merge halves and end
// markers), the plain tokens' ids and the special tokens, longest first.
IdHashTable Tokenizer::index_texts(const std::string& source) {
  const size_t n = texts_.size();
  IdHashTable all_ids(n);
  plain_ids_ = IdHashTable(static_cast<size_t>(std::ranges::count_if(types_, is_plain)));
  for (size_t i = 0; i < n; ++i) {
    const std::string_view text = texts_[i];
    const auto id = static_cast<TokenId>(i);
    if (text.empty()) {
      continue;  // llama.cpp tolerates empty entries; they can never be produced from text
    }
    const auto same_text = [&](int32_t other) { return texts_[static_cast<size_t>(other)] == text; };
    if (const int32_t first = all_ids.insert(text_hash(text), id, same_text); first >= 0) {
      throw Error(ErrorCode::InvalidFile,
                  fmt::format("{}: tokenizer.ggml.tokens has '{}' twice (ids {} and {})", source,
                              text, first, id));
    }
    if (is_plain(types_[i])) {
      plain_ids_.insert(text_hash(text), id, same_text);
      longest_token_bytes_ = std::max(longest_token_bytes_, text.size());
    }
    if (is_special(types_[i])) {
      special_tokens_.push_back(id);
    }
  }
  std::stable_sort(special_tokens_.begin(), special_tokens_.end(), [&](TokenId a, TokenId b) {
    return texts_[a].size() > texts_[b].size();
  });
  return all_ids;
}

void Tokenizer::index_byte_tokens(const IdHashTable& all_ids) {
  byte_tokens_.fill(-1);
  for (int b = 0; b < 256; ++b) {
    std::string text;
    if (config_.model == VocabModel::Bpe) {
      utf8::append(text, utf8::byte_to_code_point(static_cast<unsigned char>(b)));
    } else {
      text = fmt::format("<0x{:02X}>", b);
    }
    if (const int32_t id = find_text(all_ids, text); id >= 0) {
      byte_tokens_[b] = id;
    } else if (config_.model == VocabModel::Spm) {
      byte_tokens_[b] = find_text(all_ids, std::string(1, static_cast<char>(b)));
    }
  }
}

// eos and eot as the vocabulary names them (these stop even when they are a message end), then
// the end markers it has.
void Tokenizer::index_end_of_generation(const IdHashTable& all_ids) {
  const auto has = [&](std::string_view text) { return find_text(all_ids, text) >= 0; };
  const auto ends_only_a_message = [&](std::string_view marker) {
    return std::ranges::any_of(k_message_ends, [&](const MessageEnd& m) {
      return m.marker == marker && std::ranges::all_of(m.family, has);
    });
  };
  for (const auto& id : {config_.eos, config_.eot}) {
    if (id) end_of_generation_.push_back(*id);
  }
  for (const auto marker : k_end_markers) {
    if (const int32_t id = find_text(all_ids, marker); id >= 0 && !ends_only_a_message(marker)) {
      end_of_generation_.push_back(id);
    }
  }
}

void Tokenizer::index_merges(const std::vector<std::string>& merges, const IdHashTable& all_ids,
                             const std::string& source) {
  merges_.reserve(merges.size());
  merge_ranks_ = IdHashTable(merges.size());
  for (size_t rank = 0; rank < merges.size(); ++rank) {
    const std::string& merge = merges[rank];
    // The first space after position 0 separates the halves (a half may itself be " ").
    const size_t space = merge.size() > 1 ? merge.find(' ', 1) : std::string::npos;
    if (space == std::string::npos) {
      throw Error(ErrorCode::InvalidFile,
                  fmt::format("{}: tokenizer.ggml.merges[{}] = '{}' is not two tokens "
                              "separated by a space",
                              source, rank, merge));
    }
    const std::string left = merge.substr(0, space);
    const std::string right = merge.substr(space + 1);
    const auto lookup = [&](const std::string& text) {
      const int32_t id = find_text(all_ids, text);
      if (id < 0) {
        throw Error(ErrorCode::InvalidFile,
                    fmt::format("{}: tokenizer.ggml.merges[{}] = '{}' refers to '{}', which "
                                "is not in tokenizer.ggml.tokens",
                                source, rank, merge, text));
      }
      return id;
    };
    const Merge m{lookup(left), lookup(right), lookup(left + right)};
    merges_.push_back(m);
    // A pair listed twice merges at its first rank.
    merge_ranks_.insert(pair_key(m.left, m.right), static_cast<int32_t>(rank), [&](int32_t other) {
      return merges_[static_cast<size_t>(other)].joins(m.left, m.right);
    });
  }
}

std::string_view Tokenizer::token_text(TokenId id) const {
  type(id);  // the range check
  return texts_[static_cast<size_t>(id)];
}

TokenType Tokenizer::type(TokenId id) const {
  if (id < 0 || static_cast<size_t>(id) >= texts_.size()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("token id {} is outside the vocabulary of {} tokens", id,
                            texts_.size()));
  }
  return types_[static_cast<size_t>(id)];
}

std::optional<TokenId> Tokenizer::plain_token(std::string_view text) const {
  const int32_t id = find_text(plain_ids_, text);
  if (id < 0) return std::nullopt;
  return id;
}

TokenId Tokenizer::byte_fallback(unsigned char byte) const {
  if (byte_tokens_[byte] >= 0) return byte_tokens_[byte];
  return config_.unk.value_or(-1);
}

std::vector<Tokenizer::Fragment> Tokenizer::partition(std::string_view text,
                                                      bool parse_special) const {
  std::vector<Fragment> fragments;
  if (text.empty()) return fragments;
  fragments.push_back({text, -1});
  std::vector<Fragment> next;
  // Longest special token first, each splitting the text fragments left by the longer ones.
  for (const TokenId id : special_tokens_) {
    if (!parse_special && types_[id] != TokenType::UserDefined) continue;
    const std::string_view special = texts_[id];
    if (text.find(special) == std::string_view::npos) continue;
    next.clear();
    for (const Fragment& f : fragments) {
      if (f.token >= 0) {
        next.push_back(f);
        continue;
      }
      size_t pos = 0;
      while (true) {
        const size_t m = f.text.find(special, pos);
        if (m == std::string_view::npos) break;
        if (m > pos) next.push_back({f.text.substr(pos, m - pos), -1});
        next.push_back({{}, id});
        pos = m + special.size();
      }
      if (pos < f.text.size()) next.push_back({f.text.substr(pos), -1});
    }
    fragments.swap(next);
  }
  return fragments;
}

std::vector<TokenId> Tokenizer::encode(std::string_view text, bool add_special,
                                       bool parse_special) const {
  std::vector<TokenId> out;
  out.reserve(text.size() / 3 + 4);
  if (add_special && config_.add_bos) out.push_back(*config_.bos);
  // SPM puts a space in front of text that starts the input or follows a special token.
  bool after_special = true;
  for (const Fragment& f : partition(text, parse_special)) {
    if (f.token >= 0) {
      out.push_back(f.token);
      after_special = true;
      continue;
    }
    if (config_.model == VocabModel::Bpe) {
      encode_bpe(f.text, out);
    } else if (config_.model == VocabModel::Wpm) {
      encode_wpm(f.text, out);
    } else {
      std::string spm_text;
      if (config_.add_space_prefix && after_special) spm_text = " ";
      spm_text.append(f.text);
      encode_spm(utf8::replace_all(spm_text, " ", k_spm_space), out);
    }
    after_special = false;
  }
  if (add_special && config_.add_eos) out.push_back(*config_.eos);
  return out;
}

void Tokenizer::encode_bpe(std::string_view text, std::vector<TokenId>& out) const {
  for (const std::string_view word : pre_->split(text)) {
    encode_bpe_word(word, out);
  }
}

// Byte-level BPE: start from one symbol per byte, repeatedly merge the adjacent pair with the
// lowest merge rank (leftmost on ties) until no pair has a rank.
void Tokenizer::encode_bpe_word(std::string_view word, std::vector<TokenId>& out) const {
  if (pre_->spec().ignore_merges) {
    if (const auto id = plain_token(utf8::byte_level_encode(word))) {
      out.push_back(*id);
      return;
    }
  }
  struct Symbol {
    TokenId id;
    int prev;
    int next;
  };
  struct Candidate {
    int32_t rank;
    int left;
    int right;
    TokenId left_id;
    TokenId right_id;
    TokenId result;
    bool operator>(const Candidate& o) const {
      return rank != o.rank ? rank > o.rank : left > o.left;
    }
  };
  const int n = static_cast<int>(word.size());
  std::vector<Symbol> symbols(n);
  for (int i = 0; i < n; ++i) {
    symbols[i] = {byte_tokens_[static_cast<unsigned char>(word[i])], i - 1, i + 1 < n ? i + 1 : -1};
  }
  std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> queue;
  const auto consider = [&](int left, int right) {
    if (left < 0 || right < 0) return;
    const TokenId l = symbols[left].id;
    const TokenId r = symbols[right].id;
    if (l < 0 || r < 0) return;
    const int32_t rank = merge_ranks_.find(
        pair_key(l, r), [&](int32_t m) { return merges_[static_cast<size_t>(m)].joins(l, r); });
    if (rank < 0) return;
    queue.push({rank, left, right, l, r, merges_[static_cast<size_t>(rank)].result});
  };
  for (int i = 0; i + 1 < n; ++i) consider(i, i + 1);
  while (!queue.empty()) {
    const Candidate c = queue.top();
    queue.pop();
    Symbol& left = symbols[c.left];
    Symbol& right = symbols[c.right];
    // Stale if either side has merged with something else since the pair was queued.
    if (left.id != c.left_id || right.id != c.right_id || left.next != c.right) continue;
    left.id = c.result;
    left.next = right.next;
    if (right.next >= 0) symbols[right.next].prev = c.left;
    right.id = -2;  // absorbed
    consider(left.prev, c.left);
    consider(c.left, left.next);
  }
  for (int i = n > 0 ? 0 : -1; i >= 0; i = symbols[i].next) {
    if (symbols[i].id >= 0) {
      out.push_back(symbols[i].id);
    } else if (config_.unk) {
      out.push_back(*config_.unk);  // a byte the vocabulary cannot express
    }
  }
}

// SentencePiece BPE: start from one symbol per UTF-8 character, repeatedly merge the adjacent
// pair whose concatenation is the vocabulary piece with the highest score (leftmost on ties).
// Symbols that end up as no piece are spelled with byte tokens <0xNN>.
void Tokenizer::encode_spm(const std::string& text, std::vector<TokenId>& out) const {
  struct Symbol {
    size_t offset;
    size_t length;  // 0 once merged into the left neighbour
    int prev;
    int next;
  };
  struct Candidate {
    float score;
    int left;
    int right;
    size_t length;
    bool operator<(const Candidate& o) const {
      return score != o.score ? score < o.score : left > o.left;
    }
  };
  std::vector<Symbol> symbols;
  for (size_t off = 0; off < text.size();) {
    const size_t len =
        std::min(utf8::sequence_length(static_cast<unsigned char>(text[off])), text.size() - off);
    const int index = static_cast<int>(symbols.size());
    symbols.push_back({off, len, index - 1, off + len < text.size() ? index + 1 : -1});
    off += len;
  }
  std::priority_queue<Candidate> queue;
  const auto consider = [&](int left, int right) {
    if (left < 0 || right < 0) return;
    const size_t length = symbols[left].length + symbols[right].length;
    const auto id = plain_token(std::string_view(text).substr(symbols[left].offset, length));
    if (!id) return;
    const float score = scores_.empty() ? 0.0f : scores_[static_cast<size_t>(*id)];
    queue.push({score, left, right, length});
  };
  for (int i = 0; i + 1 < static_cast<int>(symbols.size()); ++i) consider(i, i + 1);
  while (!queue.empty()) {
    const Candidate c = queue.top();
    queue.pop();
    Symbol& left = symbols[c.left];
    Symbol& right = symbols[c.right];
    if (left.length == 0 || right.length == 0 || left.length + right.length != c.length) continue;
    left.length += right.length;
    right.length = 0;
    left.next = right.next;
    if (right.next >= 0) symbols[right.next].prev = c.left;
    consider(left.prev, c.left);
    consider(c.left, left.next);
  }
  for (int i = symbols.empty() ? -1 : 0; i >= 0; i = symbols[i].next) {
    const std::string_view piece = std::string_view(text).substr(symbols[i].offset, symbols[i].length);
    if (const auto id = plain_token(piece)) {
      out.push_back(*id);
      continue;
    }
    for (const char b : piece) {
      const TokenId id = byte_fallback(static_cast<unsigned char>(b));
      if (id >= 0) out.push_back(id);
    }
  }
}

// WordPiece: each word, with "▁" in front, is covered left to right by the longest tokens that
// match (compared byte by byte, as llama.cpp does); a word that cannot be covered entirely is
// one unknown token.
void Tokenizer::encode_wpm(std::string_view text, std::vector<TokenId>& out) const {
  for (const std::string& word : wordpiece_words(text)) {
    const std::string marked = std::string(k_spm_space) + word;
    const size_t first = out.size();
    for (size_t i = 0; i < marked.size();) {
      std::optional<TokenId> id;
      size_t length = std::min(marked.size() - i, longest_token_bytes_);
      for (; length > 0; --length) {
        if ((id = plain_token(std::string_view(marked).substr(i, length)))) break;
      }
      if (!id) {
        out.resize(first);
        break;
      }
      out.push_back(*id);
      i += length;
    }
    if (out.size() == first) out.push_back(*config_.unk);
  }
}

std::string Tokenizer::token_to_piece(TokenId id, bool special) const {
  const TokenType t = type(id);
  if (!special && (t == TokenType::Control || t == TokenType::Unknown)) return {};
  return std::string(pieces_[static_cast<size_t>(id)]);
}

bool Tokenizer::is_end_of_generation(TokenId id) const {
  return std::find(end_of_generation_.begin(), end_of_generation_.end(), id) !=
         end_of_generation_.end();
}

bool Tokenizer::strips_leading_space() const {
  return (config_.model == VocabModel::Spm && config_.add_space_prefix) ||
         config_.model == VocabModel::Wpm;
}

std::string Tokenizer::decode(std::span<const TokenId> ids, bool special) const {
  std::string out;
  for (const TokenId id : ids) out += token_to_piece(id, special);
  if (strips_leading_space() && !out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

Detokenizer::Detokenizer(const Tokenizer& tokenizer, bool special)
    : tokenizer_(tokenizer), special_(special) {}

std::string Detokenizer::feed(TokenId id) {
  std::string piece = tokenizer_.token_to_piece(id, special_);
  if (at_start_ && !piece.empty()) {
    if (tokenizer_.strips_leading_space() && piece.front() == ' ') piece.erase(0, 1);
    at_start_ = false;
  }
  pending_ += piece;
  std::string out;
  size_t i = 0;
  while (i < pending_.size()) {
    const std::string_view rest = std::string_view(pending_).substr(i);
    if (const auto d = utf8::decode(rest)) {
      out.append(rest.substr(0, d->length));
      i += d->length;
    } else if (utf8::is_incomplete_prefix(rest)) {
      break;  // the rest of this character is in tokens still to come
    } else {
      out.append(k_replacement);
      i += 1;
    }
  }
  pending_.erase(0, i);
  return out;
}

std::string Detokenizer::flush() {
  if (pending_.empty()) return {};
  pending_.clear();
  return std::string(k_replacement);
}

} // namespace sikao::tokenizer
