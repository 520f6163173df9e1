#pragma once
// The sidebar's conversations: pinned first, then by last activity, each in a section (pinned,
// today, yesterday, last 7 days, older — by local calendar date). Rename, pin, export, and delete
// with an undo window: a deleted conversation disappears at once and is really deleted when the
// window ends (or the next deletion starts, or the model is destroyed).

#include <QAbstractListModel>
#include <QDateTime>
#include <QTimer>
#include <functional>
#include <optional>
#include <vector>

#include "storage/history.h"

namespace sikao::ui {

class ConversationListModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(bool undoAvailable READ undoAvailable NOTIFY undoChanged)
  Q_PROPERTY(QString undoTitle READ undoTitle NOTIFY undoChanged)
  Q_PROPERTY(QString error READ error NOTIFY errorChanged)

 public:
  enum Roles {
    IdRole = Qt::UserRole + 1,
    TitleRole,
    PinnedRole,
    SectionRole,       // "pinned", "today", "yesterday", "week", "older"
    SectionLabelRole,  // the translated heading
    UpdatedRole,       // QDateTime
    MessageCountRole,
  };
  Q_ENUM(Roles)

  // now: the clock the date groups are computed against (tests inject one).
  explicit ConversationListModel(storage::History& history,
                                 std::function<QDateTime()> now = &QDateTime::currentDateTime,
                                 QObject* parent = nullptr);
  ~ConversationListModel() override;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  bool undoAvailable() const { return pending_delete_.has_value(); }
  QString undoTitle() const { return pending_title_; }
  QString error() const { return error_; }
  void setUndoWindow(std::chrono::milliseconds window) { undo_timer_.setInterval(window); }

  Q_INVOKABLE void reload();
  Q_INVOKABLE int rowOf(qint64 id) const;
  Q_INVOKABLE bool rename(qint64 id, const QString& title);
  Q_INVOKABLE bool setPinned(qint64 id, bool pinned);
  // Hides the conversation now; it is deleted when the undo window ends.
  Q_INVOKABLE void remove(qint64 id);
  Q_INVOKABLE void undoRemove();
  // Ends the undo window now: the hidden conversation is deleted.
  Q_INVOKABLE void commitRemoval();
  // format: "md" or "json". Returns an empty string on success, else the reason.
  Q_INVOKABLE QString exportTo(qint64 id, const QString& format, const QString& file);

  static QString sectionFor(const QDateTime& updated, bool pinned, const QDateTime& now);
  static QString sectionLabel(const QString& section);

 signals:
  void undoChanged();
  void errorChanged();
  void removed(qint64 id);  // hidden for undo
  void restored(qint64 id);

 private:
  void set_error(const QString& message);

  storage::History& history_;
  std::function<QDateTime()> now_;
  std::vector<storage::ConversationSummary> rows_;
  std::vector<QString> sections_;
  std::optional<int64_t> pending_delete_;
  QString pending_title_;
  QTimer undo_timer_;
  QString error_;
};

} // namespace sikao::ui
