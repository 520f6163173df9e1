#pragma once
// The model manager's "Found on this computer" list: the models other apps keep
// (model_discovery.h), each with the app it came from and whether Sikao can run it — and when
// not, why, in the user's language.

#include <QAbstractListModel>
#include <vector>

#include "models/model_discovery.h"

namespace sikao::ui {

class FoundModelList : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role {
    PathRole = Qt::UserRole + 1,
    NameRole,          // the app's name for it ("qwen3:8b")
    AppRole,           // "Ollama"
    ArchitectureRole,  // general.architecture
    FamilyRole,        // "Qwen3"; empty when Sikao cannot run it
    FileSizeRole,
    FileSizeTextRole,
    QuantRole,
    CanRunRole,
    ReasonRole,  // why not, translated; empty when it can run
    ErrorRole,   // the engine's own words (English), for the details
  };
  Q_ENUM(Role)

  using QAbstractListModel::QAbstractListModel;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  void setModels(std::vector<FoundModel> models);
  const std::vector<FoundModel>& models() const { return rows_; }

  // The translated reason a file cannot run; empty when it can.
  static QString reason(const ModelFileInfo& info);

 private:
  std::vector<FoundModel> rows_;
};

}  // namespace sikao::ui
