#include "engine/engine_backend.h"

#include <algorithm>

#include "chat/chat_prompt.h"
#include "model/model_config.h"
#include "tokenizer/tokenizer.h"

namespace sikao::ui {

EngineBackend::EngineBackend() = default;
EngineBackend::~EngineBackend() = default;

LoadedModelInfo EngineBackend::load(const LoadRequest& request,
                                    const std::function<bool(float)>& progress) {
  // The previous model's memory is freed before the next one is uploaded.
  session_.reset();
  model_.reset();
  LoadOptions options;
  options.device = request.device;
  options.context_length = request.context_length;
  options.device_memory_budget = request.device_memory_budget;
  options.progress = progress;
  auto model = Model::load(request.path, options);
  info_ = chat::model_chat_info(request.path);
  model_ = std::move(model);
  session_ = std::make_unique<Session>(*model_);

  LoadedModelInfo info;
  info.path = request.path;
  info.name = info_.model_name.empty() ? model_->config().name : info_.model_name;
  info.architecture = std::string(model_->config().arch.gguf_name);
  info.device = model_->device_name();
  info.context_length = model_->context_length();
  info.device_weight_bytes = model_->device_weight_bytes();
  info.host_weight_bytes = model_->host_weight_bytes();
  const auto tags = chat::reasoning_tags_for(model_->tokenizer());
  const std::string& tmpl = info_.chat_template.value_or("");
  info.reasons = tags.size() > 1 || tmpl.find("<think>") != std::string::npos ||
                 tmpl.find("reasoning_content") != std::string::npos;
  return info;
}

void EngineBackend::require_model() const {
  if (!model_) {
    throw Error(ErrorCode::InvalidArgument, "no model is loaded");
  }
}

PreparedPrompt EngineBackend::prepare(std::span<const chat::StoredMessage> messages,
                                      std::optional<bool> enable_thinking) {
  require_model();
  const auto& tok = model_->tokenizer();
  chat::ChatPrompt built = chat::build_chat_prompt(info_, tok, messages, enable_thinking);
  PreparedPrompt prompt;
  prompt.text = std::move(built.text);
  prompt.tokens = std::move(built.tokens);
  prompt.warning = std::move(built.warning);
  prompt.tags = chat::reasoning_tags_for(tok);
  return prompt;
}

std::vector<int32_t> EngineBackend::tokenize(const std::string& text) {
  require_model();
  return model_->tokenizer().encode(text, false, true);
}

GenerateResult EngineBackend::generate(const PreparedPrompt& prompt, const GenerateOptions& options,
                                       const std::function<void(const GeneratedToken&)>& on_token) {
  require_model();
  const auto& tok = model_->tokenizer();
  GeneratedToken out;
  return session_->generate(prompt.tokens, options, [&](const TokenEvent& e) {
    out.id = e.token.id;
    out.text = e.text;
    out.logprob = e.token.logprob;
    out.alternatives.clear();
    for (const auto& alt : e.token.top) {
      out.alternatives.emplace_back(tok.token_to_piece(alt.id, false), alt.logprob);
    }
    on_token(out);
  });
}

} // namespace sikao::ui
