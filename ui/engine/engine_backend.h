#pragma once
// The real engine behind the engine thread: one sikao::Model and one Session (its KV cache, so
// the next turn of the same conversation evaluates only the new tokens).

#include <memory>

#include "engine/generation_backend.h"

namespace sikao::ui {

class EngineBackend : public GenerationBackend {
 public:
  EngineBackend();
  ~EngineBackend() override;

  LoadedModelInfo load(const LoadRequest& request, const std::function<bool(float)>& progress) override;
  bool loaded() const override { return model_ != nullptr; }
  PreparedPrompt prepare(std::span<const chat::StoredMessage> messages,
                         std::optional<bool> enable_thinking) override;
  std::vector<int32_t> tokenize(const std::string& text) override;
  GenerateResult generate(const PreparedPrompt& prompt, const GenerateOptions& options,
                          const std::function<void(const GeneratedToken&)>& on_token) override;

 private:
  void require_model() const;

  std::unique_ptr<Model> model_;
  std::unique_ptr<Session> session_;  // declared after model_: destroyed first
  chat::ModelChatInfo info_;
};

} // namespace sikao::ui
