#pragma once
// Full-text search over every conversation (answers and reasoning), as the sidebar lists it:
// one row per matching message, its conversation's title and a snippet with the match in bold.

#include <QAbstractListModel>
#include <vector>

#include "storage/history.h"

namespace sikao::ui {

class SearchModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
  Q_PROPERTY(QString error READ error NOTIFY queryChanged)
  Q_PROPERTY(int count READ rowCount NOTIFY queryChanged)

 public:
  enum Roles {
    ConversationIdRole = Qt::UserRole + 1,
    MessageIdRole,
    TitleRole,
    SnippetRole,  // rich text: escaped, the match in <b>
    FieldRole,    // "content" or "reasoning"
    RoleRole,     // "user", "assistant"
  };
  Q_ENUM(Roles)

  explicit SearchModel(storage::History& history, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  QString query() const { return query_; }
  void setQuery(const QString& query);
  QString error() const { return error_; }
  const storage::SearchHit& hitAt(int row) const { return hits_[static_cast<size_t>(row)]; }

 signals:
  void queryChanged();

 private:
  storage::History& history_;
  QString query_;
  QString error_;
  std::vector<storage::SearchHit> hits_;
};

} // namespace sikao::ui
