#include "chat/search_model.h"

namespace sikao::ui {
namespace {

// Marks that cannot occur in stored text (C0 controls), replaced after HTML escaping.
constexpr char k_open[] = "\x02";
constexpr char k_close[] = "\x03";

QString snippet_html(const std::string& snippet) {
  QString html = QString::fromStdString(snippet).toHtmlEscaped();
  html.replace(QLatin1String(k_open), QLatin1String("<b>"));
  html.replace(QLatin1String(k_close), QLatin1String("</b>"));
  return html;
}

} // namespace

SearchModel::SearchModel(storage::History& history, QObject* parent)
    : QAbstractListModel(parent), history_(history) {}

int SearchModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(hits_.size());
}

QVariant SearchModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const auto& h = hits_[static_cast<size_t>(index.row())];
  switch (role) {
    case ConversationIdRole: return QVariant::fromValue<qint64>(h.conversation_id);
    case MessageIdRole: return QVariant::fromValue<qint64>(h.message_id);
    case Qt::DisplayRole:
    case TitleRole: return QString::fromStdString(h.conversation_title);
    case SnippetRole: return snippet_html(h.snippet);
    case FieldRole:
      return h.field == storage::SearchField::Reasoning ? QStringLiteral("reasoning")
                                                        : QStringLiteral("content");
    case RoleRole: return QString::fromLatin1(storage::to_string(h.role));
  }
  return {};
}

QHash<int, QByteArray> SearchModel::roleNames() const {
  return {{ConversationIdRole, "conversationId"}, {MessageIdRole, "messageId"},
          {TitleRole, "title"},                   {SnippetRole, "snippet"},
          {FieldRole, "field"},                   {RoleRole, "role"}};
}

void SearchModel::setQuery(const QString& query) {
  beginResetModel();
  query_ = query;
  error_.clear();
  hits_.clear();
  if (!query.trimmed().isEmpty()) {
    storage::SearchOptions options;
    options.order = storage::SearchOrder::Rank;
    options.mark_open = k_open;
    options.mark_close = k_close;
    try {
      hits_ = history_.search(query.toStdString(), options);
    } catch (const storage::StorageError& e) {
      error_ = QString::fromUtf8(e.what());
    }
  }
  endResetModel();
  emit queryChanged();
}

} // namespace sikao::ui
