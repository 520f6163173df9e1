#include "models/model_manager.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QUrl>
#include <algorithm>

#include "common/byte_size.h"
#include "startup_model.h"

namespace sikao::ui {
namespace {

constexpr const char* k_folders_key = "models/folders";
constexpr const char* k_files_key = "models/files";

// Why a row of the list cannot be loaded, as the load's error.
ErrorKind problem_kind(ModelProblem problem) {
  switch (problem) {
    case ModelProblem::UnsupportedArchitecture: return ErrorKind::UnsupportedArchitecture;
    case ModelProblem::UnsupportedTensorType: return ErrorKind::UnsupportedQuantType;
    case ModelProblem::Unreadable:
    case ModelProblem::None: break;
  }
  return ErrorKind::CorruptFile;
}

QString byte_size(qint64 bytes) {
  return bytes > 0 ? QString::fromStdString(format_byte_size(static_cast<uint64_t>(bytes))) : QString();
}

} // namespace

ModelManager::ModelManager(std::unique_ptr<QSettings> store, QString models_folder,
                           QString bundled_model, QObject* parent)
    : QAbstractListModel(parent),
      store_(std::move(store)),
      models_folder_(std::move(models_folder)),
      bundled_model_(std::move(bundled_model)) {
  folders_ = store_->value(QLatin1String(k_folders_key)).toStringList();
  opened_files_ = store_->value(QLatin1String(k_files_key)).toStringList();
  connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, &ModelManager::refresh);
  connect(this, &ModelManager::stateChanged, this, &ModelManager::firstRunChanged);
  connect(this, &ModelManager::modelsChanged, this, &ModelManager::firstRunChanged);
  watchFolders();
  refresh();
}

void ModelManager::watchFolders() {
  if (!watcher_.directories().isEmpty()) {
    watcher_.removePaths(watcher_.directories());
  }
  QStringList existing;
  for (const QString& folder : QStringList{models_folder_} + folders_) {
    if (QFileInfo(folder).isDir()) existing << folder;
  }
  if (!existing.isEmpty()) {
    watcher_.addPaths(existing);
  }
}

ModelManager::~ModelManager() {
  stop_discovery_ = true;
  if (discovery_worker_) {
    discovery_worker_->wait();
  }
  if (worker_) {
    worker_->wait();
  }
}

void ModelManager::setDiscoveryPlaces(const DiscoveryPlaces& places, const DiscoveryLimits& limits) {
  discovery_places_ = places;
  discovery_limits_ = limits;
}

void ModelManager::discoverOnce() {
  if (!discovered_once_) {
    discover();
  }
}

void ModelManager::discover() {
  if (discovering_ || discovery_places_.home.isEmpty()) {
    return;
  }
  discovered_once_ = true;
  discovering_ = true;
  emit discoveringChanged();
  if (discovery_worker_) {
    discovery_worker_->wait();
  }
  discovery_worker_.reset(QThread::create([this, places = discovery_places_, limits = discovery_limits_] {
    DiscoveryResult result = discover_models(places, limits, &stop_discovery_);
    // Queued like the catalog's rows (refresh()): only the manager's thread touches found_.
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result)]() mutable {
          found_.setModels(std::move(result.models));
          discovery_truncated_ = result.truncated;
          discovering_ = false;
          emit discoveringChanged();
        },
        Qt::QueuedConnection);
  }));
  discovery_worker_->start();
}

bool ModelManager::openDropped(const QList<QUrl>& urls) {
  for (const QUrl& url : urls) {
    const QString path = url.isLocalFile() ? url.toLocalFile() : QString();
    if (path.endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive)) {
      addFile(path);
      load(path);
      return true;
    }
  }
  return false;
}

int ModelManager::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ModelManager::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) {
    return {};
  }
  const ModelFileInfo& m = rows_[static_cast<size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case NameRole: return m.name;
    case PathRole: return m.path;
    case FileNameRole: return QFileInfo(m.path).fileName();
    case ArchitectureRole: return m.architecture;
    case FamilyRole: return m.family;
    case FileSizeRole: return m.file_size;
    case FileSizeTextRole: return QLocale().formattedDataSize(m.file_size);
    case QuantRole: return m.quant;
    case ContextLengthRole: return m.context_length;
    case ParametersRole: return m.parameters;
    case ParametersTextRole: return format_parameters(m.parameters);
    case ReasonsRole: return m.reasons;
    case BundledRole: return m.source == ModelSource::Bundled;
    case OpenedFileRole: return m.source == ModelSource::OpenedFile;
    case ErrorRole: return m.error;
    case LoadedRole: return state_ == State::Loaded && m.path == loadedPath();
    default: return {};
  }
}

