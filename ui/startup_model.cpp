#include "startup_model.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace sikao::ui {

QString default_models_folder() {
  // GenericDataLocation is $XDG_DATA_HOME (~/.local/share) on Linux.
  return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
         QStringLiteral("/sikao/models");
}

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

} // namespace sikao::ui
