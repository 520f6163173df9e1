#pragma once
// A model manager wired to an engine host as the app wires them (connect_model_loading), over a
// temporary settings file and an empty models folder: the tests that drive a ChatController
// without the window load their models through it, as the app does.

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "app_context.h"
#include "models/model_manager.h"

namespace sikao::test {

// What the engine reports of a loaded model, for the tests that play the engine's part.
inline ui::ModelSummary loaded_model(const QString& path, const QString& device, int context_length,
                                     qint64 device_weight_bytes = 0, qint64 host_weight_bytes = 0) {
  ui::ModelSummary s;
  s.path = path;
  s.device = device;
  s.contextLength = context_length;
  s.deviceWeightBytes = device_weight_bytes;
  s.hostWeightBytes = host_weight_bytes;
  return s;
}

struct TestModels {
  QTemporaryDir dir;
  ui::ModelManager manager;

  explicit TestModels(ui::EngineHost& host, const ui::Settings* settings = nullptr)
      : manager(std::make_unique<QSettings>(dir.path() + "/models.ini", QSettings::IniFormat),
                dir.path() + "/models", {}) {
    ui::connect_model_loading(manager, host, settings);
  }

  // An empty file named `name`: enough for the fake backend, which reads only the name (one
  // containing "corrupt" fails as a bad file); the manager refuses a file that is not there.
  QString file(const QString& name) {
    const QString path = dir.path() + "/" + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) qFatal("cannot create %s", qPrintable(path));
    return path;
  }

  // Loads `path` and waits for the outcome; true when it is loaded.
  bool load(const QString& path, int timeout_ms = 5000) {
    manager.load(path);
    const bool ended = QTest::qWaitFor([&] { return manager.state() != ui::ModelManager::State::Loading; }, timeout_ms);
    if (ended && manager.state() != ui::ModelManager::State::Loaded) {
      qWarning() << "load failed:" << manager.errorSentence() << manager.errorDetail();
    }
    return ended && manager.state() == ui::ModelManager::State::Loaded;
  }
};

} // namespace sikao::test
