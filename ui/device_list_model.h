#pragma once
// The Vulkan devices the engine can run on, as a list model for QML. Enumeration runs on a
// worker thread (a driver can take a while to answer) and arrives as a queued signal.

#include <QAbstractListModel>
#include <QString>
#include <QThread>
#include <memory>
#include <vector>

namespace sikao::ui {

struct DeviceRow {
  int index = 0;
  QString name;
  QString type;        // "discrete GPU", "integrated GPU", "virtual GPU", "CPU", "other"
  QString driver;
  QString api_version;
  QString memory;      // device-local heap size, human readable
  quint32 subgroup_size = 0;
  bool fp16 = false;
  bool int8 = false;
  bool chosen = false;  // the device the engine would pick
};

class DeviceListModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
  Q_PROPERTY(QString error READ error NOTIFY errorChanged)

 public:
  enum Role {
    NameRole = Qt::UserRole + 1,
    TypeRole,
    DriverRole,
    ApiVersionRole,
    MemoryRole,
    SubgroupSizeRole,
    Fp16Role,
    Int8Role,
    ChosenRole,
    IndexRole,
  };

  explicit DeviceListModel(QObject* parent = nullptr);
  ~DeviceListModel() override;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  bool loading() const { return loading_; }
  QString error() const { return error_; }

  Q_INVOKABLE void refresh();

  // Replaces the rows; also what the worker's result is delivered through.
  void setDevices(std::vector<DeviceRow> rows, QString error);

 signals:
  void loadingChanged();
  void errorChanged();

 private:
  std::vector<DeviceRow> rows_;
  bool loading_ = false;
  std::unique_ptr<QThread> worker_;  // joined before it is replaced or the model dies
  QString error_;
};

// Enumerates the devices synchronously (call it off the UI thread).
struct DeviceScan {
  std::vector<DeviceRow> rows;
  QString error;
};
DeviceScan scan_devices();

} // namespace sikao::ui
