#include "device_list_model.h"

#include <QLocale>
#include <QMetaObject>
#include <QThread>

#include "common/error.h"
#include "vulkan/device.h"

namespace sikao::ui {
namespace {

QString type_name(vk::DeviceType type) {
  switch (type) {
    case vk::DeviceType::Discrete: return DeviceListModel::tr("discrete GPU");
    case vk::DeviceType::Integrated: return DeviceListModel::tr("integrated GPU");
    case vk::DeviceType::Virtual: return DeviceListModel::tr("virtual GPU");
    case vk::DeviceType::Cpu: return DeviceListModel::tr("CPU");
    case vk::DeviceType::Other: break;
  }
  return DeviceListModel::tr("other");
}

QString api_string(uint32_t v) {
  // VK_API_VERSION: variant 3 bits, major 7, minor 10, patch 12.
  return QStringLiteral("%1.%2.%3").arg((v >> 22) & 0x7f).arg((v >> 12) & 0x3ff).arg(v & 0xfff);
}

} // namespace

DeviceScan scan_devices() {
  DeviceScan scan;
  try {
    const auto devices = vk::list_devices();
    const uint32_t chosen = vk::choose_device(devices, std::nullopt);
    for (const auto& d : devices) {
      uint64_t local = 0;
      for (const auto& heap : d.heaps) {
        if (heap.device_local) {
          local += heap.size;
        }
      }
      DeviceRow row;
      row.index = static_cast<int>(d.index);
      row.name = QString::fromStdString(d.name);
      row.type = type_name(d.type);
      row.driver = QString::fromStdString(d.driver_name + " " + d.driver_info).trimmed();
      row.api_version = api_string(d.api_version);
      row.memory = QLocale().formattedDataSize(static_cast<qint64>(local));
      row.subgroup_size = d.subgroup_size;
      row.fp16 = d.shader_float16;
      row.int8 = d.shader_int8;
      row.chosen = d.index == chosen;
      scan.rows.push_back(std::move(row));
    }
  } catch (const Error& e) {
    scan.error = QString::fromStdString(e.what());
  }
  return scan;
}

DeviceListModel::DeviceListModel(QObject* parent) : QAbstractListModel(parent) {}

int DeviceListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant DeviceListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) {
    return {};
  }
  const DeviceRow& r = rows_[static_cast<size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case TypeRole: return r.type;
    case DriverRole: return r.driver;
    case ApiVersionRole: return r.api_version;
    case MemoryRole: return r.memory;
    case SubgroupSizeRole: return r.subgroup_size;
    case Fp16Role: return r.fp16;
    case Int8Role: return r.int8;
    case ChosenRole: return r.chosen;
    case IndexRole: return r.index;
    default: return {};
  }
}

QHash<int, QByteArray> DeviceListModel::roleNames() const {
  return {
      {NameRole, "name"},         {TypeRole, "type"},     {DriverRole, "driver"},
      {ApiVersionRole, "apiVersion"}, {MemoryRole, "memory"}, {SubgroupSizeRole, "subgroupSize"},
      {Fp16Role, "fp16"},         {Int8Role, "int8"},     {ChosenRole, "chosen"},
      {IndexRole, "deviceIndex"},
  };
}

void DeviceListModel::refresh() {
  if (loading_) {
    return;
  }
  loading_ = true;
  emit loadingChanged();
  if (worker_) {
    worker_->wait();
  }
  worker_.reset(QThread::create([this] {
    DeviceScan scan = scan_devices();
    // Queued back onto the model's thread: the model is only ever touched there. The destructor
    // waits for this thread, so `this` outlives the call; a result posted to a model deleted
    // meanwhile is dropped by Qt with the model's pending events.
    QMetaObject::invokeMethod(
        this,
        [this, scan = std::move(scan)]() mutable {
          setDevices(std::move(scan.rows), std::move(scan.error));
        },
        Qt::QueuedConnection);
  }));
  worker_->start();
}

DeviceListModel::~DeviceListModel() {
  if (worker_) {
    worker_->wait();
  }
}

void DeviceListModel::setDevices(std::vector<DeviceRow> rows, QString error) {
  beginResetModel();
  rows_ = std::move(rows);
  endResetModel();
  if (error_ != error) {
    error_ = std::move(error);
    emit errorChanged();
  }
  if (loading_) {
    loading_ = false;
    emit loadingChanged();
  }
}

} // namespace sikao::ui
