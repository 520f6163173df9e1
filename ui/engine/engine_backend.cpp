#include "engine/engine_backend.h"

namespace sikao::ui {

std::unique_ptr<chat::TurnEngine> EngineBackend::load(const std::string& path, const LoadOptions& options) {
  return std::make_unique<chat::ModelTurnEngine>(Model::load(path, options));
}

} // namespace sikao::ui
