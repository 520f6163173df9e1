#pragma once
// A GenerationBackend that replays scripted token streams, for the chat view-model tests: each
// generate() plays the next script (the last one repeats), one piece per token with a delay, and
// honours the stop flag and max_tokens like the engine. Probabilities are scripted too: piece i
// has probability 0.9 when i is even and 0.3 when odd, with two alternatives.

#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>

#include "chat/reasoning_splitter.h"
#include "engine/generation_backend.h"

namespace sikao::test {

struct FakeScript {
  std::mutex mutex;
  std::vector<std::vector<std::string>> turns;
  std::chrono::milliseconds delay{5};
  std::string fail_with;  // non-empty: generate() throws this after the first token
  std::string template_warning;  // what prepare() reports, as the engine does when the template falls back
  size_t next = 0;
  std::vector<std::vector<chat::StoredMessage>> seen;  // the messages of every request
  std::vector<std::optional<bool>> thinking_seen;       // enable_thinking of every request
  std::vector<size_t> prompt_sizes;                     // prompt tokens of every generate()
  std::vector<ui::LoadRequest> loads;                   // every load()

  static float probability(size_t i) { return i % 2 == 0 ? 0.9f : 0.3f; }
};

class FakeBackend : public ui::GenerationBackend {
 public:
  explicit FakeBackend(std::shared_ptr<FakeScript> script) : script_(std::move(script)) {}

  ui::LoadedModelInfo load(const ui::LoadRequest& request,
                           const std::function<bool(float)>& progress) override {
    loaded_ = false;
    {
      std::lock_guard lock(script_->mutex);
      script_->loads.push_back(request);
    }
    for (int step = 0; step <= 10; ++step) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      if (!progress(step / 10.0f)) throw Error(ErrorCode::Cancelled, request.path + ": loading cancelled");
    }
    if (request.path.find("corrupt") != std::string::npos) {
      throw Error(ErrorCode::InvalidFile, request.path + ": not a GGUF file (bad magic)");
    }
    loaded_ = true;
    ui::LoadedModelInfo info;
    info.path = request.path;
    info.name = "Fake Reasoner";
    info.architecture = "llama";
    info.device = "Scripted device";
    info.context_length = 2048;
    // Under a device-memory budget, half the weights in system memory, as experts would be.
    info.device_weight_bytes = request.device_memory_budget ? 1'000'000 : 2'000'000;
    info.host_weight_bytes = request.device_memory_budget ? 1'000'000 : 0;
    info.reasons = true;
    return info;
  }

  bool loaded() const override { return loaded_; }

  ui::PreparedPrompt prepare(std::span<const chat::StoredMessage> messages,
                             std::optional<bool> enable_thinking) override {
    ui::PreparedPrompt p;
    for (const auto& m : messages) {
      p.text += m.role + ": " + m.content + "\n";
      p.tokens.push_back(static_cast<int32_t>(p.tokens.size()));
    }
    p.text += "assistant: ";
    p.tags = {chat::known_reasoning_tags()[0]};
    std::lock_guard lock(script_->mutex);
    p.warning = script_->template_warning;
    script_->seen.emplace_back(messages.begin(), messages.end());
    script_->thinking_seen.push_back(enable_thinking);
    return p;
  }

  std::vector<int32_t> tokenize(const std::string& text) override {
    return std::vector<int32_t>(text.size(), 0);  // one token per byte
  }

  GenerateResult generate(const ui::PreparedPrompt& prompt, const GenerateOptions& options,
                          const std::function<void(const ui::GeneratedToken&)>& on_token) override {
    std::vector<std::string> pieces;
    std::chrono::milliseconds delay;
    std::string fail_with;
    {
      std::lock_guard lock(script_->mutex);
      const size_t turn = std::min(script_->next, script_->turns.size() - 1);
      pieces = script_->turns[turn];
      ++script_->next;
      delay = script_->delay;
      fail_with = script_->fail_with;
      script_->prompt_sizes.push_back(prompt.tokens.size());
    }
    GenerateResult result;
    result.prompt_tokens = static_cast<uint32_t>(prompt.tokens.size());
    const auto started = std::chrono::steady_clock::now();
    for (size_t i = 0; i < pieces.size(); ++i) {
      if (options.stop && options.stop->load()) {
        result.finish = FinishReason::Stopped;
        break;
      }
      if (static_cast<int32_t>(i) >= options.max_tokens) {
        result.finish = FinishReason::Length;
        break;
      }
      std::this_thread::sleep_for(delay);
      ui::GeneratedToken t;
      t.id = static_cast<int32_t>(i);
      t.text = pieces[i];
      t.logprob = std::log(FakeScript::probability(i));
      t.alternatives = {{"alt-a", std::log(0.05f)}, {"alt-b", std::log(0.01f)}};
      on_token(t);
      ++result.generated_tokens;
      if (!fail_with.empty()) throw Error(ErrorCode::DeviceLost, fail_with);
    }
    result.generate_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
  }

 private:
  std::shared_ptr<FakeScript> script_;
  bool loaded_ = false;
};

} // namespace sikao::test
