#include "chat/message_list_model.h"

#include <algorithm>

#include <iterator>

#include "chat/token_confidence_codec.h"

namespace sikao::ui {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

} // namespace

MessageListModel::MessageListModel(storage::History& history, StorageWorker* storage_worker,
                                   QObject* parent)
    : QAbstractListModel(parent), history_(history), storage_worker_(storage_worker) {}

int MessageListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int MessageListModel::streamingRow() const {
  return streaming_id_ ? rowOfMessage(*streaming_id_) : -1;
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const Row& row = rows_[static_cast<size_t>(index.row())];
  const storage::Message& m = row.message;
  switch (role) {
    case IdRole: return QVariant::fromValue<qint64>(m.id);
    case RoleRole: return QString::fromLatin1(storage::to_string(m.role));
    case Qt::DisplayRole:
    case ContentRole: return qs(m.content);
    case ReasoningRole: return qs(m.reasoning);
    case ReasoningStateRole:
      if (m.reasoning.empty()) return QStringLiteral("none");
      return m.status == storage::MessageStatus::Streaming && !row.reasoning_done
                 ? QStringLiteral("streaming")
                 : QStringLiteral("finished");
    case ReasoningSecondsRole: return static_cast<int>((m.stats.reasoning_ms + 500) / 1000);
    case ReasoningTokensRole: return QVariant::fromValue<qint64>(m.stats.reasoning_tokens);
    case StatusRole: return QString::fromLatin1(storage::to_string(m.status));
    case ErrorRole: return qs(m.error);
    case BranchIndexRole: return row.branch.index + 1;
    case BranchCountRole: return row.branch.count;
    case TokensPerSecondRole: return m.stats.tokens_per_second;
    case GeneratedTokensRole: return QVariant::fromValue<qint64>(m.stats.generated_tokens);
    case ModelRole: return qs(m.model);
    case HasConfidenceRole: return !confidence(m.id).isEmpty();
    case OutsideViewRole: return index.row() < outside_view_;
  }
  return {};
}

QHash<int, QByteArray> MessageListModel::roleNames() const {
  return {{IdRole, "messageId"},
          {RoleRole, "role"},
          {ContentRole, "content"},
          {ReasoningRole, "reasoning"},
          {ReasoningStateRole, "reasoningState"},
          {ReasoningSecondsRole, "reasoningSeconds"},
          {ReasoningTokensRole, "reasoningTokens"},
          {StatusRole, "status"},
          {ErrorRole, "errorText"},
          {BranchIndexRole, "branchIndex"},
          {BranchCountRole, "branchCount"},
          {TokensPerSecondRole, "tokensPerSecond"},
          {GeneratedTokensRole, "generatedTokens"},
          {ModelRole, "modelName"},
          {HasConfidenceRole, "hasConfidence"},
          {OutsideViewRole, "outsideView"}};
}

void MessageListModel::open(qint64 conversation_id) {
  if (conversation_id <= 0) {
    conversation_id_.reset();
  } else {
    conversation_id_ = conversation_id;
  }
  reload();
  setOutsideView(0);
  emit conversationChanged();
}

void MessageListModel::setOutsideView(int count) {
  count = std::clamp(count, 0, rowCount());
  if (count == outside_view_) return;
  const int changed = std::max(count, outside_view_);
  outside_view_ = count;
  if (changed > 0) emit dataChanged(index(0), index(changed - 1), {OutsideViewRole});
  emit outsideViewChanged();
}

void MessageListModel::reload() {
  beginResetModel();
  std::vector<Row> kept;
  // The streaming row's live state (reasoning still open) is not in the database.
  std::optional<bool> streaming_done;
  for (const auto& r : rows_) {
    if (streaming_id_ && r.message.id == *streaming_id_) streaming_done = r.reasoning_done;
  }
  rows_.clear();
  std::optional<ErrorReport> failure;
  if (conversation_id_) {
    try {
      for (auto& m : history_.active_path(*conversation_id_)) {
        Row row;
        row.branch = history_.branch_position(m.id);
        row.reasoning_done = !(streaming_id_ && m.id == *streaming_id_) || streaming_done.value_or(false);
        row.message = std::move(m);
        rows_.push_back(std::move(row));
      }
    } catch (const storage::StorageError& e) {
      rows_.clear();
      conversation_id_.reset();
      failure = error_report(e);
    }
  }
  endResetModel();
  if (failure) emit loadFailed(*failure);
}

// The new answer (and the question it answers, when that is not shown yet) continue the shown
// path: insert those rows instead of reloading the path, which would lay out every message of the
// chat again (a long one is costly). False when the message does not continue the last row
// (a regenerated answer or an edited question branch off earlier: reload).
bool MessageListModel::extend_to(int64_t message_id) {
  // Message ids start at 1: 0 stands for "above the first message".
  const int64_t last = rows_.empty() ? 0 : rows_.back().message.id;
  std::vector<Row> added;  // newest first
  int64_t at = message_id;
  try {
    while (at != 0 && at != last && added.size() < 2) {
      Row row;
      row.message = history_.message(at);
      row.branch = history_.branch_position(at);
      at = row.message.parent_id.value_or(0);
      added.push_back(std::move(row));
    }
  } catch (const storage::StorageError&) {
    return false;  // reload() reports it
  }
  if (at != last || added.empty()) return false;
  const int first = static_cast<int>(rows_.size());
  beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
  rows_.insert(rows_.end(), std::make_move_iterator(added.rbegin()), std::make_move_iterator(added.rend()));
  endInsertRows();
  return true;
}

