#pragma once
// Text <-> token ids for the vocabularies GGUF models carry: byte-level BPE with a regex
// pre-tokenizer (tokenizer.ggml.model "gpt2"), SentencePiece-style BPE over scores with
// byte fallback ("llama") and WordPiece ("bert"). Matches llama.cpp / Hugging Face tokenizers
// id for id.
//
// Special tokens: Control tokens (<s>, <|im_start|>) are recognised in text only when the
// caller passes parse_special = true (templated text); in user text they are plain characters,
// so a user cannot inject a role switch by typing one. UserDefined tokens (added vocabulary
// such as DeepSeek's "ü" or GPT-NeoX's runs of spaces) are always matched as units, as Hugging
// Face and llama.cpp do; the vocabulary decides which kind a token is.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/token_tables.h"
#include "tokenizer/vocabulary.h"

namespace sikao::tokenizer {

class Tokenizer {
 public:
  // Checks the vocabulary (array lengths, duplicate or empty tokens, merges naming unknown
  // tokens, special ids out of range, unknown pre-tokenizer) and throws sikao::Error with
  // InvalidFile / Unsupported naming `source` (e.g. the model path) and the problem.
  explicit Tokenizer(Vocabulary vocab, const std::string& source = "vocabulary");

  // add_special: BOS / EOS as the vocabulary's add_bos / add_eos say.
  // parse_special: Control tokens written in the text become their ids.
  std::vector<TokenId> encode(std::string_view text, bool add_special, bool parse_special) const;

  // The bytes a token stands for. Control and Unknown tokens give their text only with
  // `special`, nothing otherwise. A piece may be part of a UTF-8 character (byte tokens).
  std::string token_to_piece(TokenId id, bool special = true) const;

  // All pieces concatenated, exact bytes (may be invalid UTF-8 when the ids are). For SPM
  // vocabularies with add_space_prefix, and for WPM, the space the encoder put in front is
  // removed again. (WPM gives "hello , world": words and punctuation each start with a space.)
  std::string decode(std::span<const TokenId> ids, bool special = false) const;

  const VocabularyConfig& vocabulary_config() const { return config_; }
  size_t n_tokens() const { return texts_.size(); }
  // The vocabulary's own text of a token (byte-level encoded for BPE, "▁" for spaces in SPM and
  // WPM, "<0x0A>" for a byte token), as opposed to the bytes it stands for (token_to_piece).
  std::string_view token_text(TokenId id) const;
  TokenType type(TokenId id) const;
  bool is_control(TokenId id) const { return type(id) == TokenType::Control; }
  // Tokens after which generation stops: eos, eot and the end-of-turn markers llama.cpp
  // recognises by text (<|im_end|>, <|eot_id|>, <|endoftext|>, <end_of_turn>, gpt-oss's
  // <|return|> and <|call|>, ...). In gpt-oss's vocabulary <|end|> ends a message inside the
  // turn (the reasoning before the answer), so there it is not one.
  bool is_end_of_generation(TokenId id) const;

 private:
  friend class Detokenizer;

  struct Fragment {
    std::string_view text;  // empty for a token
    TokenId token = -1;
  };
  // A BPE merge: left and right next to each other become result.
  struct Merge {
    TokenId left;
    TokenId right;
    TokenId result;
    bool joins(TokenId l, TokenId r) const { return left == l && right == r; }
  };
  void index(Vocabulary vocab, const std::string& source);
  IdHashTable index_texts(const std::string& source);
  void index_byte_tokens(const IdHashTable& all_ids);
  void index_end_of_generation(const IdHashTable& all_ids);
  void index_merges(const std::vector<std::string>& merges, const IdHashTable& all_ids,
                    const std::string& source);
  int32_t find_text(const IdHashTable& ids, std::string_view text) const;
  std::vector<Fragment> partition(std::string_view text, bool parse_special) const;
  void encode_bpe(std::string_view text, std::vector<TokenId>& out) const;
  void encode_bpe_word(std::string_view word, std::vector<TokenId>& out) const;
  void encode_spm(const std::string& text, std::vector<TokenId>& out) const;
  void encode_wpm(std::string_view text, std::vector<TokenId>& out) const;
  std::optional<TokenId> plain_token(std::string_view text) const;
  TokenId byte_fallback(unsigned char byte) const;
  bool strips_leading_space() const;

  VocabularyConfig config_;
  TextTable texts_;               // id -> the vocabulary's text
  std::vector<TokenType> types_;  // one per token
  std::vector<float> scores_;     // SPM merge priorities: empty or one per token
  std::optional<PreTokenizer> pre_;  // BPE only
  // Ids of the tokens that ordinary text may turn into (Normal and UserDefined), by text.
  IdHashTable plain_ids_;
  // BPE: the merges by rank (earlier = merged first), and their ranks by (left, right).
  std::vector<Merge> merges_;
  IdHashTable merge_ranks_;
  // BPE: the token of each byte's byte-level character; SPM: the <0xNN> token. -1 if none.
  std::array<TokenId, 256> byte_tokens_{};
  // Control, UserDefined and Unknown tokens, longest text first (matched in that order).
  std::vector<TokenId> special_tokens_;
  TextTable pieces_;  // token_to_piece(id, true) for every id
  std::vector<TokenId> end_of_generation_;
  size_t longest_token_bytes_ = 0;  // WPM: the longest match worth trying
};

// Streams text out of a sequence of token ids: feed() returns only complete UTF-8 characters,
// holding back a character whose bytes arrive over several tokens; bytes that can never form a
// character become U+FFFD, so the output is always valid UTF-8.
class Detokenizer {
 public:
  explicit Detokenizer(const Tokenizer& tokenizer, bool special = false);

  std::string feed(TokenId id);
  // At the end of the stream: an unfinished character held back so far, as U+FFFD.
  std::string flush();

 private:
  const Tokenizer& tokenizer_;
  bool special_;
  bool at_start_ = true;
  std::string pending_;
};

} // namespace sikao::tokenizer
