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

// eos and eot as the vocabulary names them (these stop even when they are a message end), then
// the end markers it has.
std::vector<TokenId> end_of_generation_tokens(
    const Vocabulary& vocab, const std::unordered_map<std::string, TokenId>& ids) {
  const auto has = [&](std::string_view text) { return ids.contains(std::string(text)); };
  const auto ends_only_a_message = [&](std::string_view marker) {
    return std::ranges::any_of(k_message_ends, [&](const MessageEnd& m) {
      return m.marker == marker && std::ranges::all_of(m.family, has);
    });
  };
  std::vector<TokenId> tokens;
  for (const auto& id : {vocab.eos, vocab.eot}) {
    if (id) tokens.push_back(*id);
  }
  for (const auto marker : k_end_markers) {
    if (const auto it = ids.find(std::string(marker));
        it != ids.end() && !ends_only_a_message(marker)) {
      tokens.push_back(it->second);
    }
  }
  return tokens;
}

} // namespace

Tokenizer::Tokenizer(Vocabulary vocab, const std::string& source) : vocab_(std::move(vocab)) {
  check_and_index(source);
}

void Tokenizer::check_and_index(const std::string& source) {
  const size_t n = vocab_.tokens.size();
  if (n == 0) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: tokenizer.ggml.tokens is missing or empty", source));
  }
  if (n > static_cast<size_t>(INT32_MAX)) {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}: {} tokens is too many", source, n));
  }
  if (!vocab_.scores.empty() && vocab_.scores.size() != n) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: tokenizer.ggml.scores has {} entries but tokenizer.ggml.tokens "
                            "has {}",
                            source, vocab_.scores.size(), n));
  }
  if (vocab_.types.empty()) {
    vocab_.types.assign(n, TokenType::Normal);
  } else if (vocab_.types.size() != n) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: tokenizer.ggml.token_type has {} entries but "
                            "tokenizer.ggml.tokens has {}",
                            source, vocab_.types.size(), n));
  }
  const auto check_id = [&](const std::optional<TokenId>& id, std::string_view key) {
    if (id && (*id < 0 || static_cast<size_t>(*id) >= n)) {
      throw Error(ErrorCode::InvalidFile,
                  fmt::format("{}: tokenizer.ggml.{} = {} is outside the vocabulary of {} tokens",
                              source, key, *id, n));
    }
  };
  check_id(vocab_.bos, "bos_token_id");
  check_id(vocab_.eos, "eos_token_id");
  check_id(vocab_.eot, "eot_token_id");
  check_id(vocab_.unk, "unknown_token_id");
  check_id(vocab_.pad, "padding_token_id");
  if (vocab_.add_bos && !vocab_.bos) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: add_bos_token is set but there is no bos_token_id", source));
  }
  if (vocab_.add_eos && !vocab_.eos) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: add_eos_token is set but there is no eos_token_id", source));
  }
  if (vocab_.model == VocabModel::Wpm && !vocab_.unk) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: a WordPiece vocabulary needs an unknown_token_id", source));
  }

  std::unordered_map<std::string, TokenId> all_ids;
  all_ids.reserve(n);
  plain_ids_.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string& text = vocab_.tokens[i];
    const auto id = static_cast<TokenId>(i);
    if (text.empty()) {
      continue;  // llama.cpp tolerates empty entries; they can never be produced from text
    }
    const auto [it, inserted] = all_ids.emplace(text, id);
    if (!inserted) {
      throw Error(ErrorCode::InvalidFile,
                  fmt::format("{}: tokenizer.ggml.tokens has '{}' twice (ids {} and {})", source,
                              text, it->second, id));
    }
    if (is_plain(vocab_.types[i])) {
      plain_ids_.emplace(text, id);
      longest_token_bytes_ = std::max(longest_token_bytes_, text.size());
    }
    if (is_special(vocab_.types[i])) {
      special_tokens_.push_back(id);
    }
  }
  std::stable_sort(special_tokens_.begin(), special_tokens_.end(), [&](TokenId a, TokenId b) {
    return vocab_.tokens[a].size() > vocab_.tokens[b].size();
  });

  byte_tokens_.fill(-1);
  for (int b = 0; b < 256; ++b) {
    std::string text;
    if (vocab_.model == VocabModel::Bpe) {
      utf8::append(text, utf8::byte_to_code_point(static_cast<unsigned char>(b)));
    } else {
      text = fmt::format("<0x{:02X}>", b);
    }
    if (const auto it = all_ids.find(text); it != all_ids.end()) {
      byte_tokens_[b] = it->second;
    } else if (vocab_.model == VocabModel::Spm) {
      if (const auto raw = all_ids.find(std::string(1, static_cast<char>(b))); raw != all_ids.end()) {
        byte_tokens_[b] = raw->second;
      }
    }
  }

  if (vocab_.model == VocabModel::Bpe) {
    pre_.emplace(vocab_.pre);
    merges_.reserve(vocab_.merges.size());
    for (size_t rank = 0; rank < vocab_.merges.size(); ++rank) {
      const std::string& merge = vocab_.merges[rank];
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
        const auto it = all_ids.find(text);
        if (it == all_ids.end()) {
          throw Error(ErrorCode::InvalidFile,
                      fmt::format("{}: tokenizer.ggml.merges[{}] = '{}' refers to '{}', which "
                                  "is not in tokenizer.ggml.tokens",
                                  source, rank, merge, text));
        }
        return it->second;
      };
      const TokenId l = lookup(left);
      const TokenId r = lookup(right);
      const TokenId result = lookup(left + right);
      merges_.emplace(pair_key(l, r), Merge{static_cast<int32_t>(rank), result});
    }
  }

  end_of_generation_ = end_of_generation_tokens(vocab_, all_ids);

  pieces_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string& text = vocab_.tokens[i];
    switch (vocab_.types[i]) {
      case TokenType::Normal:
        // SPM and WPM write a space as "▁".
        pieces_[i] = vocab_.model == VocabModel::Bpe ? utf8::byte_level_decode(text)
                                                     : utf8::replace_all(text, k_spm_space, " ");
        break;
      case TokenType::Byte:
        // "<0xAB>" is the byte 0xAB; anything else (a damaged file: "<0xZZ>", found by
        // fuzz_gguf) is its own text.
        pieces_[i] = text;
        if (text.size() == 6 && text.starts_with("<0x") && text.back() == '>') {
          unsigned value = 0;
          const auto [end, error] = std::from_chars(text.data() + 3, text.data() + 5, value, 16);
          if (error == std::errc() && end == text.data() + 5) pieces_[i] = std::string(1, static_cast<char>(value));
        }
        break;
      case TokenType::Control:
      case TokenType::UserDefined:
      case TokenType::Unknown:
        pieces_[i] = text;
        break;
      case TokenType::Undefined:
      case TokenType::Unused:
        break;  // stands for no text, as in llama.cpp
    }
  }
}

