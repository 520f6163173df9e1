// sikao: the desktop app. Wiring only: view-models from ui/, QML from the resource.

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <cstdio>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QStandardPaths>

#include "app_context.h"
#include "common/log.h"
#include "engine/engine_backend.h"
#include "paths/data_paths.h"
#include "screenshot_tour.h"
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
    } else if (history->read_only()) {
      // A read-only medium or folder: the chats are read; a write is refused with a clear error.
      problem = QCoreApplication::translate(
                    "main", "The history at %1 cannot be written (read-only). Past chats are shown; new messages are not saved.")
                    .arg(QString::fromStdString(sikao::storage::default_database_path()));
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
  QElapsedTimer started;
  started.start();
  QGuiApplication app(argc, argv);
  QGuiApplication::setOrganizationName(QStringLiteral("Sikao"));
  QGuiApplication::setApplicationName(QStringLiteral("sikao"));
  QGuiApplication::setApplicationVersion(QStringLiteral(SIKAO_VERSION));
  // The desktop entry's id (packaging/): Wayland compositors match the window to its icon by it.
  QGuiApplication::setDesktopFileName(QStringLiteral("io.github.sikao.Sikao"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Offline chat that thinks out loud"));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("More logging."));
  parser.addOption(verbose);
  // For scripted runs (the end-to-end test, docs/screenshots): send a message once the model is
  // loaded; with --screenshots, photograph the window's states around it (screenshot_tour.h).
  const QCommandLineOption send(QStringLiteral("send"),
                                QStringLiteral("Send this message once the model is loaded."),
                                QStringLiteral("text"));
  const QCommandLineOption screenshots(
      QStringLiteral("screenshots"),
      QStringLiteral("With --send: save the window's states around the answer as PNGs in this folder."),
      QStringLiteral("folder"));
  const QCommandLineOption quit_after(QStringLiteral("quit-after-answer"),
                                      QStringLiteral("Quit when the answer to --send (and the screenshots) are complete."));
  const QCommandLineOption no_model(QStringLiteral("no-model"),
                                    QStringLiteral("Start without loading a model."));
  // The start-up benchmark (sikao-startup-bench) reads this line.
  const QCommandLineOption quit_interactive(
      QStringLiteral("quit-when-interactive"),
      QStringLiteral("Print \"interactive after N ms\" when the window has shown its first frame, then quit."));
  parser.addOption(no_model);
  parser.addOption(quit_interactive);
  parser.addOption(send);
  parser.addOption(screenshots);
  parser.addOption(quit_after);
  parser.addPositionalArgument(QStringLiteral("model"), QStringLiteral("GGUF model to load."),
                               QStringLiteral("[model.gguf]"));
  parser.process(app);
  sikao::log::set_verbose(parser.isSet(verbose));

  QString history_problem;
  const auto history = open_history(history_problem);
  const auto bundled_model = sikao::app::bundled_model_path();
  sikao::ui::AppContext context(*history, std::make_unique<sikao::ui::EngineBackend>(),
                                {{}, sikao::ui::default_models_folder(),
                                 bundled_model ? QString::fromStdString(bundled_model->string()) : QString(),
                                 // The screenshot tour shows what a fresh install shows.
                                 parser.isSet(screenshots) ? QString() : QDir::homePath()});
  auto& chat = context.chat();
  // Closing the window during generation keeps the partial answer.
  QObject::connect(&app, &QCoreApplication::aboutToQuit, &chat, &sikao::ui::ChatController::shutdown);

  QQmlApplicationEngine engine;  // declared last: destroyed before what the QML refers to
  context.expose(engine);
  engine.load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
  if (engine.rootObjects().isEmpty()) {
    return 1;
  }
  context.devices().refresh();
  std::unique_ptr<sikao::app::ScreenshotTour> tour;
  if (parser.isSet(send)) {
    const auto finish = [&parser, &quit_after] {
      if (parser.isSet(quit_after)) QCoreApplication::quit();
    };
    if (parser.isSet(screenshots)) {
      QDir().mkpath(parser.value(screenshots));
      tour = std::make_unique<sikao::app::ScreenshotTour>(
          context, *qobject_cast<QQuickWindow*>(engine.rootObjects().value(0)), parser.value(screenshots),
          parser.value(send), finish);
    } else {
      QObject::connect(&chat, &sikao::ui::ChatController::generationFinished, &chat, finish);
    }
    auto& models = context.models();
    using State = sikao::ui::ModelManager::State;
    QObject::connect(&models, &sikao::ui::ModelManager::stateChanged, &chat, [&models, &chat, &parser, &send, &tour] {
      if (models.state() != State::Loaded || chat.conversationId() != 0 || chat.generating()) return;
      if (tour) {
        tour->start();
      } else {
        chat.send(parser.value(send));
      }
    });
    // A model that fails to load ends a scripted run with an error.
    QObject::connect(&models, &sikao::ui::ModelManager::stateChanged, &chat, [&models, &parser, &quit_after] {
      if (models.state() == State::Failed && parser.isSet(quit_after)) {
        std::fprintf(stderr, "sikao: %s\n%s\n", qPrintable(models.errorSentence()), qPrintable(models.errorDetail()));
        QCoreApplication::exit(2);
      }
    });
  }
  // The model named on the command line, else the last one, else the first in the models
  // folder, else the bundled demo; with none, the first-run page shows.
  // A relative path is made absolute: it is remembered as the last model for the next start.
  const QString model_argument = parser.positionalArguments().value(0);
  if (!parser.isSet(no_model)) {
    context.models().loadStartupModel(model_argument.isEmpty() ? QString()
                                                               : QFileInfo(model_argument).absoluteFilePath());
  }
  if (parser.isSet(quit_interactive)) {
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().value(0));
    // The first frame on screen: from here the window takes input.
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [started] {
      std::printf("interactive after %lld ms\n", static_cast<long long>(started.elapsed()));
      std::fflush(stdout);
      QCoreApplication::quit();
    }, Qt::QueuedConnection);
  }
  if (!history_problem.isEmpty()) {
    chat.showError(history_problem);
  }
  return QGuiApplication::exec();
}
