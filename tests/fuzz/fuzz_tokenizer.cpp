// libFuzzer target: the tokenizers on arbitrary bytes, and the tokenizer.json reader. The first
// byte picks what the rest is: text for a byte-level BPE (Qwen3's tokenizer.json), for a
// SentencePiece vocabulary (SIKAO_FUZZ_SPM_VOCAB, a GGUF) or for
// WordPiece (SIKAO_FUZZ_WPM_VOCAB), each encoded with and without special tokens, decoded, and
// streamed back through the Detokenizer; or a tokenizer.json file. Invalid UTF-8 and malformed
// files must end in sikao::Error or valid output, never in a crash or undefined behaviour.

#include <cstdint>
#include <memory>
#include <string_view>

#include "common/error.h"
#include "fuzz_input.h"
#include "gguf/gguf.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/vocabulary.h"

namespace {

using sikao::tokenizer::Tokenizer;

std::unique_ptr<Tokenizer> from_gguf_path(const char* path) {
  return std::make_unique<Tokenizer>(sikao::tokenizer::from_gguf(sikao::gguf::GgufFile::open(path)), path);
}

const Tokenizer& tokenizer(uint8_t which) {
  static const auto bpe = std::make_unique<Tokenizer>(
      sikao::tokenizer::from_hf_tokenizer_json(SIKAO_FUZZ_BPE_TOKENIZER_JSON), "qwen3");
  static const auto spm = from_gguf_path(SIKAO_FUZZ_SPM_VOCAB);
  static const auto wpm = from_gguf_path(SIKAO_FUZZ_WPM_VOCAB);
  return which == 0 ? *bpe : which == 1 ? *spm : *wpm;
}

void round_trip(const Tokenizer& tok, std::string_view text) {
  for (const bool special : {false, true}) {
    const auto ids = tok.encode(text, special, special);
    (void)tok.decode(ids, special);
    sikao::tokenizer::Detokenizer detok(tok, special);
    for (const auto id : ids) (void)detok.feed(id);
    (void)detok.flush();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0] % 4;
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    if (mode < 3) {
      round_trip(tokenizer(mode), rest);
    } else {
      const sikao::fuzz::MemoryFile file(data + 1, size - 1);
      const Tokenizer tok(sikao::tokenizer::from_hf_tokenizer_json(file.path()), "fuzz");
      round_trip(tok, "Hello, world! 123 日本語");
    }
  } catch (const sikao::Error&) {
  }
  return 0;
}
