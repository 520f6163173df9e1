// sikao: the desktop app. Wiring only: view-models from ui/, QML from the resource.

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QSettings>
#include <QStandardPaths>

#include "chat/chat_controller.h"
#include "common/log.h"
#include "device_list_model.h"
#include "engine/engine_backend.h"
#include "engine/engine_host.h"
#include "startup_model.h"
#include "storage/history.h"

namespace {

// The history in the XDG data folder; if it cannot be opened (read-only, disk full), a temporary
// one so the app stays usable, and the user is told.
std::unique_ptr<sikao::storage::History> open_history(QString& problem) {
  try {
    auto history = std::make_unique<sikao::storage::History>(sikao::storage::default_database_path());
    const auto& report = history->report();
    if (report.damaged) {
      problem = QCoreApplication::translate(
                    "main", "The history database was damaged (%1). It was kept as %2 and a new one started.")
                    .arg(QString::fromStdString(report.damage_reason),
                         QString::fromStdString(report.damaged_kept_as));
    }
    return history;
  } catch (const sikao::storage::StorageError& e) {
    const QString temp = QStandardPaths::writableLocation(QStandardPaths::TempLocation) +
                         QStringLiteral("/sikao-history-%1.db").arg(QCoreApplication::applicationPid());
    problem = QCoreApplication::translate(
                  "main", "The history cannot be opened (%1). This session's chats are kept in %2 only.")
                  .arg(QString::fromUtf8(e.what()), temp);
    return std::make_unique<sikao::storage::History>(temp.toStdString());
  }
}

} // namespace

int main(int argc, char** argv) {
  QGuiApplication app(argc, argv);
  QGuiApplication::setOrganizationName(QStringLiteral("Sikao"));
  QGuiApplication::setApplicationName(QStringLiteral("sikao"));
  QGuiApplication::setApplicationVersion(QStringLiteral(SIKAO_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Offline chat that thinks out loud"));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("More logging."));
  parser.addOption(verbose);
  parser.addPositionalArgument(QStringLiteral("model"), QStringLiteral("GGUF model to load."),
                               QStringLiteral("[model.gguf]"));
  parser.process(app);
  sikao::log::set_verbose(parser.isSet(verbose));

  sikao::ui::DeviceListModel devices;
  sikao::ui::StartupModel startup_model(parser.positionalArguments().value(0),
                                        QStringLiteral(SIKAO_BUNDLED_MODEL));

  QString history_problem;
  const auto history = open_history(history_problem);
  sikao::ui::EngineHost engine_host(std::make_unique<sikao::ui::EngineBackend>());
  sikao::ui::ChatController chat(*history, engine_host);
  QObject::connect(&chat, &sikao::ui::ChatController::modelChanged, &chat, [&chat] {
    if (chat.modelLoaded()) QSettings().setValue(QStringLiteral("models/last"), chat.modelPath());
  });
  // Closing the window during generation keeps the partial answer.
  QObject::connect(&app, &QCoreApplication::aboutToQuit, &chat, &sikao::ui::ChatController::shutdown);

  QQmlApplicationEngine engine;  // declared last: destroyed before what the QML refers to
  engine.rootContext()->setContextProperty(QStringLiteral("devices"), &devices);
  engine.rootContext()->setContextProperty(QStringLiteral("startupModel"), &startup_model);
  engine.rootContext()->setContextProperty(QStringLiteral("chat"), &chat);
  engine.load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
  if (engine.rootObjects().isEmpty()) {
    return 1;
  }
  devices.refresh();
  if (!startup_model.path().isEmpty()) {
    chat.loadModel(startup_model.path());
  }
  if (!history_problem.isEmpty()) {
    chat.showError(history_problem);
  }
  return QGuiApplication::exec();
}
