#include "models/found_models.h"

#include <algorithm>

#include <QLocale>

namespace sikao::ui {

int FoundModelList::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QString FoundModelList::reason(const ModelFileInfo& info) {
  switch (info.problem) {
    case ModelProblem::None:
      return {};
    case ModelProblem::UnsupportedArchitecture:
      return tr("Sikao cannot run the %1 architecture yet").arg(info.problem_subject);
    case ModelProblem::UnsupportedTensorType:
      return tr("Sikao cannot run tensor type %1 yet").arg(info.problem_subject);
    case ModelProblem::Unreadable:
      return tr("Not a model Sikao can read");
  }
  return {};
}

QVariant FoundModelList::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) {
    return {};
  }
  const FoundModel& m = rows_[static_cast<size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case NameRole:
      return m.name;
    case PathRole:
      return m.info.path;
    case AppRole:
      return app_name(m.app);
    case ArchitectureRole:
      return m.info.architecture;
    case FamilyRole:
      return m.info.family;
    case FileSizeRole:
      return m.info.file_size;
    case FileSizeTextRole:
      return QLocale().formattedDataSize(m.info.file_size);
    case QuantRole:
      return m.info.quant;
    case CanRunRole:
      return m.info.error.isEmpty();
    case ReasonRole:
      return reason(m.info);
    case ErrorRole:
      return m.info.error;
    default:
      return {};
  }
}

QHash<int, QByteArray> FoundModelList::roleNames() const {
  return {
      {PathRole, "path"},
      {NameRole, "name"},
      {AppRole, "app"},
      {ArchitectureRole, "architecture"},
      {FamilyRole, "family"},
      {FileSizeRole, "fileSize"},
      {FileSizeTextRole, "fileSizeText"},
      {QuantRole, "quant"},
      {CanRunRole, "canRun"},
      {ReasonRole, "reason"},
      {ErrorRole, "error"},
  };
}

void FoundModelList::setModels(std::vector<FoundModel> models) {
  beginResetModel();
  rows_ = std::move(models);
  endResetModel();
  const int runnable = static_cast<int>(
      std::count_if(rows_.begin(), rows_.end(), [](const FoundModel& m) { return m.info.error.isEmpty(); }));
  if (runnable != runnable_) {
    runnable_ = runnable;
    emit runnableCountChanged();
  }
}

}  // namespace sikao::ui
