#pragma once
// Which model Sikao would load at start: the last one used (QSettings "models/last") if it still
// exists, else the first .gguf in the models folder ($XDG_DATA_HOME/sikao/models), else the
// bundled demo model. Its header is
// read on a worker thread, so a slow disk never blocks the window.

#include <QObject>
#include <QString>
#include <QThread>
#include <memory>

namespace sikao::ui {

// QSettings key of the model loaded last (written by ModelManager when a load succeeds).
inline constexpr const char* k_last_model_key = "models/last";

// The model to load at start: explicit_path if given, else last_used if the file still exists,
// else the first .gguf (by name) in models_folder, else bundled_model if it exists; empty when
// there is none.
QString choose_startup_model(const QString& explicit_path, const QString& last_used,
                             const QString& models_folder, const QString& bundled_model);

class StartupModel : public QObject {
  Q_OBJECT
  Q_PROPERTY(QString path READ path NOTIFY changed)
  Q_PROPERTY(QString summary READ summary NOTIFY changed)
  Q_PROPERTY(QString error READ error NOTIFY changed)
  Q_PROPERTY(QString modelsFolder READ modelsFolder CONSTANT)

 public:
  // explicit_path: a model named on the command line, which wins over everything else.
  StartupModel(QString explicit_path, QString bundled_model, QObject* parent = nullptr);
  ~StartupModel() override;

  QString path() const { return path_; }
  QString summary() const { return summary_; }
  QString error() const { return error_; }
  QString modelsFolder() const;

  static QString default_models_folder();

 signals:
  void changed();

 private:
  void describe();

  QString path_;
  QString summary_;
  QString error_;
  std::unique_ptr<QThread> worker_;  // joined before the object dies
};

// Reads the GGUF header and returns a one-paragraph description; throws sikao::Error.
QString describe_model(const QString& path);

} // namespace sikao::ui
