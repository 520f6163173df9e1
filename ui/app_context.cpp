#include "app_context.h"

#include <QGuiApplication>
#include <QQmlContext>

#include "settings/qml_types.h"

namespace sikao::ui {

AppContext::AppContext(storage::History& history, std::unique_ptr<GenerationBackend> backend,
                       AppPaths paths, std::chrono::milliseconds batch_interval, QObject* parent)
    : QObject(parent),
      paths_(std::move(paths)),
      settings_(open_store()),
      // The platform's palette before ours replaces it: System follows its lightness.
      design_(settings_, QGuiApplication::palette().color(QPalette::Window).lightness() < 128),
      languages_(&settings_),
      engine_(std::move(backend), batch_interval),
      chat_(history, engine_, &settings_),
      models_(open_store(), paths_.models_folder, paths_.bundled_model) {
  connect(&models_, &ModelManager::loadRequested, &chat_, [this](const QString& path) {
    chat_.loadModel(path, settings_.device(), settings_.contextLength(),
                    settings_.deviceMemoryBudgetMb());
  });
  connect(&models_, &ModelManager::cancelRequested, &chat_, &ChatController::cancelLoad);
  connect(&engine_, &EngineHost::loadProgress, &models_, &ModelManager::onLoadProgress);
  connect(&engine_, &EngineHost::loaded, &models_, [this](const ModelSummary& summary) {
    models_.onLoaded(summary.path, summary.device, summary.contextLength, summary.name,
                     summary.deviceWeightBytes, summary.hostWeightBytes);
  });
  connect(&engine_, &EngineHost::loadFailed, &models_, &ModelManager::onLoadFailed);
  connect(&design_, &DesignTokens::changed, this, &AppContext::apply_theme);
  apply_theme();
  models_.setDiscoveryHome(paths_.discovery_home);  // looked in when the models page opens
}

AppContext::~AppContext() = default;

std::unique_ptr<QSettings> AppContext::open_store() const {
  if (paths_.settings_file.isEmpty()) return std::make_unique<QSettings>();
  return std::make_unique<QSettings>(paths_.settings_file, QSettings::IniFormat);
}

void AppContext::expose(QQmlApplicationEngine& engine) {
  register_model_and_settings_types();
  QQmlContext* context = engine.rootContext();
  context->setContextProperty(QStringLiteral("chat"), &chat_);
  context->setContextProperty(QStringLiteral("modelManager"), &models_);
  context->setContextProperty(QStringLiteral("settings"), &settings_);
  context->setContextProperty(QStringLiteral("languages"), &languages_);
  context->setContextProperty(QStringLiteral("devices"), &devices_);
  context->setContextProperty(QStringLiteral("design"), &design_);
  languages_.setEngine(&engine);
}

void AppContext::apply_theme() {
  QGuiApplication::setPalette(design_.scheme().palette());
}

} // namespace sikao::ui
