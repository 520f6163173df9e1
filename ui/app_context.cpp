#include "app_context.h"

#include <QGuiApplication>
#include <QProcessEnvironment>
#include <QQmlContext>

#include "chat/attached_texts.h"
#include "chat/code_block_highlighter.h"
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
      models_(open_store(), paths_.models_folder, paths_.bundled_model),
      chat_(history, engine_, models_, &settings_) {
  connect_model_loading(models_, engine_, &settings_);
  connect(&design_, &DesignTokens::changed, this, &AppContext::apply_theme);
  apply_theme();
  // Looked in when the models page opens.
  if (!paths_.discovery_home.isEmpty()) {
    models_.setDiscoveryPlaces(
        DiscoveryPlaces::from_environment(paths_.discovery_home, QProcessEnvironment::systemEnvironment()));
  }
}

AppContext::~AppContext() = default;

void connect_model_loading(ModelManager& models, EngineHost& engine, const Settings* settings) {
  QObject::connect(&models, &ModelManager::loadRequested, &engine, [&engine, settings](const QString& path) {
    if (settings) {
      engine.load(path, settings->device(), settings->contextLength(), settings->deviceMemoryBudgetMb());
    } else {
      engine.load(path);
    }
  });
  QObject::connect(&models, &ModelManager::cancelRequested, &engine, &EngineHost::cancelLoad);
  QObject::connect(&engine, &EngineHost::loadProgress, &models, &ModelManager::onLoadProgress);
  QObject::connect(&engine, &EngineHost::loaded, &models, &ModelManager::onLoaded);
  QObject::connect(&engine, &EngineHost::loadFailed, &models, &ModelManager::onLoadFailed);
}

std::unique_ptr<QSettings> AppContext::open_store() const {
  if (paths_.settings_file.isEmpty()) return std::make_unique<QSettings>();
  return std::make_unique<QSettings>(paths_.settings_file, QSettings::IniFormat);
}

void AppContext::expose(QQmlApplicationEngine& engine) {
  register_model_and_settings_types();
  register_code_highlighter_type();
  register_attached_texts_type();
  QQmlContext* context = engine.rootContext();
  context->setContextProperty(QStringLiteral("chat"), &chat_);
  context->setContextProperty(QStringLiteral("modelManager"), &models_);
  context->setContextProperty(QStringLiteral("settings"), &settings_);
  context->setContextProperty(QStringLiteral("languages"), &languages_);
  context->setContextProperty(QStringLiteral("devices"), &devices_);
  context->setContextProperty(QStringLiteral("design"), &design_);
  context->setContextProperty(QStringLiteral("math"), &math_);
  engine.addImageProvider(QStringLiteral("math"), new MathImageProvider);  // the engine owns it
  languages_.setEngine(&engine);
}

void AppContext::apply_theme() {
  QGuiApplication::setPalette(design_.scheme().palette());
}

} // namespace sikao::ui
