#pragma once
// The real engine behind the engine thread: a sikao::Model and its Session
// (chat::ModelTurnEngine), so the next turn of the same conversation evaluates only the new
// tokens.

#include "engine/generation_backend.h"

namespace sikao::ui {

class EngineBackend : public GenerationBackend {
 public:
  std::unique_ptr<chat::TurnEngine> load(const std::string& path, const LoadOptions& options) override;
};

} // namespace sikao::ui
