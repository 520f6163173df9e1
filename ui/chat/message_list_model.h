#pragma once
// The open conversation: the messages of its active path, first to last, as the chat view shows
// them. An assistant message being generated grows from the engine thread's token batches; its
// text reaches the database through History's throttled streaming writes and at the end in full.
// Reasoning state and timing come from the stored stats (reasoning_ms, reasoning_tokens), so a
// finished block reads the same after a restart.

#include <QAbstractListModel>
#include <QHash>
#include <optional>
#include <vector>

#include "chat/storage_worker.h"
#include "error_report.h"
#include "engine/generation_types.h"
#include "storage/history.h"

namespace sikao::ui {

class MessageListModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(qint64 conversationId READ conversationId NOTIFY conversationChanged)
  Q_PROPERTY(int streamingRow READ streamingRow NOTIFY streamingChanged)

 public:
  enum Roles {
    IdRole = Qt::UserRole + 1,
    RoleRole,            // "user", "assistant", "system"
    ContentRole,
    ReasoningRole,
    ReasoningStateRole,  // "none", "streaming", "finished"
    ReasoningSecondsRole,
    ReasoningTokensRole,
    StatusRole,          // "streaming", "complete", "stopped", "error"
    ErrorRole,
    BranchIndexRole,     // 1-based
    BranchCountRole,
    TokensPerSecondRole,
    GeneratedTokensRole,
    ModelRole,
    HasConfidenceRole,   // per-token probabilities are known (generated in this session)
    OutsideViewRole,     // left out of the model's prompt: the conversation outgrew the context
  };
  Q_ENUM(Roles)

  // storage_worker: where the rewrites of a streaming answer go (null: written here, on the
  // caller's thread).
  explicit MessageListModel(storage::History& history, StorageWorker* storage_worker = nullptr,
                            QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  qint64 conversationId() const { return conversation_id_.value_or(0); }
  int streamingRow() const;

  // Shows the active path of a conversation (0: none).
  void open(qint64 conversation_id);
  void reload();
  Q_INVOKABLE int rowOfMessage(qint64 message_id) const;
  const storage::Message& messageAt(int row) const { return rows_[static_cast<size_t>(row)].message; }

  // Streaming, driven by the controller.
  int64_t beginAssistant(std::optional<int64_t> parent_id, const QString& model_name);
  void applyBatch(const TokenBatch& batch);
  void finishStreaming(storage::MessageStatus status, const chat::TurnResult* result,
                       const QString& error = {});
  bool streaming() const { return streaming_id_.has_value(); }

  // The first `count` messages of the active path are outside the model's view (the last turn's
  // chat::TurnResult::next_outside_view); 0 when a conversation is opened.
  void setOutsideView(int count);
  int outsideView() const { return outside_view_; }

  // Per-token confidence of a message: kept in memory while it streams, stored with its final
  // write, read back from the history on first use (empty when none was stored or the stored
  // bytes do not decode).
  const QVector<TokenConfidence>& confidence(qint64 message_id) const;

 signals:
  void conversationChanged();
  void streamingChanged();
  void outsideViewChanged();
  // The conversation could not be read (deleted meanwhile, damaged database): the list is empty.
  void loadFailed(const sikao::ui::ErrorReport& report);

 private:
  struct Row {
    storage::Message message;
    storage::BranchPosition branch;
    bool reasoning_done = true;
  };
  void write_streaming(bool final_write, storage::MessageStatus status, const QString& error);
  bool extend_to(int64_t message_id);

  storage::History& history_;
  StorageWorker* storage_worker_;
  std::optional<int64_t> conversation_id_;
  std::vector<Row> rows_;
  std::optional<int64_t> streaming_id_;
  int outside_view_ = 0;
  mutable QHash<qint64, QVector<TokenConfidence>> confidence_;  // a cache of the history's
};

} // namespace sikao::ui
