#pragma once
// A tokenizer vocabulary as GGUF stores it under `tokenizer.ggml.*`: plain data, checked when a
// Tokenizer is built from it. Loaders: from_gguf (model files) and from_hf_tokenizer_json
// (Hugging Face tokenizer.json, for vocabularies that come without a GGUF).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sikao::gguf {
class GgufFile;
}

namespace sikao::tokenizer {

using TokenId = int32_t;

// tokenizer.ggml.token_type values (llama.cpp's LLAMA_TOKEN_TYPE_*).
enum class TokenType : int32_t {
  Undefined = 0,
  Normal = 1,
  Unknown = 2,
  Control = 3,      // <s>, <|im_start|>: only produced from text when parse_special is set
  UserDefined = 4,  // added tokens that are always matched as a unit, as Hugging Face does
  Unused = 5,
  Byte = 6,         // SentencePiece byte fallback, text "<0xNN>"
};

// tokenizer.ggml.model
enum class VocabModel {
  Bpe,  // "gpt2": byte-level BPE with merges and a regex pre-tokenizer
  Spm,  // "llama": SentencePiece BPE over scores, byte fallback, "▁" for spaces
  Wpm,  // "bert": WordPiece, longest match; word-initial tokens start with "▁", the rest
        // (Hugging Face's "##" continuations) have no prefix
};

// How a vocabulary is used: everything but its tokens and merges, which a Tokenizer keeps in
// compact form (token_tables.h).
struct VocabularyConfig {
  VocabModel model = VocabModel::Bpe;
  std::string pre = "default";  // tokenizer.ggml.pre: names a row of the pre-tokenizer table

  std::optional<TokenId> bos;  // WPM: [CLS]
  std::optional<TokenId> eos;  // WPM: [SEP]
  std::optional<TokenId> eot;
  std::optional<TokenId> unk;
  std::optional<TokenId> pad;

  bool add_bos = false;
  bool add_eos = false;
  bool add_space_prefix = false;  // SPM: "hello" is encoded as "▁hello"
};

struct Vocabulary : VocabularyConfig {
  std::vector<std::string> tokens;   // id -> text (byte-level encoded for BPE, "▁" spaces for SPM
                                     // and WPM)
  std::vector<float> scores;         // SPM merge priorities; empty or one per token
  std::vector<TokenType> types;      // empty (all Normal) or one per token
  std::vector<std::string> merges;   // BPE: "left right", earlier = higher priority
};

// Where a vocabulary came from, for error messages ("tokenizer.ggml.scores in model.gguf: ...").
std::string_view to_string(VocabModel model);
std::optional<VocabModel> vocab_model_from_name(std::string_view name);

// Reads tokenizer.ggml.* from a model file. Defaults where keys are absent follow llama.cpp
// (SPM: bos 1, eos 2, unk 0, add_bos, add_space_prefix; WPM: [CLS] 101 as bos, [SEP] 102 as
// eos, both added, unk 100; BPE without tokenizer.ggml.pre: "default"). Throws
// sikao::Error(InvalidFile) for missing tokens or merges and keys of the wrong type, Unsupported
// for other tokenizer models (e.g. "t5" Unigram).
Vocabulary from_gguf(const gguf::GgufFile& file);

// Reads a Hugging Face tokenizer.json (model.type "BPE") into a Vocabulary, as llama.cpp's
// converter would write it into a GGUF. Added tokens marked special (or looking like <|...|>,
// <unused0>) become Control, the others UserDefined; bos, eos and add_bos come from a
// tokenizer_config.json beside the file.
//  - byte-level BPE (GPT-2, Llama 3, Qwen, DeepSeek V3, gpt-oss): the regex pre-tokenizer is
//    the row of our pre-tokenizer table whose hf_regexes are the file's pre_tokenizer (its Split
//    regexes, character for character); `pre` names a row instead (for a file whose regex is
//    spelled differently).
//  - BPE with byte_fallback (Gemma 3, Llama 2): a converted SentencePiece model; it becomes an
//    SPM vocabulary ("llama") whose scores are the merge ranks, `pre` is not used. Only the
//    normalizers such files have are supported (spaces to "▁", optionally a "▁" in front).
// Throws sikao::Error: Io, InvalidFile (not JSON, missing or malformed vocab / merges / added
// tokens, a merge naming a token that is not in the vocabulary), Unsupported (another model
// type, normalizer or pre-tokenizer, a pre_tokenizer no row has and no `pre`; an unknown `pre`).
Vocabulary from_hf_tokenizer_json(const std::string& path,
                                  const std::optional<std::string>& pre = std::nullopt);

} // namespace sikao::tokenizer
