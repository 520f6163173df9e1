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
  QString locate(const QString& explicit_path, const QString& bundled_model) const;
  void describe();

  QString path_;
  QString summary_;
  QString error_;
  std::unique_ptr<QThread> worker_;  // joined before the object dies
};

// Reads the GGUF header and returns a one-paragraph description; throws sikao::Error.
QString describe_model(const QString& path);

} // namespace sikao::ui