int MessageListModel::rowOfMessage(qint64 message_id) const {
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].message.id == message_id) return static_cast<int>(i);
  }
  return -1;
}

int64_t MessageListModel::beginAssistant(std::optional<int64_t> parent_id, const QString& model_name) {
  storage::NewMessage m;
  m.conversation_id = conversationId();
  m.parent_id = parent_id;
  m.role = storage::Role::Assistant;
  m.model = model_name.toStdString();
  streaming_id_ = history_.begin_streaming(m);
  confidence_.insert(*streaming_id_, {});
  if (!extend_to(*streaming_id_)) reload();
  if (!rows_.empty()) rows_.back().reasoning_done = false;
  emit streamingChanged();
  return *streaming_id_;
}

void MessageListModel::applyBatch(const TokenBatch& batch) {
  const int row_index = streamingRow();
  if (row_index < 0) return;
  Row& row = rows_[static_cast<size_t>(row_index)];
  storage::Message& m = row.message;
  auto& tokens = confidence_[m.id];
  for (const StreamDelta& d : batch.deltas) {
    switch (d.part) {
      case chat::DeltaKind::Reasoning: m.reasoning += d.text.toStdString(); break;
      case chat::DeltaKind::Answer: m.content += d.text.toStdString(); break;
      case chat::DeltaKind::AnswerWasReasoning:
        m.reasoning += m.content;
        m.content.clear();
        for (auto& t : tokens) t.reasoning = true;
        break;
    }
  }
  tokens += batch.tokens;
  m.stats.generated_tokens = batch.generatedTokens;
  m.stats.reasoning_tokens = batch.reasoningTokens;
  m.stats.reasoning_ms = batch.reasoningMs;
  row.reasoning_done = batch.reasoningDone;
  write_streaming(false, storage::MessageStatus::Streaming, {});
  emit dataChanged(index(row_index), index(row_index));
}

void MessageListModel::write_streaming(bool final_write, storage::MessageStatus status,
                                       const QString& error) {
  const int row_index = streamingRow();
  const storage::Message& m = rows_[static_cast<size_t>(row_index)].message;
  if (final_write) {
    // The worker's rewrites land first: the final write is the last word on this message.
    if (storage_worker_) storage_worker_->wait_idle();
    const auto& tokens = confidence_.value(m.id);
    history_.finish_streaming(m.id, status, m.content, m.reasoning, m.stats, error.toStdString(),
                              tokens.isEmpty() ? std::string() : encode_token_confidence(tokens).toStdString());
  } else if (storage_worker_) {
    storage_worker_->update_streaming(m.id, m.content, m.reasoning, m.stats);
  } else {
    history_.update_streaming(m.id, m.content, m.reasoning, m.stats);
  }
}

void MessageListModel::finishStreaming(storage::MessageStatus status, const chat::TurnResult* result,
                                       const QString& error) {
  const int row_index = streamingRow();
  if (row_index < 0) {
    streaming_id_.reset();
    return;
  }
  Row& row = rows_[static_cast<size_t>(row_index)];
  auto& stats = row.message.stats;
  if (result) {
    stats.prompt_tokens = result->prompt_tokens;
    stats.generated_tokens = result->generated_tokens;
    stats.reasoning_tokens = result->reasoning_tokens;
    stats.reasoning_ms = result->reasoning_ms;
    stats.total_ms = result->total_ms;
    stats.tokens_per_second = result->tokens_per_second;
  }
  try {
    write_streaming(true, status, error);
  } catch (const storage::StorageError&) {
    streaming_id_.reset();
    emit streamingChanged();
    throw;
  }
  const int64_t id = row.message.id;
  row.message = history_.message(id);
  row.reasoning_done = true;
  streaming_id_.reset();
  emit dataChanged(index(row_index), index(row_index));
  emit streamingChanged();
}

const QVector<TokenConfidence>& MessageListModel::confidence(qint64 message_id) const {
  auto it = confidence_.find(message_id);
  if (it == confidence_.end()) {
    QVector<TokenConfidence> stored;
    try {
      if (const auto bytes = history_.token_confidence(message_id)) {
        stored = decode_token_confidence(QByteArrayView(bytes->data(), static_cast<qsizetype>(bytes->size())))
                     .value_or(QVector<TokenConfidence>());
      }
    } catch (const storage::StorageError&) {
      // Unreadable: shown without probabilities, like an answer that has none.
    }
    it = confidence_.insert(message_id, std::move(stored));
  }
  return *it;
}

} // namespace sikao::ui
