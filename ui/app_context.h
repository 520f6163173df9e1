#pragma once
// The view-models of the window and the connections between them, in one place, so that the app
// (app/gui/main.cpp) and the window test run the same wiring:
//
//   ModelManager ──loadRequested(path)──▶ EngineHost::load(path, settings' device, context
//        ▲                                  length and memory budget) (engine thread)
//        ├──── onLoadProgress / onLoaded / onLoadFailed ◀── EngineHost's load signals
//        └──── stateChanged ──▶ ChatController (which model the chat runs on)
//   Settings ──▶ ChatController (sampling, maximum length, default system prompt per generation)
//            ──▶ LanguageManager (the UI language)   ──▶ DesignTokens ──▶ the application palette
//
// Every load and every cancel goes through the model manager, whichever page asked for it.
#include <QObject>
#include <QQmlApplicationEngine>
#include <QString>
#include <chrono>
#include <memory>

#include "chat/chat_controller.h"
#include "chat/math_render.h"
#include "design/design_tokens.h"
#include "device_list_model.h"
#include "engine/engine_host.h"
#include "models/model_manager.h"
#include "settings/language_manager.h"
#include "settings/settings.h"
#include "storage/history.h"

namespace sikao::ui {

// The model manager's loads and cancels go to `engine` with the settings' device, context length
// and device-memory budget (null: the engine's defaults); the engine's answers come back to it.
void connect_model_loading(ModelManager& models, EngineHost& engine, const Settings* settings);

struct AppPaths {
  QString settings_file;  // an INI file; empty: the application's QSettings
  QString models_folder;  // the user's models ($XDG_DATA_HOME/sikao/models in the app)
  QString bundled_model;  // the demo model shipped with Sikao (may be missing)
  QString discovery_home; // where to look for other apps' models (the home folder); empty: nowhere
};

class AppContext : public QObject {
  Q_OBJECT

 public:
  AppContext(storage::History& history, std::unique_ptr<GenerationBackend> backend, AppPaths paths,
             std::chrono::milliseconds batch_interval = std::chrono::milliseconds(40),
             QObject* parent = nullptr);
  ~AppContext() override;

  // Registers the Sikao QML types, sets the context properties the views use (chat,
  // modelManager, settings, languages, devices, design, math), adds the image://math provider
  // and lets a language switch retranslate `engine`.
  void expose(QQmlApplicationEngine& engine);

  ChatController& chat() { return chat_; }
  ModelManager& models() { return models_; }
  Settings& settings() { return settings_; }
  LanguageManager& languages() { return languages_; }
  DeviceListModel& devices() { return devices_; }
  DesignTokens& design() { return design_; }
  MathRenderer& math() { return math_; }

 private:
  std::unique_ptr<QSettings> open_store() const;
  void apply_theme();

  AppPaths paths_;
  Settings settings_;
  DesignTokens design_;  // after settings_: it reads the theme
  LanguageManager languages_;
  DeviceListModel devices_;
  MathRenderer math_;
  EngineHost engine_;
  ModelManager models_;
  ChatController chat_;  // after engine_ and models_: it stops a running generation when destroyed
};

} // namespace sikao::ui
