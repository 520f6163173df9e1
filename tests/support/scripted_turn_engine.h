#pragma once
// A chat::TurnEngine that replays scripted token streams, for the tests of the turn and of its
// front ends (the desktop app's engine thread, sikao-cli run): each generate() plays the next
// script (the last one repeats), one piece per token with a delay, and honours the stop flag,
// max_tokens and the context length like the engine. The prompt is "role: content\n" per
// message and "assistant: ", one token per byte. Probabilities are scripted too: piece i has
// probability 0.9 when i is even and 0.3 when odd, with two alternatives, "alt-a" and "alt-b".

#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "chat/chat_turn.h"
#include "chat/thinking_control.h"

namespace sikao::test {

struct FakeScript {
  std::mutex mutex;
  std::vector<std::vector<std::string>> turns;
  std::chrono::milliseconds delay{5};
  std::string fail_with;  // non-empty: generate() throws this after the first token
  std::string template_warning;  // what render() reports, as the engine does when the template falls back
  uint32_t context_length = 2048;
  size_t next = 0;
  std::vector<std::vector<chat::StoredMessage>> seen;  // the messages of every render()
  // The model's thinking mechanism (describe()); a switch on enable_thinking, as Qwen3 has.
  chat::ThinkingControl thinking{chat::ThinkingControl::Kind::Switch, "enable_thinking", {}, {}};
  std::vector<std::optional<bool>> thinking_seen;       // the thinking switch of every render()
  std::vector<chat::jinja::Dict> thinking_variables_seen;   // what every render() set in the template
  std::vector<size_t> prompt_sizes;                     // prompt tokens of every generate()
  std::vector<std::vector<int32_t>> prompts;            // the prompt tokens of every generate()
  std::vector<LoadOptions> loads;                       // every load() (ui/fake_backend.h)
  std::vector<std::vector<int32_t>> prefills;           // the prompts of every prefill()
  // build_pipelines() takes this long unless keep_going() turns false first.
  std::chrono::milliseconds build_time{0};
  int builds = 0;          // build_pipelines() calls
  int builds_stopped = 0;  // of which keep_going() ended early

  static float probability(size_t i) { return i % 2 == 0 ? 0.9f : 0.3f; }
};

class ScriptedTurnEngine : public chat::TurnEngine {
 public:
  static constexpr int32_t k_alt_a = 1'000'001, k_alt_b = 1'000'002;

  explicit ScriptedTurnEngine(std::shared_ptr<FakeScript> script) : script_(std::move(script)) {}

  chat::ModelDescription describe() const override {
    chat::ModelDescription d;
    d.name = "Fake Reasoner";
    d.architecture = "llama";
    d.device = "Scripted device";
    d.context_length = context_length();
    d.reasons = true;
    std::lock_guard lock(script_->mutex);
    d.thinking = script_->thinking;
    return d;
  }

  chat::ChatPrompt render(std::span<const chat::StoredMessage> messages,
                          const sikao::chat::ThinkingChoice& thinking) const override {
    std::string text;
    for (const auto& m : messages) text += m.role + ": " + m.content + "\n";
    text += "assistant: ";
    chat::ChatPrompt p = render_raw(std::move(text));
    std::lock_guard lock(script_->mutex);
    p.warning = script_->template_warning;
    script_->seen.emplace_back(messages.begin(), messages.end());
    script_->thinking_seen.push_back(thinking.enabled);
    script_->thinking_variables_seen.push_back(chat::thinking_variables(script_->thinking, thinking));
    return p;
  }

  chat::ChatPrompt render_raw(std::string text) const override {
    chat::ChatPrompt p;
    p.tokens = tokenize(text);
    p.text = std::move(text);
    return p;
  }

  std::vector<int32_t> tokenize(std::string_view text) const override {
    return std::vector<int32_t>(text.begin(), text.end());  // one token per byte
  }

  std::string token_text(int32_t id) const override {
    return id == k_alt_a ? "alt-a" : id == k_alt_b ? "alt-b" : std::string(1, static_cast<char>(id));
  }

  void prefill(std::span<const int32_t> prompt) override {
    std::lock_guard lock(script_->mutex);
    script_->prefills.emplace_back(prompt.begin(), prompt.end());
  }

  void build_pipelines(const std::function<bool()>& keep_going) override {
    std::chrono::milliseconds build_time;
    {
      std::lock_guard lock(script_->mutex);
      ++script_->builds;
      build_time = script_->build_time;
    }
    const auto end = std::chrono::steady_clock::now() + build_time;
    while (std::chrono::steady_clock::now() < end) {
      if (!keep_going()) {
        std::lock_guard lock(script_->mutex);
        ++script_->builds_stopped;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }

  std::vector<chat::ReasoningTags> reasoning_tags() const override { return {chat::known_reasoning_tags()[0]}; }

  uint32_t context_length() const override {
    std::lock_guard lock(script_->mutex);
    return script_->context_length;
  }

  GenerateResult generate(std::span<const int32_t> prompt, const GenerateOptions& options,
                          const std::function<void(const TokenEvent&)>& on_token) override {
    std::vector<std::string> pieces;
    std::chrono::milliseconds delay;
    std::string fail_with;
    const uint32_t n_ctx = context_length();
    {
      std::lock_guard lock(script_->mutex);
      const size_t turn = std::min(script_->next, script_->turns.size() - 1);
      pieces = script_->turns[turn];
      ++script_->next;
      delay = script_->delay;
      fail_with = script_->fail_with;
      script_->prompt_sizes.push_back(prompt.size());
      script_->prompts.emplace_back(prompt.begin(), prompt.end());
    }
    if (prompt.size() > n_ctx) {
      throw Error(ErrorCode::InvalidArgument, "the prompt has " + std::to_string(prompt.size()) +
                                                  " tokens but the context holds " + std::to_string(n_ctx));
    }
    GenerateResult result;
    result.prompt_tokens = static_cast<uint32_t>(prompt.size());
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
      if (prompt.size() + i >= n_ctx) {
        result.finish = FinishReason::ContextFull;
        break;
      }
      std::this_thread::sleep_for(delay);
      TokenEvent e;
      e.token.id = static_cast<int32_t>(i);
      e.token.logprob = std::log(FakeScript::probability(i));
      e.token.top = {{k_alt_a, std::log(0.05f)}, {k_alt_b, std::log(0.01f)}};
      e.text = pieces[i];
      on_token(e);
      ++result.generated_tokens;
      if (!fail_with.empty()) throw Error(ErrorCode::DeviceLost, fail_with);
    }
    result.generate_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
  }

 private:
  std::shared_ptr<FakeScript> script_;
};

} // namespace sikao::test
