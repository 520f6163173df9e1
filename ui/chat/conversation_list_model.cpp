#include "chat/conversation_list_model.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QUrl>
#include <algorithm>

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

// The list is read again after every answer; a model reset makes the sidebar build every row
// anew (tens of milliseconds with a hundred chats), so the usual changes are told as what they
// are: the same rows (an answer updated the open chat, already first), one row added (a new chat)
// or one row moved (an older chat continued). Anything else resets.
void ConversationListModel::reload() {
  std::vector<storage::ConversationSummary> rows;
  std::vector<QString> sections;
  try {
    storage::ListOptions options;
    options.limit = 100000;
    const QDateTime now = now_();
    for (auto& s : history_.list_conversations(options)) {
      if (pending_delete_ && s.conversation.id == *pending_delete_) continue;
      sections.push_back(sectionFor(QDateTime::fromMSecsSinceEpoch(s.conversation.updated_ms),
                                    s.conversation.pinned, now));
      rows.push_back(std::move(s));
    }
  } catch (const storage::StorageError& e) {
    set_error(QString::fromUtf8(e.what()));
    beginResetModel();
    rows_.clear();
    sections_.clear();
    endResetModel();
    return;
  }
  const auto ids = [](const std::vector<storage::ConversationSummary>& list) {
    std::vector<int64_t> out;
    out.reserve(list.size());
    for (const auto& s : list) out.push_back(s.conversation.id);
    return out;
  };
  const std::vector<int64_t> before = ids(rows_);
  const std::vector<int64_t> after = ids(rows);
  const auto replace = [&] {
    rows_ = std::move(rows);
    sections_ = std::move(sections);
    if (!rows_.empty()) emit dataChanged(index(0), index(rowCount() - 1));
  };
  if (before == after) {
    replace();
    return;
  }
  // The first position where the lists differ; one row added there, or one row moved from or to it.
  size_t first = 0;
  while (first < before.size() && first < after.size() && before[first] == after[first]) ++first;
  const auto without = [](std::vector<int64_t> list, size_t at) {
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(at));
    return list;
  };
  if (after.size() == before.size() + 1 && without(after, first) == before) {
    beginInsertRows({}, static_cast<int>(first), static_cast<int>(first));
    rows_.insert(rows_.begin() + static_cast<std::ptrdiff_t>(first), rows[first]);
    sections_.insert(sections_.begin() + static_cast<std::ptrdiff_t>(first), sections[first]);
    endInsertRows();
    replace();
    return;
  }
  if (after.size() == before.size() && first < before.size()) {
    // Moved up to `first`: after[first] came from further down in before.
    const auto from = std::find(before.begin(), before.end(), after[first]) - before.begin();
    if (from < static_cast<std::ptrdiff_t>(before.size()) && without(before, static_cast<size_t>(from)) == without(after, first)) {
      beginMoveRows({}, static_cast<int>(from), static_cast<int>(from), {}, static_cast<int>(first));
      auto row = std::move(rows_[static_cast<size_t>(from)]);
      rows_.erase(rows_.begin() + from);
      rows_.insert(rows_.begin() + static_cast<std::ptrdiff_t>(first), std::move(row));
      endMoveRows();
      replace();
      return;
    }
  }
  beginResetModel();
  rows_ = std::move(rows);
  sections_ = std::move(sections);
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