QHash<int, QByteArray> ModelManager::roleNames() const {
  return {
      {PathRole, "path"},
      {FileNameRole, "fileName"},
      {NameRole, "name"},
      {ArchitectureRole, "architecture"},
      {FamilyRole, "family"},
      {FileSizeRole, "fileSize"},
      {FileSizeTextRole, "fileSizeText"},
      {QuantRole, "quant"},
      {ContextLengthRole, "contextLength"},
      {ParametersRole, "parameters"},
      {ParametersTextRole, "parametersText"},
      {ReasonsRole, "reasons"},
      {BundledRole, "bundled"},
      {OpenedFileRole, "openedFile"},
      {ErrorRole, "error"},
      {LoadedRole, "loaded"},
  };
}

bool ModelManager::needsFirstRun() const {
  return !hasOwnModels() && state_ != State::Loaded && state_ != State::Loading;
}

bool ModelManager::hasOwnModels() const {
  return std::any_of(rows_.begin(), rows_.end(), [](const ModelFileInfo& m) {
    return m.source != ModelSource::Bundled && m.error.isEmpty();
  });
}

void ModelManager::refresh() {
  if (scanning_) {
    rescan_ = true;
    return;
  }
  scanning_ = true;
  emit scanningChanged();
  if (worker_) {
    worker_->wait();
  }
  CatalogRequest request{models_folder_, folders_, opened_files_, bundled_model_};
  worker_.reset(QThread::create([this, request = std::move(request)] {
    std::vector<ModelFileInfo> rows = scan_models(request);
    // Queued onto the manager's thread, the only one that touches the rows. The destructor
    // joins this thread first, and Qt drops events posted to an object deleted meanwhile.
    QMetaObject::invokeMethod(
        this, [this, rows = std::move(rows)]() mutable { setRows(std::move(rows)); },
        Qt::QueuedConnection);
  }));
  worker_->start();
}

void ModelManager::setRows(std::vector<ModelFileInfo> rows) {
  beginResetModel();
  rows_ = std::move(rows);
  endResetModel();
  emit modelsChanged();
  scanning_ = false;
  emit scanningChanged();
  if (rescan_) {
    rescan_ = false;
    refresh();
  }
}

int ModelManager::rowOf(const QString& path) const {
  const auto it = std::find_if(rows_.begin(), rows_.end(),
                               [&](const ModelFileInfo& m) { return m.path == path; });
  return it == rows_.end() ? -1 : static_cast<int>(it - rows_.begin());
}

