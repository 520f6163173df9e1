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
  // How many of the found models Sikao can run (the first-run page offers those).
  Q_PROPERTY(int runnableCount READ runnableCount NOTIFY runnableCountChanged)

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
  int runnableCount() const { return runnable_; }

  // The translated reason a file cannot run; empty when it can.
  static QString reason(const ModelFileInfo& info);

 signals:
  void runnableCountChanged();

 private:
  std::vector<FoundModel> rows_;
  int runnable_ = 0;
};

}  // namespace sikao::ui
