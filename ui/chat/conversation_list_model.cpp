#include "chat/conversation_list_model.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QUrl>

namespace sikao::ui {

ConversationListModel::ConversationListModel(storage::History& history,
                                             std::function<QDateTime()> now, QObject* parent)
    : QAbstractListModel(parent), history_(history), now_(std::move(now)) {
  undo_timer_.setSingleShot(true);
  undo_timer_.setInterval(std::chrono::seconds(8));
  connect(&undo_timer_, &QTimer::timeout, this, &ConversationListModel::commitRemoval);
  reload();
}

ConversationListModel::~ConversationListModel() { commitRemoval(); }

int ConversationListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QString ConversationListModel::sectionFor(const QDateTime& updated, bool pinned, const QDateTime& now) {
  if (pinned) return QStringLiteral("pinned");
  const qint64 days = updated.date().daysTo(now.date());
  if (days <= 0) return QStringLiteral("today");
  if (days == 1) return QStringLiteral("yesterday");
  if (days < 7) return QStringLiteral("week");
  return QStringLiteral("older");
}

QString ConversationListModel::sectionLabel(const QString& section) {
  if (section == QLatin1String("pinned")) return tr("Pinned");
  if (section == QLatin1String("today")) return tr("Today");
  if (section == QLatin1String("yesterday")) return tr("Yesterday");
  if (section == QLatin1String("week")) return tr("Previous 7 days");
  return tr("Older");
}

QVariant ConversationListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const auto& s = rows_[static_cast<size_t>(index.row())];
  const auto& c = s.conversation;
  switch (role) {
    case IdRole: return QVariant::fromValue<qint64>(c.id);
    case Qt::DisplayRole:
    case TitleRole: return c.title.empty() ? tr("New chat") : QString::fromStdString(c.title);
    case PinnedRole: return c.pinned;
    case SectionRole: return sections_[static_cast<size_t>(index.row())];
    case SectionLabelRole: return sectionLabel(sections_[static_cast<size_t>(index.row())]);
    case UpdatedRole: return QDateTime::fromMSecsSinceEpoch(c.updated_ms);
    case MessageCountRole: return QVariant::fromValue<qint64>(s.message_count);
  }
  return {};
}

QHash<int, QByteArray> ConversationListModel::roleNames() const {
  return {{IdRole, "conversationId"},   {TitleRole, "title"},
          {PinnedRole, "pinned"},       {SectionRole, "section"},
          {SectionLabelRole, "sectionLabel"}, {UpdatedRole, "updated"},
          {MessageCountRole, "messageCount"}};
}

void ConversationListModel::set_error(const QString& message) {
  error_ = message;
  emit errorChanged();
}

void ConversationListModel::reload() {
  beginResetModel();
  rows_.clear();
  sections_.clear();
  try {
    storage::ListOptions options;
    options.limit = 100000;
    const QDateTime now = now_();
    for (auto& s : history_.list_conversations(options)) {
      if (pending_delete_ && s.conversation.id == *pending_delete_) continue;
      sections_.push_back(sectionFor(QDateTime::fromMSecsSinceEpoch(s.conversation.updated_ms),
                                     s.conversation.pinned, now));
      rows_.push_back(std::move(s));
    }
  } catch (const storage::StorageError& e) {
    set_error(QString::fromUtf8(e.what()));
  }
  endResetModel();
}

int ConversationListModel::rowOf(qint64 id) const {
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].conversation.id == id) return static_cast<int>(i);
  }
  return -1;
}

bool ConversationListModel::rename(qint64 id, const QString& title) {
  const QString trimmed = title.trimmed();
  if (trimmed.isEmpty()) return false;
  try {
    history_.rename_conversation(id, trimmed.toStdString());
  } catch (const storage::StorageError& e) {
    set_error(QString::fromUtf8(e.what()));
    return false;
  }
  reload();
  return true;
}

bool ConversationListModel::setPinned(qint64 id, bool pinned) {
  try {
    history_.set_pinned(id, pinned);
  } catch (const storage::StorageError& e) {
    set_error(QString::fromUtf8(e.what()));
    return false;
  }
  reload();
  return true;
}

void ConversationListModel::remove(qint64 id) {
  const int row = rowOf(id);
  if (row < 0) return;
  commitRemoval();
  pending_delete_ = id;
  pending_title_ = data(index(row), TitleRole).toString();
  beginRemoveRows({}, row, row);
  rows_.erase(rows_.begin() + row);
  sections_.erase(sections_.begin() + row);
  endRemoveRows();
  undo_timer_.start();
  emit undoChanged();
  emit removed(id);
}

void ConversationListModel::undoRemove() {
  if (!pending_delete_) return;
  const int64_t id = *pending_delete_;
  undo_timer_.stop();
  pending_delete_.reset();
  pending_title_.clear();
  reload();
  emit undoChanged();
  emit restored(id);
}

void ConversationListModel::commitRemoval() {
  if (!pending_delete_) return;
  undo_timer_.stop();
  const int64_t id = *pending_delete_;
  pending_delete_.reset();
  pending_title_.clear();
  try {
    history_.delete_conversation(id);
  } catch (const storage::StorageError& e) {
    set_error(QString::fromUtf8(e.what()));
    reload();  // it stays, visibly
  }
  emit undoChanged();
}

QString ConversationListModel::exportTo(qint64 id, const QString& format, const QString& file) {
  const QString path = file.startsWith(QLatin1String("file:")) ? QUrl(file).toLocalFile() : file;
  std::string text;
  try {
    if (format == QLatin1String("md")) {
      text = history_.export_markdown(id);
    } else if (format == QLatin1String("json")) {
      text = history_.export_json({id});
    } else {
      return tr("Unknown export format \"%1\" (use md or json)").arg(format);
    }
  } catch (const storage::StorageError& e) {
    return QString::fromUtf8(e.what());
  }
  QSaveFile out(path);
  if (!out.open(QIODevice::WriteOnly) ||
      out.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) ||
      !out.commit()) {
    return tr("Cannot write %1: %2").arg(path, out.errorString());
  }
  return {};
}

} // namespace sikao::ui
