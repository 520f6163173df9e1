#pragma once
// The model manager's view-model: the models Sikao can load (model_catalog.h, read on a worker
// thread) as a list model, the folders and files the user added (QSettings), and the state of
// the current load, and the models other apps keep on this computer (found: model_discovery.h,
// looked for on a second worker thread). ModelManager does not load anything itself: it asks through
// loadRequested(path) / cancelRequested(), and the engine host reports back through the
// onLoad* slots (wired in app/gui/main.cpp).
//
//   Idle ──load()──▶ Loading ──onLoaded()──▶ Loaded ──load()──▶ Loading …
//                     │  ▲ onLoadProgress()
//                     ├──onLoadFailed()──▶ Failed (errorSentence, errorDetail say why)
//                     └──cancel() … onLoadFailed()──▶ Cancelled (a cancelled load is no failure)
//
// It is the one owner of the load state: the chat controller, the status bar and the startup
// panel read the loaded model and the state from here.

#include <QAbstractListModel>
#include <QFileSystemWatcher>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QUrl>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#include "engine/generation_types.h"
#include "error_report.h"
#include "models/found_models.h"
#include "models/model_catalog.h"

namespace sikao::ui {

class ModelManager : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(State state READ state NOTIFY stateChanged)
  Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
  Q_PROPERTY(bool cancelling READ cancelling NOTIFY stateChanged)
  // Failed or Cancelled: what the user reads (translated, error_report.h) and the engine's
  // message below it.
  Q_PROPERTY(QString errorSentence READ errorSentence NOTIFY stateChanged)
  Q_PROPERTY(QString errorDetail READ errorDetail NOTIFY stateChanged)
  Q_PROPERTY(QString loadingPath READ loadingPath NOTIFY stateChanged)
  Q_PROPERTY(QString loadedPath READ loadedPath NOTIFY stateChanged)
  Q_PROPERTY(QString loadedName READ loadedName NOTIFY stateChanged)
  Q_PROPERTY(QString loadedDevice READ loadedDevice NOTIFY stateChanged)
  Q_PROPERTY(int loadedContextLength READ loadedContextLength NOTIFY stateChanged)
  // Where the loaded model's weights are, as sizes ("12.1 GB"): device memory, and system memory
  // (experts beyond the device-memory budget). Empty when none or when the engine did not say.
  Q_PROPERTY(QString loadedDeviceMemory READ loadedDeviceMemory NOTIFY stateChanged)
  Q_PROPERTY(QString loadedSystemMemory READ loadedSystemMemory NOTIFY stateChanged)
  Q_PROPERTY(bool scanning READ scanning NOTIFY scanningChanged)
  Q_PROPERTY(bool hasOwnModels READ hasOwnModels NOTIFY modelsChanged)
  // No model of the user's own and none loaded or loading: the window shows FirstRunPage.
  Q_PROPERTY(bool needsFirstRun READ needsFirstRun NOTIFY firstRunChanged)
  Q_PROPERTY(QString modelsFolder READ modelsFolder CONSTANT)
  Q_PROPERTY(QString bundledModel READ bundledModel CONSTANT)
  Q_PROPERTY(QStringList folders READ folders NOTIFY foldersChanged)
  // The models found in other apps' folders, and whether the search runs or stopped at a limit.
  Q_PROPERTY(FoundModelList* found READ found CONSTANT)
  Q_PROPERTY(bool discovering READ discovering NOTIFY discoveringChanged)
  Q_PROPERTY(bool discoveryTruncated READ discoveryTruncated NOTIFY discoveringChanged)

 public:
  enum class State { Idle, Loading, Loaded, Failed, Cancelled };
  Q_ENUM(State)

  enum Role {
    PathRole = Qt::UserRole + 1,
    FileNameRole,
    NameRole,
    ArchitectureRole,
    FamilyRole,        // "Gemma 3": ModelFileInfo::family
    FileSizeRole,      // bytes
    FileSizeTextRole,  // "2.04 MiB"
    QuantRole,
    ContextLengthRole,
    ParametersRole,
    ParametersTextRole,  // "1.05 M"
    ReasonsRole,
    BundledRole,
    OpenedFileRole,    // added with "Open GGUF file…" (can be removed from the list)
    ErrorRole,
    LoadedRole,        // the model the engine has loaded now
  };
  Q_ENUM(Role)