QString ModelManager::toLocalPath(const QString& path_or_url) {
  const QString trimmed = path_or_url.trimmed();
  const QString path = trimmed.startsWith(QLatin1String("file:")) ? QUrl(trimmed).toLocalFile() : trimmed;
  // Absolute, so that what is remembered (the last model, added files) still holds when the app
  // is started from another folder.
  return path.isEmpty() ? path : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

void ModelManager::addFile(const QString& path_or_url) {
  const QString path = toLocalPath(path_or_url);
  if (path.isEmpty() || opened_files_.contains(path) || rowOf(path) >= 0) {
    return;
  }
  opened_files_ << path;
  store_->setValue(QLatin1String(k_files_key), opened_files_);
  refresh();
}

void ModelManager::removeFile(const QString& path) {
  if (opened_files_.removeAll(path) > 0) {
    store_->setValue(QLatin1String(k_files_key), opened_files_);
    refresh();
  }
}

void ModelManager::addFolder(const QString& path_or_url) {
  const QString folder = QDir::cleanPath(toLocalPath(path_or_url));
  if (folder.isEmpty() || folder == QDir::cleanPath(models_folder_) || folders_.contains(folder)) {
    return;
  }
  folders_ << folder;
  store_->setValue(QLatin1String(k_folders_key), folders_);
  watchFolders();
  emit foldersChanged();
  refresh();
}

void ModelManager::removeFolder(const QString& path) {
  if (folders_.removeAll(path) > 0) {
    store_->setValue(QLatin1String(k_folders_key), folders_);
    watchFolders();
    emit foldersChanged();
    refresh();
  }
}

bool ModelManager::ensureModelsFolder() {
  if (!QDir().mkpath(models_folder_)) {
    return false;
  }
  watchFolders();
  return true;
}

bool ModelManager::openModelsFolder() {
  return ensureModelsFolder() && QDesktopServices::openUrl(QUrl::fromLocalFile(models_folder_));
}

void ModelManager::setState(State state) {
  const bool loaded_changed = state_ == State::Loaded || state == State::Loaded;
  state_ = state;
  emit stateChanged();
  if (loaded_changed && !rows_.empty()) {
    emit dataChanged(index(0), index(rowCount() - 1), {LoadedRole});
  }
}

void ModelManager::load(const QString& path_or_url) {
  const QString path = toLocalPath(path_or_url);
  if (path.isEmpty() || state_ == State::Loading) {
    return;  // one load at a time: the page disables "Load" meanwhile
  }
  // The engine frees the previous model before it uploads the next, so from here on nothing
  // is loaded whatever the outcome.
  loaded_.reset();
  cancelling_ = false;
  progress_ = 0.0;
  emit progressChanged();
  const int row = rowOf(path);
  if (!QFileInfo::exists(path)) {
    fail({ErrorKind::ModelFileMissing, path});
  } else if (row >= 0 && !rows_[static_cast<size_t>(row)].error.isEmpty()) {
    const ModelFileInfo& m = rows_[static_cast<size_t>(row)];
    fail({problem_kind(m.problem), m.error});
  } else {
    error_.reset();
    loading_path_ = path;
    setState(State::Loading);
    emit loadRequested(path);
  }
}

void ModelManager::fail(ErrorReport report) {
  loading_path_.clear();
  error_ = std::move(report);
  setState(State::Failed);
}

void ModelManager::loadRow(int row) {
  if (row >= 0 && row < rowCount()) {
    load(rows_[static_cast<size_t>(row)].path);
  }
}

void ModelManager::cancel() {
  if (state_ != State::Loading || cancelling_) {
    return;
  }
  cancelling_ = true;
  emit stateChanged();
  emit cancelRequested();
}

QString ModelManager::startupModel(const QString& explicit_path) const {
  return choose_startup_model(toLocalPath(explicit_path),
                              store_->value(QLatin1String(k_last_model_key)).toString(),
                              models_folder_, bundled_model_);
}

bool ModelManager::loadStartupModel(const QString& explicit_path) {
  const QString path = startupModel(explicit_path);
  if (path.isEmpty()) {
    return false;
  }
  load(path);
  return true;
}

void ModelManager::onLoadProgress(double fraction) {
  if (state_ != State::Loading) {
    return;
  }
  fraction = std::clamp(fraction, 0.0, 1.0);
  if (fraction > progress_) {  // a progress bar never runs backwards
    progress_ = fraction;
    emit progressChanged();
  }
}

void ModelManager::onLoaded(const ModelSummary& summary) {
  loaded_ = summary;
  if (loaded_->path.isEmpty()) loaded_->path = loading_path_;
  if (loaded_->name.isEmpty()) {
    const int row = rowOf(loaded_->path);
    loaded_->name = row >= 0 ? rows_[static_cast<size_t>(row)].name : QFileInfo(loaded_->path).completeBaseName();
  }
  loading_path_.clear();
  cancelling_ = false;  // the load finished before the cancel reached the engine
  error_.reset();
  progress_ = 1.0;
  emit progressChanged();
  store_->setValue(QLatin1String(k_last_model_key), loaded_->path);
  setState(State::Loaded);
}

void ModelManager::onLoadFailed(const ErrorReport& report) {
  const bool cancelled = cancelling_ || report.kind == ErrorKind::Cancelled;
  cancelling_ = false;
  loading_path_.clear();
  if (cancelled) {
    // Whatever the engine was doing when it saw the cancel, the user reads that it was cancelled.
    error_ = ErrorReport{ErrorKind::Cancelled, report.detail};
    setState(State::Cancelled);
  } else {
    fail(report);
  }
}

QString ModelManager::loadedDeviceMemory() const { return loaded_ ? byte_size(loaded_->deviceWeightBytes) : QString(); }

QString ModelManager::loadedSystemMemory() const { return loaded_ ? byte_size(loaded_->hostWeightBytes) : QString(); }

} // namespace sikao::ui
