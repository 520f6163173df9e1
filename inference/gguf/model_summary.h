#pragma once
// What `sikao-cli info` reports about a GGUF file: architecture and shape from the metadata,
// tensor statistics from the tensor table, and the tokenizer keys. Every field is optional where
// the file may lack it (vocab-only files have no tensors and no architecture keys).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gguf/gguf.h"

namespace sikao::gguf {

struct TypeUsage {
  TensorType type;
  uint64_t tensors = 0;
  uint64_t bytes = 0;
  uint64_t elements = 0;
};

struct ModelSummary {
  uint32_t version = 0;
  uint64_t file_size = 0;
  uint64_t metadata_count = 0;
  uint64_t tensor_count = 0;
  std::optional<std::string> architecture;
  std::optional<std::string> name;
  uint64_t parameters = 0;    // total elements over all tensors
  uint64_t tensor_bytes = 0;  // total tensor data bytes
  std::optional<uint64_t> context_length, embedding_length, block_count, feed_forward_length;
  std::optional<uint64_t> head_count, head_count_kv;
  // Mixtures of experts: experts per layer, chosen per token, and each expert's FFN length.
  std::optional<uint64_t> expert_count, expert_used_count, expert_feed_forward_length;
  std::optional<uint64_t> file_type;     // general.file_type (llama_ftype)
  std::optional<std::string> file_type_name;
  std::vector<TypeUsage> types;          // in type-id order, only types present
  std::optional<std::string> tokenizer_model, tokenizer_pre;
  std::optional<uint64_t> vocab_size;    // length of tokenizer.ggml.tokens
  bool has_chat_template = false;
  bool all_types_gpu_supported = true;
};

ModelSummary summarize(const GgufFile& file);

// llama.cpp's name for a `general.file_type` value ("Q4_K_M"), or nullopt for unknown values.
std::optional<std::string> file_type_name(uint64_t file_type);

} // namespace sikao::gguf