  // models_folder: where the user's models live (default_models_folder() in the
  // app); bundled_model: the demo model shipped with Sikao (may be missing).
  ModelManager(std::unique_ptr<QSettings> store, QString models_folder, QString bundled_model,
               QObject* parent = nullptr);
  ~ModelManager() override;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  State state() const { return state_; }
  double progress() const { return progress_; }
  bool cancelling() const { return cancelling_; }
  // Failed or Cancelled: why; otherwise none.
  const std::optional<ErrorReport>& error() const { return error_; }
  QString errorSentence() const { return error_ ? error_sentence(error_->kind) : QString(); }
  QString errorDetail() const { return error_ ? error_->detail : QString(); }
  QString loadingPath() const { return loading_path_; }
  // The model the engine has loaded (state Loaded); none otherwise.
  const std::optional<ModelSummary>& loadedModel() const { return loaded_; }
  QString loadedPath() const { return loaded_ ? loaded_->path : QString(); }
  QString loadedName() const { return loaded_ ? loaded_->name : QString(); }
  QString loadedDevice() const { return loaded_ ? loaded_->device : QString(); }
  int loadedContextLength() const { return loaded_ ? loaded_->contextLength : 0; }
  QString loadedDeviceMemory() const;
  QString loadedSystemMemory() const;
  bool scanning() const { return scanning_; }
  bool hasOwnModels() const;
  bool needsFirstRun() const;
  QString modelsFolder() const { return models_folder_; }
  QString bundledModel() const { return bundled_model_; }
  QStringList folders() const { return folders_; }
  const std::vector<ModelFileInfo>& models() const { return rows_; }
  FoundModelList* found() { return &found_; }
  bool discovering() const { return discovering_; }
  bool discoveryTruncated() const { return discovery_truncated_; }

  // Where discover() looks (in the app: the home folder and the folders the apps' environment
  // variables name, DiscoveryPlaces::from_environment); no home, the default: nowhere.
  void setDiscoveryPlaces(const DiscoveryPlaces& places, const DiscoveryLimits& limits = {});
  // Looks for other apps' models on a worker thread; found() is replaced when it is done.
  Q_INVOKABLE void discover();
  // discover() unless it has run before: the models page asks when it first opens, so a start
  // of the app reads no other app's files until the user looks for models.
  Q_INVOKABLE void discoverOnce();
  // Files dropped on the window: the first .gguf among them is added to the list and loaded.
  // False when none is a .gguf file.
  Q_INVOKABLE bool openDropped(const QList<QUrl>& urls);

  // Rescans every folder and file on a worker thread; the rows are replaced when it is done.
  Q_INVOKABLE void refresh();
  // A local path or a file:// URL (what FileDialog gives). Added to the list (and remembered)
  // even when it is not a usable model: its row then says why.
  Q_INVOKABLE void addFile(const QString& path_or_url);
  Q_INVOKABLE void removeFile(const QString& path);
  Q_INVOKABLE void addFolder(const QString& path_or_url);
  Q_INVOKABLE void removeFolder(const QString& path);
  // Creates the models folder if needed (and watches it), so that the first-run page can open
  // it and a file put there shows up by itself.
  Q_INVOKABLE bool ensureModelsFolder();
  // Creates the models folder if needed and shows it in the file manager.
  Q_INVOKABLE bool openModelsFolder();

  // Asks the engine to load the model. A row already known to be broken fails at once with its
  // message, without bothering the engine.
  Q_INVOKABLE void load(const QString& path);
  Q_INVOKABLE void loadRow(int row);
  Q_INVOKABLE void cancel();
  // The model to load at start (command line, last loaded, models folder, bundled demo).
  Q_INVOKABLE QString startupModel(const QString& explicit_path = {}) const;
  // Loads startupModel(explicit_path); returns false when there is none (the first-run page).
  Q_INVOKABLE bool loadStartupModel(const QString& explicit_path = {});

 public slots:
  void onLoadProgress(double fraction);
  // An empty summary.name (the file gave none) becomes the list's name for the file.
  void onLoaded(const sikao::ui::ModelSummary& summary);
  // A cancel the engine obeyed ends in Cancelled, whatever the report says.
  void onLoadFailed(const sikao::ui::ErrorReport& report);

 signals:
  void loadRequested(const QString& path);
  void cancelRequested();
  void stateChanged();
  void progressChanged();
  void scanningChanged();
  void modelsChanged();
  void foldersChanged();
  void firstRunChanged();
  void discoveringChanged();

 private:
  void setState(State state);
  void fail(ErrorReport report);
  void watchFolders();
  void setRows(std::vector<ModelFileInfo> rows);
  int rowOf(const QString& path) const;
  static QString toLocalPath(const QString& path_or_url);

  std::unique_ptr<QSettings> store_;
  QString models_folder_;
  QString bundled_model_;
  QStringList folders_;
  QStringList opened_files_;
  std::vector<ModelFileInfo> rows_;
  QFileSystemWatcher watcher_;  // a file dropped into a watched folder triggers a rescan

  bool scanning_ = false;
  bool rescan_ = false;  // asked to refresh while a scan ran: scan again when it ends
  std::unique_ptr<QThread> worker_;  // joined before it is replaced or the manager dies

  DiscoveryPlaces discovery_places_;
  DiscoveryLimits discovery_limits_;
  FoundModelList found_;
  bool discovering_ = false;
  bool discovered_once_ = false;
  bool discovery_truncated_ = false;
  std::atomic<bool> stop_discovery_{false};
  std::unique_ptr<QThread> discovery_worker_;  // joined like worker_

  State state_ = State::Idle;
  bool cancelling_ = false;
  double progress_ = 0.0;
  std::optional<ErrorReport> error_;
  QString loading_path_;
  std::optional<ModelSummary> loaded_;
};

} // namespace sikao::ui
