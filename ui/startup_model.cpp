#include "startup_model.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>

#include "common/error.h"
#include "gguf/gguf.h"

namespace sikao::ui {

QString StartupModel::default_models_folder() {
  // GenericDataLocation is $XDG_DATA_HOME (~/.local/share) on Linux.
  return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
         QStringLiteral("/sikao/models");
}

StartupModel::StartupModel(QString explicit_path, QString bundled_model, QObject* parent)
    : QObject(parent) {
  path_ = choose_startup_model(explicit_path,
                               QSettings().value(QLatin1String(k_last_model_key)).toString(),
                               default_models_folder(), bundled_model);
  if (!path_.isEmpty()) {
    describe();
  }
}

StartupModel::~StartupModel() {
  if (worker_) {
    worker_->wait();
  }
}

QString StartupModel::modelsFolder() const { return default_models_folder(); }

QString choose_startup_model(const QString& explicit_path, const QString& last_used,
                             const QString& models_folder, const QString& bundled_model) {
  if (!explicit_path.isEmpty()) {
    return explicit_path;
  }
  if (!last_used.isEmpty() && QFileInfo::exists(last_used)) {
    return last_used;
  }
  const QDir folder(models_folder);
  const QStringList found = folder.entryList({QStringLiteral("*.gguf")}, QDir::Files, QDir::Name);
  if (!found.isEmpty()) {
    return folder.filePath(found.first());
  }
  return QFileInfo::exists(bundled_model) ? bundled_model : QString();
}

void StartupModel::describe() {
  summary_ = tr("Reading %1…").arg(path_);
  worker_.reset(QThread::create([this, path = path_] {
    QString summary;
    QString error;
    try {
      summary = describe_model(path);
    } catch (const Error& e) {
      error = QString::fromStdString(e.what());
    }
    QMetaObject::invokeMethod(
        this,
        [this, summary, error] {
          summary_ = error.isEmpty() ? summary : path_;
          error_ = error;
          emit changed();
        },
        Qt::QueuedConnection);
  }));
  worker_->start();
}

QString describe_model(const QString& path) {
  const auto file = gguf::GgufFile::open(path.toStdString());
  const QString arch = QString::fromStdString(file.get_string("general.architecture").value_or("?"));
  const QString name = QString::fromStdString(
      file.get_string("general.name").value_or(QFileInfo(path).completeBaseName().toStdString()));
  const auto context = file.get_uint(arch.toStdString() + ".context_length");
  return StartupModel::tr("%1 (%2) — %3 tensors, %4, context %5 tokens\n%6")
      .arg(name, arch)
      .arg(file.tensors().size())
      .arg(QLocale().formattedDataSize(QFileInfo(path).size()))
      .arg(context ? QString::number(*context) : StartupModel::tr("unknown"))
      .arg(path);
}

} // namespace sikao::ui
