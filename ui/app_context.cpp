#include "app_context.h"

#include <QGuiApplication>
#include <QQmlContext>

#include "chat/code_block_highlighter.h"
#include "settings/qml_types.h"

namespace sikao::ui {

AppContext::AppContext(storage::History& history, std::unique_ptr<GenerationBackend> backend,
                       AppPaths paths, std::chrono::milliseconds batch_interval, QObject* parent)
    : QObject(parent),
      paths_(std::move(paths)),
      system_palette_(QGuiApplication::palette()),
      settings_(open_store()),
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
  connect(&settings_, &Settings::changed, this, &AppContext::apply_theme);
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
  register_code_highlighter_type();
  QQmlContext* context = engine.rootContext();
  context->setContextProperty(QStringLiteral("chat"), &chat_);
  context->setContextProperty(QStringLiteral("modelManager"), &models_);
  context->setContextProperty(QStringLiteral("settings"), &settings_);
  context->setContextProperty(QStringLiteral("languages"), &languages_);
  context->setContextProperty(QStringLiteral("devices"), &devices_);
  languages_.setEngine(&engine);
}

QPalette AppContext::dark_palette() {
  // (button, window) generates the 3D shades; text and fields are set to match.
  QPalette p(QColor(0x3a, 0x3b, 0x3e), QColor(0x24, 0x25, 0x28));
  p.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
  p.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
  p.setColor(QPalette::ButtonText, QColor(0xe8, 0xea, 0xed));
  p.setColor(QPalette::Base, QColor(0x1b, 0x1c, 0x1e));
  p.setColor(QPalette::AlternateBase, QColor(0x2c, 0x2d, 0x30));
  p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3b, 0x3e));
  p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xea, 0xed));
  p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
  p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb4));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
  for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
    p.setColor(QPalette::Disabled, role, QColor(0x80, 0x84, 0x89));
  }
  return p;
}

QPalette AppContext::light_palette() {
  QPalette p(QColor(0xef, 0xef, 0xef), QColor(0xef, 0xef, 0xef));
  p.setColor(QPalette::Base, Qt::white);
  p.setColor(QPalette::Text, Qt::black);
  p.setColor(QPalette::WindowText, Qt::black);
  p.setColor(QPalette::ButtonText, Qt::black);
  p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
  p.setColor(QPalette::HighlightedText, Qt::white);
  return p;
}

void AppContext::apply_theme() {
  const Settings::Theme theme = settings_.theme();
  if (theme == applied_theme_) return;  // the palette is set once per change of theme
  applied_theme_ = theme;
  switch (theme) {
    case Settings::Theme::Dark: QGuiApplication::setPalette(dark_palette()); break;
    case Settings::Theme::Light: QGuiApplication::setPalette(light_palette()); break;
    case Settings::Theme::System: QGuiApplication::setPalette(system_palette_); break;
  }
}

} // namespace sikao::ui