TokenType Tokenizer::type(TokenId id) const {
  if (id < 0 || static_cast<size_t>(id) >= vocab_.tokens.size()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("token id {} is outside the vocabulary of {} tokens", id,
                            vocab_.tokens.size()));
  }
  return vocab_.types[id];
}

std::optional<TokenId> Tokenizer::plain_token(std::string_view text) const {
  const auto it = plain_ids_.find(text);
  if (it == plain_ids_.end()) return std::nullopt;
  return it->second;
}

TokenId Tokenizer::byte_fallback(unsigned char byte) const {
  if (byte_tokens_[byte] >= 0) return byte_tokens_[byte];
  return vocab_.unk.value_or(-1);
}

std::vector<Tokenizer::Fragment> Tokenizer::partition(std::string_view text,
                                                      bool parse_special) const {
  std::vector<Fragment> fragments;
  if (text.empty()) return fragments;
  fragments.push_back({text, -1});
  std::vector<Fragment> next;
  // Longest special token first, each splitting the text fragments left by the longer ones.
  for (const TokenId id : special_tokens_) {
    if (!parse_special && vocab_.types[id] != TokenType::UserDefined) continue;
    const std::string& special = vocab_.tokens[id];
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
  if (add_special && vocab_.add_bos) out.push_back(*vocab_.bos);
  // SPM puts a space in front of text that starts the input or follows a special token.
  bool after_special = true;
  for (const Fragment& f : partition(text, parse_special)) {
    if (f.token >= 0) {
      out.push_back(f.token);
      after_special = true;
      continue;
    }
    if (vocab_.model == VocabModel::Bpe) {
      encode_bpe(f.text, out);
    } else if (vocab_.model == VocabModel::Wpm) {
      encode_wpm(f.text, out);
    } else {
      std::string spm_text;
      if (vocab_.add_space_prefix && after_special) spm_text = " ";
      spm_text.append(f.text);
      encode_spm(utf8::replace_all(spm_text, " ", k_spm_space), out);
    }
    after_special = false;
  }
  if (add_special && vocab_.add_eos) out.push_back(*vocab_.eos);
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
    const auto it = merges_.find(pair_key(l, r));
    if (it == merges_.end()) return;
    queue.push({it->second.rank, left, right, l, r, it->second.result});
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
    } else if (vocab_.unk) {
      out.push_back(*vocab_.unk);  // a byte the vocabulary cannot express
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
    const float score = vocab_.scores.empty() ? 0.0f : vocab_.scores[*id];
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
    if (out.size() == first) out.push_back(*vocab_.unk);
  }
}

std::string Tokenizer::token_to_piece(TokenId id, bool special) const {
  const TokenType t = type(id);
  if (!special && (t == TokenType::Control || t == TokenType::Unknown)) return {};
  return pieces_[id];
}

bool Tokenizer::is_end_of_generation(TokenId id) const {
  return std::find(end_of_generation_.begin(), end_of_generation_.end(), id) !=
         end_of_generation_.end();
}

bool Tokenizer::strips_leading_space() const {
  return (vocab_.model == VocabModel::Spm && vocab_.add_space_prefix) ||
         vocab_.model == VocabModel::Wpm;
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
