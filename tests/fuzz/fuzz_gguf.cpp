// libFuzzer target: the GGUF reader and what reads its metadata (the model configuration, the
// vocabulary, the chat information). Malformed input must end in sikao::Error, never in a crash,
// an out-of-bounds read (AddressSanitizer) or undefined behaviour (UBSan).

#include <cstdint>

#include "chat/chat_template.h"
#include "common/error.h"
#include "fuzz_input.h"
#include "gguf/gguf.h"
#include "gguf/model_summary.h"
#include "model/model_config.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/vocabulary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sikao::fuzz::MemoryFile file(data, size);
  try {
    const auto gguf = sikao::gguf::GgufFile::open_single_file(file.path());
    for (const auto& entry : gguf.metadata()) (void)sikao::gguf::format_value(entry.value);
    try {
      (void)sikao::model::read_config(gguf);
    } catch (const sikao::Error&) {
    }
    try {
      (void)sikao::chat::model_chat_info(gguf);
    } catch (const sikao::Error&) {
    }
    try {
      (void)sikao::gguf::summarize(gguf);
    } catch (const sikao::Error&) {
    }
    const sikao::tokenizer::Tokenizer tok(sikao::tokenizer::from_gguf(gguf), file.path());
    (void)tok.encode("Hello, 世界! <|im_start|> 123", true, true);
  } catch (const sikao::Error&) {
  }
  return 0;
}
