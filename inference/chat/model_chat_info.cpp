#include <fmt/format.h>

#include "chat/chat_template.h"
#include "common/error.h"
#include "gguf/gguf.h"

namespace sikao::chat {

ModelChatInfo model_chat_info(const gguf::GgufFile& file) {
  ModelChatInfo info;
  info.chat_template = file.get_string("tokenizer.chat_template");
  info.architecture = file.get_string("general.architecture").value_or("");
  info.model_name = file.get_string("general.name").value_or("");
  info.pre_tokenizer = file.get_string("tokenizer.ggml.pre").value_or("");
  const auto bos = file.get_uint("tokenizer.ggml.bos_token_id");
  const auto eos = file.get_uint("tokenizer.ggml.eos_token_id");
  if (bos || eos) {
    const auto tokens = file.get_string_array("tokenizer.ggml.tokens");
    const auto text_of = [&](std::optional<uint64_t> id, std::string_view key) -> std::string {
      if (!id) return {};
      if (*id >= tokens.size()) {
        throw Error(ErrorCode::InvalidFile, fmt::format("{}: {} = {} is outside the vocabulary of {} tokens",
                                                        file.path().string(), key, *id, tokens.size()));
      }
      return tokens[*id];
    };
    info.bos_token = text_of(bos, "tokenizer.ggml.bos_token_id");
    info.eos_token = text_of(eos, "tokenizer.ggml.eos_token_id");
  }
  return info;
}

ModelChatInfo model_chat_info(const std::string& gguf_path) { return model_chat_info(gguf::GgufFile::open(gguf_path)); }

} // namespace sikao::chat
