#pragma once
// What the engine thread loads a model through: EngineBackend is the real engine
// (inference/engine.h); tests load a chat::TurnEngine that replays a scripted stream, and the
// engine thread drives either through the same chat::ChatTurn. Called only on the engine thread.

#include <memory>
#include <string>

#include "chat/chat_turn.h"
#include "engine.h"

namespace sikao::ui {

class GenerationBackend {
 public:
  virtual ~GenerationBackend() = default;
  // options.progress(fraction) returns false to cancel (the backend then throws Error Cancelled).
  virtual std::unique_ptr<chat::TurnEngine> load(const std::string& path, const LoadOptions& options) = 0;
};

} // namespace sikao::ui
