#pragma once
// The public surface of Sikao's inference engine: load a GGUF model onto a Vulkan device, open a
// session, generate with a streaming callback. Read this header first.
//
// The engine is synchronous and starts no threads (DESIGN.md §2): load() and generate() block
// and report through callbacks, so the CLI and the tests call them directly and the GUI calls
// them on its engine worker thread. Errors are sikao::Error with a code and a clear message.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/error.h"
#include "sampling/sampler.h"
#include "vulkan/sequence.h"

namespace sikao {

namespace model {
struct ModelConfig;
class Transformer;
}
namespace tokenizer {
class Tokenizer;
}

struct LoadOptions {
  std::optional<uint32_t> device;  // Vulkan device index; default: $SIKAO_DEVICE, else the best
  uint32_t context_length = 0;     // 0: min(the model's training context, 8192)
  // Device memory the weights and the KV cache may take; a mixture of experts beyond it keeps
  // experts in system memory (model/weights.h WeightPlacement). Default: 90% of a discrete GPU's
  // device-local memory; no limit on integrated and CPU devices, whose device memory is system
  // memory.
  std::optional<uint64_t> device_memory_budget;
  // Called with the fraction of weights uploaded; return false to cancel (Error Cancelled).
  std::function<bool(float)> progress;
};

enum class FinishReason { EndOfText, Length, Stopped, ContextFull };

struct GenerateOptions {
  sampling::SamplingParams sampling;
  int32_t max_tokens = 512;
  size_t n_alternatives = 0;             // top alternatives per token (the reasoning inspector)
  const std::atomic<bool>* stop = nullptr;  // checked between tokens
};

struct TokenEvent {
  sampling::SampledToken token;  // id, log-probability, alternatives
  std::string text;              // complete UTF-8 only; may be empty while a character is split
};

struct GenerateResult {
  FinishReason finish = FinishReason::EndOfText;
  uint32_t prompt_tokens = 0;
  // Prompt tokens already in the KV cache (or the recurrent state), not evaluated again.
  uint32_t reused_tokens = 0;
  uint32_t generated_tokens = 0;
  double prompt_seconds = 0.0;
  double generate_seconds = 0.0;
  // Bytes of an incomplete UTF-8 character held back when generation stopped mid-character,
  // decoded with U+FFFD replacements; usually empty.
  std::string trailing_text;
};

class Model {
 public:
  static std::unique_ptr<Model> load(const std::filesystem::path& gguf, const LoadOptions& options);
  ~Model();

  const model::ModelConfig& config() const;
  const tokenizer::Tokenizer& tokenizer() const;
  std::optional<std::string> chat_template() const;
  uint32_t context_length() const;
  std::string device_name() const;
  // Bytes of weights one decode step reads (for effective-bandwidth figures).
  uint64_t weight_bytes_per_token() const;
  // Where the weights are: device memory, and system memory (experts beyond the budget).
  uint64_t device_weight_bytes() const;
  uint64_t host_weight_bytes() const;
  // Bytes of one session's KV cache at this model's context length.
  uint64_t kv_cache_bytes() const;
  // Compute pipelines built on its device so far (each a compiled shader variant).
  size_t pipeline_count() const;

 private:
  friend class Session;
  struct Impl;
  explicit Model(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One conversation's KV cache on a loaded model. Not thread-safe: one thread at a time.
class Session {
 public:
  explicit Session(Model& model);
  ~Session();

  // Evaluates the prompt (reusing the longest prefix already in the cache), then samples until
  // end of text, max_tokens, the stop flag or a full context, calling on_token for each token.
  GenerateResult generate(std::span<const int32_t> prompt, const GenerateOptions& options,
                          const std::function<void(const TokenEvent&)>& on_token);

  // Evaluates the tokens in one batch from position 0 and returns the logits of every position
  // (n_tokens × n_vocab), the cache then holding exactly these tokens.
  std::vector<float> evaluate_all(std::span<const int32_t> tokens);

  // Evaluates the tokens in batches from position 0 and returns the logits of the last one.
  std::vector<float> evaluate(std::span<const int32_t> tokens);

  // Appends one token at the end of the cache and returns its logits.
  std::vector<float> decode(int32_t token);
  // Builds and compiles the pipelines a prompt and the decode steps after it use, by running a
  // short batch (model/transformer.h) and a decode step of token 0, so that the first prompt
  // does not wait for them (on lavapipe with an empty shader cache a 0.5B model's take ~20 s,
  // compiled when they first run). The cache then holds no token. Stops early once
  // keep_going() is false (it is asked before each of the two passes).
  void build_pipelines(const std::function<bool()>& keep_going);
  // Decodes one token like decode() with a timestamp after every kernel, and returns what each
  // took (sikao-bench --profile).
  std::vector<vk::Sequence::OperationTime> profile_decode(int32_t token);
  // Evaluates the tokens like evaluate() with a timestamp after every kernel, and returns what
  // each took.
  std::vector<vk::Sequence::OperationTime> profile_evaluate(std::span<const int32_t> tokens);

  std::span<const int32_t> cached_tokens() const;

  // vkQueueSubmit calls made by this session: one per decoded token, one per prefill batch.
  uint64_t submissions() const;
  // Kernel dispatches in the one submission of a decode step (0 before the first decode).
  uint32_t decode_dispatches() const;

 private:
  // Evaluates the tokens from position 0, the cache then holding exactly them (evaluate_all,
  // evaluate, profile_evaluate).
  std::vector<float> evaluate_from_start(std::span<const int32_t> tokens, bool all_logits,
                                         std::vector<vk::Sequence::OperationTime>* profile);

  Model& model_;
  std::unique_ptr<model::Transformer> transformer_;
  std::vector<int32_t> cached_;
};

} // namespace sikao
