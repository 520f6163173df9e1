#pragma once
// The view-models of the window and the connections between them, in one place, so that the app
// (app/gui/main.cpp) and the window test run the same wiring:
//
//   ModelManager ──loadRequested(path)──▶ ChatController::loadModel(path, settings' device and
//        ▲                                  context length) ──▶ EngineHost (engine thread)
//        └──── onLoadProgress / onLoaded / onLoadFailed ◀── EngineHost's load signals
//   Settings ──▶ ChatController (sampling, maximum length, default system prompt per generation)
//            ──▶ LanguageManager (the UI language)   ──▶ the application palette (theme)
//
// Every load and every cancel goes through the model manager, whichever page asked for it.
#include <QObject>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QString>
#include <chrono>
#include <memory>

#include "chat/chat_controller.h"
#include "chat/math_render.h"
#include "device_list_model.h"
#include "engine/engine_host.h"
#include "models/model_manager.h"
#include "settings/language_manager.h"
#include "settings/settings.h"
#include "storage/history.h"

namespace sikao::ui {

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
  // modelManager, settings, languages, devices, math), adds the image://math provider and lets
  // a language switch retranslate `engine`.
  void expose(QQmlApplicationEngine& engine);

  ChatController& chat() { return chat_; }
  ModelManager& models() { return models_; }
  Settings& settings() { return settings_; }
  LanguageManager& languages() { return languages_; }
  DeviceListModel& devices() { return devices_; }
  MathRenderer& math() { return math_; }

  // The palette for the settings' theme: System is the palette the platform gave at start.
  static QPalette dark_palette();
  static QPalette light_palette();

 private:
  std::unique_ptr<QSettings> open_store() const;
  void apply_theme();

  AppPaths paths_;
  QPalette system_palette_;
  Settings settings_;
  LanguageManager languages_;
  DeviceListModel devices_;
  MathRenderer math_;
  EngineHost engine_;
  ChatController chat_;  // after engine_: it stops a running generation when destroyed
  ModelManager models_;
  Settings::Theme applied_theme_ = Settings::Theme::System;  // at start: the platform's palette
};

} // namespace sikao::ui
