#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"
#include "gguf/gguf.h"
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/vocabulary.h"

namespace sikao::tokenizer {
namespace {

// -1, written as u32 0xFFFFFFFF by llama.cpp's tools (LLAMA_TOKEN_NULL), means "no such token".
std::optional<TokenId> read_id(const gguf::GgufFile& file, const char* key) {
  const auto v = file.get_int(key);
  if (!v || *v == -1 || *v == 0xFFFFFFFFll) return std::nullopt;
  if (*v < 0 || *v > static_cast<int64_t>(INT32_MAX)) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: {} = {} is not a token id", file.path().string(), key, *v));
  }
  return static_cast<TokenId>(*v);
}

TokenType token_type_from_gguf(int32_t t) {
  if (t >= static_cast<int32_t>(TokenType::Undefined) && t <= static_cast<int32_t>(TokenType::Byte)) {
    return static_cast<TokenType>(t);
  }
  return TokenType::Undefined;
}

} // namespace

Vocabulary from_gguf(const gguf::GgufFile& file) {
  const std::string path = file.path().string();
  const auto model_name = file.get_string("tokenizer.ggml.model");
  if (!model_name) {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}: no tokenizer.ggml.model", path));
  }
  const auto model = vocab_model_from_name(*model_name);
  if (!model) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: tokenizer model '{}' is not supported (supported: gpt2 = byte-level "
                            "BPE, llama = SentencePiece BPE, bert = WordPiece)",
                            path, *model_name));
  }

  Vocabulary vocab;
  vocab.model = *model;
  if (!file.find("tokenizer.ggml.tokens")) {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}: tokenizer.ggml.tokens is missing", path));
  }
  vocab.tokens = file.get_string_array("tokenizer.ggml.tokens");
  vocab.scores = file.get_float_array("tokenizer.ggml.scores");
  for (const int32_t t : file.get_int_array("tokenizer.ggml.token_type")) {
    vocab.types.push_back(token_type_from_gguf(t));
  }

  if (vocab.model == VocabModel::Bpe) {
    if (!file.find("tokenizer.ggml.merges")) {
      throw Error(ErrorCode::InvalidFile,
                  fmt::format("{}: tokenizer.ggml.merges is missing (a gpt2 vocabulary needs them)",
                              path));
    }
    vocab.merges = file.get_string_array("tokenizer.ggml.merges");
    if (const auto pre = file.get_string("tokenizer.ggml.pre")) {
      vocab.pre = *pre;
    } else {
      log::get("tokenizer")->warn("{}: no tokenizer.ggml.pre, using the 'default' pre-tokenizer", path);
      vocab.pre = "default";
    }
    const PreTokenizerSpec* spec = find_pre_tokenizer(vocab.pre);
    vocab.add_bos = spec != nullptr && spec->add_bos;
  } else {
    vocab.pre = "default";
    if (vocab.model == VocabModel::Spm) {
      vocab.bos = 1;
      vocab.eos = 2;
      vocab.unk = 0;
      vocab.add_space_prefix = true;
    } else {
      // BERT's [CLS] text [SEP] (llama.cpp's defaults; the file may name other ids below).
      vocab.bos = 101;
      vocab.eos = 102;
      vocab.unk = 100;
      vocab.add_eos = true;
    }
    vocab.add_bos = true;
    // llama.cpp drops a default id the vocabulary is too small for.
    for (auto* id : {&vocab.bos, &vocab.eos, &vocab.unk}) {
      if (static_cast<size_t>(**id) >= vocab.tokens.size()) id->reset();
    }
    if (vocab.model == VocabModel::Wpm) {
      if (const auto id = read_id(file, "tokenizer.ggml.cls_token_id")) vocab.bos = id;
      // Spelled so by llama.cpp's converter.
      if (const auto id = read_id(file, "tokenizer.ggml.seperator_token_id")) vocab.eos = id;
    }
  }

  if (const auto id = read_id(file, "tokenizer.ggml.bos_token_id")) vocab.bos = id;
  if (const auto id = read_id(file, "tokenizer.ggml.eos_token_id")) vocab.eos = id;
  if (const auto id = read_id(file, "tokenizer.ggml.eot_token_id")) vocab.eot = id;
  if (const auto id = read_id(file, "tokenizer.ggml.unknown_token_id")) vocab.unk = id;
  if (const auto id = read_id(file, "tokenizer.ggml.padding_token_id")) vocab.pad = id;
  if (const auto b = file.get_bool("tokenizer.ggml.add_bos_token")) vocab.add_bos = *b;
  if (const auto b = file.get_bool("tokenizer.ggml.add_eos_token")) vocab.add_eos = *b;
  if (const auto b = file.get_bool("tokenizer.ggml.add_space_prefix")) vocab.add_space_prefix = *b;
  return vocab;
}

} // namespace sikao::tokenizer
