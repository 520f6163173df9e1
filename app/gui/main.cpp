// sikao: the desktop app. Wiring only: view-models from ui/, QML from the resource.

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QCommandLineParser>

#include "common/log.h"
#include "device_list_model.h"
#include "startup_model.h"

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

  QQmlApplicationEngine engine;
  engine.rootContext()->setContextProperty(QStringLiteral("devices"), &devices);
  engine.rootContext()->setContextProperty(QStringLiteral("startupModel"), &startup_model);
  engine.load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
  if (engine.rootObjects().isEmpty()) {
    return 1;
  }
  devices.refresh();
  return QGuiApplication::exec();
}
