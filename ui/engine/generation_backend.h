#pragma once
// What the engine thread drives: load a model, turn a conversation into a prompt, generate
// token by token. EngineBackend is the real engine (inference/engine.h); tests drive the same
// thread, batching and reasoning splitting with a backend that replays a scripted stream.
// Plain C++, called only on the engine thread.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "chat/chat_template.h"
#include "chat/reasoning_splitter.h"
#include "engine.h"

namespace sikao::ui {

struct LoadRequest {
  std::string path;
  std::optional<uint32_t> device;  // none: the engine's choice
  uint32_t context_length = 0;     // 0: the engine's default
  std::optional<uint64_t> device_memory_budget;  // none: the engine's default
};

struct LoadedModelInfo {
  std::string path;
  std::string name;
  std::string architecture;
  std::string device;
  uint32_t context_length = 0;
  uint64_t device_weight_bytes = 0, host_weight_bytes = 0;
  bool reasons = false;  // the template or vocabulary knows a reasoning block
};

struct PreparedPrompt {
  std::string text;
  std::vector<int32_t> tokens;
  std::string warning;                     // the template fell back to a built-in format
  std::vector<chat::ReasoningTags> tags;   // what the splitter recognises for this model
};

struct GeneratedToken {
  int32_t id = 0;
  std::string text;      // complete UTF-8 (may be empty while a character is split)
  float logprob = 0.0f;  // of the chosen token under the model's distribution
  std::vector<std::pair<std::string, float>> alternatives;  // text, logprob; best first
};

class GenerationBackend {
 public:
  virtual ~GenerationBackend() = default;
  // progress(fraction) returns false to cancel (the backend then throws Error Cancelled).
  virtual LoadedModelInfo load(const LoadRequest& request, const std::function<bool(float)>& progress) = 0;
  virtual bool loaded() const = 0;
  virtual PreparedPrompt prepare(std::span<const chat::StoredMessage> messages,
                                 std::optional<bool> enable_thinking) = 0;
  // Tokens of text the engine inserts itself (special-token text parsed), e.g. the closing tag
  // when the reasoning budget is spent.
  virtual std::vector<int32_t> tokenize(const std::string& text) = 0;
  virtual GenerateResult generate(const PreparedPrompt& prompt, const GenerateOptions& options,
                                  const std::function<void(const GeneratedToken&)>& on_token) = 0;
};

} // namespace sikao::ui
