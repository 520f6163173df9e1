#pragma once
// A GenerationBackend for the chat view-model tests: loading takes a few progress steps (a path
// containing "corrupt" fails as a bad file), and the model it loads replays scripted token
// streams (support/scripted_turn_engine.h).

#include <thread>

#include "engine/generation_backend.h"
#include "support/scripted_turn_engine.h"

namespace sikao::test {

class FakeBackend : public ui::GenerationBackend {
 public:
  explicit FakeBackend(std::shared_ptr<FakeScript> script) : script_(std::move(script)) {}

  std::unique_ptr<chat::TurnEngine> load(const std::string& path, const LoadOptions& options) override {
    {
      std::lock_guard lock(script_->mutex);
      script_->loads.push_back(options);
    }
    for (int step = 0; step <= 10; ++step) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      if (options.progress && !options.progress(step / 10.0f)) {
        throw Error(ErrorCode::Cancelled, path + ": loading cancelled");
      }
    }
    if (path.find("corrupt") != std::string::npos) {
      throw Error(ErrorCode::InvalidFile, path + ": not a GGUF file (bad magic)");
    }
    return std::make_unique<Engine>(script_, options);
  }

 private:
  // Under a device-memory budget, half the weights in system memory, as experts would be.
  class Engine : public ScriptedTurnEngine {
   public:
    Engine(std::shared_ptr<FakeScript> script, const LoadOptions& options)
        : ScriptedTurnEngine(std::move(script)), budget_(options.device_memory_budget.has_value()) {}
    chat::ModelDescription describe() const override {
      chat::ModelDescription d = ScriptedTurnEngine::describe();
      d.device_weight_bytes = budget_ ? 1'000'000 : 2'000'000;
      d.host_weight_bytes = budget_ ? 1'000'000 : 0;
      return d;
    }

   private:
    bool budget_;
  };

  std::shared_ptr<FakeScript> script_;
};

} // namespace sikao::test
