#include "engine.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "common/byte_size.h"
#include "common/log.h"
#include "gguf/gguf.h"
#include "model/model_config.h"
#include "model/transformer.h"
#include "model/weights.h"
#include "tokenizer/tokenizer.h"
#include "vulkan/context.h"

namespace sikao {
namespace {

constexpr uint32_t k_default_max_context = 8192;

// A discrete GPU's own memory is what the weights must fit; elsewhere device memory is system
// memory (and lavapipe's heap size is nominal), so there is nothing to split.
uint64_t default_budget(const vk::DeviceInfo& device) {
  uint64_t heap = 0;
  for (const vk::MemoryHeap& h : device.heaps) {
    heap = h.device_local ? std::max(heap, h.size) : heap;
  }
  if (device.type != vk::DeviceType::Discrete || heap == 0) {
    return UINT64_MAX;
  }
  return heap / 10 * 9;  // room for the activations, the driver and other programs
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

struct Model::Impl {
  gguf::GgufFile file;
  model::ModelConfig config;
  tokenizer::Tokenizer tokenizer;
  std::optional<std::string> chat_template;
  std::unique_ptr<vk::Context> context;
  std::unique_ptr<model::ModelWeights> weights;
  uint32_t context_length = 0;
};

Model::Model(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Model::~Model() = default;

std::unique_ptr<Model> Model::load(const std::filesystem::path& path, const LoadOptions& options) {
  auto file = gguf::GgufFile::open(path);
  auto config = model::read_config(file);
  tokenizer::Tokenizer tokenizer(tokenizer::from_gguf(file), path.string());
  if (tokenizer.n_tokens() != config.n_vocab) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: the tokenizer has {} tokens but the embedding has {} rows",
                            path.string(), tokenizer.n_tokens(), config.n_vocab));
  }
  const uint32_t context_length =
      options.context_length ? options.context_length
                             : std::min(config.n_ctx_train, k_default_max_context);
  std::optional<std::string> chat_template = file.get_string("tokenizer.chat_template");
  // Nothing reads the metadata after this; the weights still read tensors.
  file.drop_metadata();
  auto impl = std::unique_ptr<Impl>(new Impl{std::move(file), config, std::move(tokenizer),
                                             std::move(chat_template),
                                             std::make_unique<vk::Context>(options.device),
                                             nullptr, context_length});
  const vk::DeviceInfo& device = impl->context->info();
  const model::WeightPlacement placement = model::place_weights(
      impl->file, impl->config, options.device_memory_budget.value_or(default_budget(device)),
      model::kv_cache_shape(impl->config, context_length).total_bytes());
  impl->weights = std::make_unique<model::ModelWeights>(*impl->context, impl->file, impl->config,
                                                        placement, options.progress);
  impl->file.check_unchanged();  // a file rewritten in place reads without a short read
  // What the load needed on the way goes back to the system: the staging buffer, and the read
  // buffers the allocator would otherwise keep for later allocations that never come.
  impl->context->release_staging();
#ifdef __GLIBC__
  malloc_trim(0);
#endif
  const uint64_t host_bytes = impl->weights->host_bytes();
  const std::string host =
      host_bytes ? fmt::format(", {} of experts in system memory", format_byte_size(host_bytes))
                 : "";
  log::get("engine")->info("loaded {} ({}, {} layers) on {}: {} of weights in device memory{}",
                           impl->config.name, impl->config.arch.gguf_name, impl->config.n_layer,
                           device.name, format_byte_size(impl->weights->device_bytes()), host);
  return std::unique_ptr<Model>(new Model(std::move(impl)));
}

const model::ModelConfig& Model::config() const { return impl_->config; }
const tokenizer::Tokenizer& Model::tokenizer() const { return impl_->tokenizer; }
std::optional<std::string> Model::chat_template() const {
  return impl_->chat_template;
}
uint32_t Model::context_length() const { return impl_->context_length; }
uint64_t Model::kv_cache_bytes() const {
  return model::kv_cache_shape(impl_->config, impl_->context_length).total_bytes();
}
std::string Model::device_name() const { return impl_->context->info().name; }
size_t Model::pipeline_count() const { return impl_->context->pipeline_count(); }
uint64_t Model::weight_bytes_per_token() const { return impl_->weights->bytes_read_per_token(); }
uint64_t Model::device_weight_bytes() const { return impl_->weights->device_bytes(); }
uint64_t Model::host_weight_bytes() const { return impl_->weights->host_bytes(); }

Session::Session(Model& model)
    : model_(model),
      transformer_(std::make_unique<model::Transformer>(*model.impl_->context, model.impl_->config,
                                                        *model.impl_->weights,
                                                        model.impl_->context_length)) {}

Session::~Session() = default;

std::span<const int32_t> Session::cached_tokens() const { return cached_; }

uint64_t Session::submissions() const { return transformer_->submissions(); }

uint32_t Session::decode_dispatches() const { return transformer_->decode_dispatches(); }

std::vector<float> Session::evaluate_from_start(
    std::span<const int32_t> tokens, bool all_logits,
    std::vector<vk::Sequence::OperationTime>* profile) {
  cached_.clear();
  auto logits = transformer_->prefill(tokens, 0, all_logits, profile);
  cached_.assign(tokens.begin(), tokens.end());
  return logits;
}

std::vector<float> Session::evaluate_all(std::span<const int32_t> tokens) {
  return evaluate_from_start(tokens, true, nullptr);
}

std::vector<float> Session::evaluate(std::span<const int32_t> tokens) {
  return evaluate_from_start(tokens, false, nullptr);
}

void Session::build_pipelines(const std::function<bool()>& keep_going) {
  cached_.clear();
  transformer_->build_pipelines(keep_going);
}

std::vector<float> Session::decode(int32_t token) {
  const auto logits = transformer_->decode(token, static_cast<uint32_t>(cached_.size()));
  cached_.push_back(token);
  return {logits.begin(), logits.end()};
}

std::vector<vk::Sequence::OperationTime> Session::profile_decode(int32_t token) {
  auto times = transformer_->profile_decode(token, static_cast<uint32_t>(cached_.size()));
  cached_.push_back(token);
  return times;
}

std::vector<vk::Sequence::OperationTime> Session::profile_evaluate(
    std::span<const int32_t> tokens) {
  std::vector<vk::Sequence::OperationTime> times;
  evaluate_from_start(tokens, false, &times);
  return times;
}

GenerateResult Session::generate(std::span<const int32_t> prompt, const GenerateOptions& options,
                                 const std::function<void(const TokenEvent&)>& on_token) {
  if (prompt.empty()) {
    throw Error(ErrorCode::InvalidArgument, "the prompt has no tokens");
  }
  const uint32_t n_ctx = transformer_->context_length();
  if (prompt.size() >= n_ctx) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("the prompt has {} tokens but the context holds {}; shorten the "
                            "conversation or raise the context length",
                            prompt.size(), n_ctx));
  }
  GenerateResult result;
  result.prompt_tokens = static_cast<uint32_t>(prompt.size());

  // Reuse the longest common prefix, but always evaluate at least the last prompt token: its
  // logits are the first sampling step's. A recurrent state goes back only as far as it can
  // (the live state, a snapshot, or the start).
  size_t reuse = 0;
  while (reuse < cached_.size() && reuse + 1 < prompt.size() && cached_[reuse] == prompt[reuse]) {
    ++reuse;
  }
  reuse = transformer_->rewind(static_cast<uint32_t>(reuse));
  result.reused_tokens = static_cast<uint32_t>(reuse);
  cached_.resize(reuse);

  const auto prompt_start = std::chrono::steady_clock::now();
  std::vector<float> logits;
  const uint32_t last = static_cast<uint32_t>(prompt.size() - 1);
  if (transformer_->recurrent() && reuse < last) {
    // A snapshot before the last prompt token: regenerating this answer, or the next turn of a
    // template that rewrites earlier answers (Qwen3.5 drops their reasoning), restarts there
    // instead of at the beginning.
    transformer_->prefill(prompt.subspan(reuse, last - reuse), static_cast<uint32_t>(reuse), false);
    transformer_->save_snapshot();
    logits = transformer_->prefill(prompt.subspan(last), last, false);
  } else {
    logits = transformer_->prefill(prompt.subspan(reuse), static_cast<uint32_t>(reuse), false);
  }
  cached_.assign(prompt.begin(), prompt.end());
  result.prompt_seconds = seconds_since(prompt_start);

  const auto& tok = model_.tokenizer();
  sampling::Sampler sampler(options.sampling, options.n_alternatives);
  tokenizer::Detokenizer detokenizer(tok);
  const auto generate_start = std::chrono::steady_clock::now();
  result.finish = FinishReason::Length;
  for (int32_t i = 0; i < options.max_tokens; ++i) {
    if (options.stop && options.stop->load(std::memory_order_relaxed)) {
      result.finish = FinishReason::Stopped;
      break;
    }
    TokenEvent event;
    event.token = sampler.sample(logits, cached_);
    ++result.generated_tokens;
    if (tok.is_end_of_generation(event.token.id)) {
      result.finish = FinishReason::EndOfText;
      event.text = detokenizer.flush();
      on_token(event);
      break;
    }
    event.text = detokenizer.feed(event.token.id);
    on_token(event);
    if (i + 1 == options.max_tokens) {
      break;  // the last token's logits would not be used
    }
    if (cached_.size() >= n_ctx) {
      result.finish = FinishReason::ContextFull;
      break;
    }
    const auto next = transformer_->decode(event.token.id, static_cast<uint32_t>(cached_.size()));
    cached_.push_back(event.token.id);
    logits.assign(next.begin(), next.end());
  }
  if (result.finish != FinishReason::EndOfText) {
    result.trailing_text = detokenizer.flush();
  }
  result.generate_seconds = seconds_since(generate_start);
  return result;
}

} // namespace sikao
