#include "chat/chat_controller.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

#include "chat/code_highlighter.h"
#include "chat/markdown_segments.h"
#include "common/log.h"

namespace sikao::ui {
namespace {

constexpr int k_title_length = 60;

QString title_from(const QString& text) {
  QString line = text.trimmed().section(QLatin1Char('\n'), 0, 0).simplified();
  if (line.size() > k_title_length) line = line.left(k_title_length - 1) + QChar(0x2026);
  return line;
}

// A second connection for the storage worker. A database it cannot open (e.g. a read-only file)
// is no reason to refuse chatting: the answer is then written on the UI thread, as a fallback.
std::unique_ptr<StorageWorker> open_storage_worker(storage::History& history) {
  try {
    return std::make_unique<StorageWorker>(history.path(), storage::HistoryOptions{});
  } catch (const storage::StorageError& e) {
    log::get("ui")->warn("storage worker unavailable, answers are written on the UI thread: {}", e.what());
    return nullptr;
  }
}

} // namespace

ChatController::ChatController(storage::History& history, EngineHost& engine, const ModelManager& models,
                               const Settings* settings, QObject* parent)
    : QObject(parent), history_(history), engine_(engine), storage_worker_(open_storage_worker(history)),
      conversations_(history), messages_(history, storage_worker_.get()), search_(history),
      models_(models), model_state_(models.state()), settings_(settings) {
  if (storage_worker_) {
    connect(storage_worker_.get(), &StorageWorker::failed, this, &ChatController::set_error);
    connect(storage_worker_.get(), &StorageWorker::appended, this, &ChatController::on_appended);
    connect(storage_worker_.get(), &StorageWorker::appendFailed, this, &ChatController::on_append_failed);
  }
  connect(&models_, &ModelManager::stateChanged, this, &ChatController::on_model_state);
  connect(&engine_, &EngineHost::tokens, this, &ChatController::on_tokens);
  connect(&engine_, &EngineHost::finished, this, &ChatController::on_finished);
  connect(&engine_, &EngineHost::failed, this, &ChatController::on_failed);
  connect(&conversations_, &ConversationListModel::removed, this, [this](qint64 id) {
    if (id == conversationId()) newChat();
  });
  // Results of a conversation deleted for good go away.
  connect(&conversations_, &ConversationListModel::undoChanged, this, [this] {
    if (!search_.query().isEmpty()) search_.setQuery(search_.query());
  });
  connect(&messages_, &MessageListModel::loadFailed, this, &ChatController::set_error);
  connect(&messages_, &MessageListModel::outsideViewChanged, this, &ChatController::contextNoticeChanged);
  load_chat_settings();
}

ChatController::~ChatController() { shutdown(); }

QString ChatController::conversationTitle() const {
  const int row = conversations_.rowOf(conversationId());
  return row < 0 ? tr("New chat")
                 : conversations_.data(conversations_.index(row), ConversationListModel::TitleRole).toString();
}

QString ChatController::sendDisabledReason() const {
  if (history_.read_only()) return tr("The history is read-only: new messages cannot be saved.");
  if (models_.state() == ModelManager::State::Loading) return tr("The model is still loading.");
  if (!model()) return tr("No model is loaded. Open a GGUF model to start chatting.");
  if (generating_) return tr("Wait for the answer or stop it.");
  return {};
}

std::string ChatController::chat_settings_json() const {
  QJsonObject o;
  if (conversationId() > 0) {
    o = QJsonDocument::fromJson(
            QByteArray::fromStdString(history_.conversation(conversationId()).settings_json))
            .object();
  }
  o[QStringLiteral("enable_thinking")] = thinking_enabled_;
  o[QStringLiteral("reasoning_effort")] = reasoning_effort_;
  o[QStringLiteral("reasoning_budget")] = reasoning_budget_;
  o[QStringLiteral("context_overflow")] =
      stop_when_context_full_ ? QStringLiteral("stop") : QStringLiteral("leave_out_oldest");
  return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

void ChatController::load_chat_settings() {
  thinking_enabled_ = true;
  reasoning_effort_.clear();
  reasoning_budget_ = 0;
  stop_when_context_full_ = false;
  system_prompt_ = settings_ ? settings_->systemPrompt() : QString();
  if (conversationId() > 0) {
    // Unknown or malformed settings fall back to the defaults.
    try {
      const storage::Conversation c = history_.conversation(conversationId());
      const QJsonObject o =
          QJsonDocument::fromJson(QByteArray::fromStdString(c.settings_json)).object();
      thinking_enabled_ = o.value(QStringLiteral("enable_thinking")).toBool(true);
      reasoning_effort_ = o.value(QStringLiteral("reasoning_effort")).toString();
      reasoning_budget_ = std::max(0, o.value(QStringLiteral("reasoning_budget")).toInt(0));
      stop_when_context_full_ = o.value(QStringLiteral("context_overflow")).toString() == QStringLiteral("stop");
      system_prompt_ = QString::fromStdString(c.system_prompt);
    } catch (const storage::StorageError& e) {
      set_error(error_report(e));
    }
  }
  emit chatSettingsChanged();
}

void ChatController::save_chat_settings() {
  if (conversationId() <= 0) return;  // written when the conversation is created
  try {
    history_.set_settings(conversationId(), chat_settings_json());
  } catch (const storage::StorageError& e) {
    set_error(error_report(e));
  }
}

void ChatController::setThinkingEnabled(bool enabled) {
  if (enabled == thinking_enabled_) return;
  thinking_enabled_ = enabled;
  save_chat_settings();
  emit chatSettingsChanged();
}

QString ChatController::reasoningEffort() const {
  const QStringList levels = reasoningEfforts();
  if (levels.contains(reasoning_effort_)) return reasoning_effort_;
  // Nothing chosen yet, or a level another model had: what the template does by default.
  return model() ? QString::fromStdString(model()->thinking.default_effort) : QString();
}

void ChatController::setReasoningEffort(const QString& effort) {
  if (effort == reasoning_effort_) return;
  reasoning_effort_ = effort;
  save_chat_settings();
  emit chatSettingsChanged();
}

bool ChatController::thinkingSwitchShown() const {
  return modelReasons() && model()->thinking.kind == chat::ThinkingControl::Kind::Switch;
}

QStringList ChatController::reasoningEfforts() const {
  QStringList levels;
  if (model() && model()->thinking.kind == chat::ThinkingControl::Kind::Effort) {
    for (const auto& level : model()->thinking.efforts) levels << QString::fromStdString(level);
  }
  return levels;
}

void ChatController::setSystemPrompt(const QString& prompt) {
  if (prompt == system_prompt_) return;
  if (conversationId() > 0) {  // a new chat's prompt is written when the chat is created
    try {
      history_.set_system_prompt(conversationId(), prompt.toStdString());
    } catch (const storage::StorageError& e) {
      set_error(error_report(e));
      return;
    }
  }
  system_prompt_ = prompt;
  emit chatSettingsChanged();
}

void ChatController::setStopWhenContextFull(bool stop) {
  if (stop == stop_when_context_full_) return;
  stop_when_context_full_ = stop;
  save_chat_settings();
  emit chatSettingsChanged();
}

QString ChatController::contextNotice() const {
  const int n = messages_.outsideView();
  if (n == 0) return {};
  return n == 1 ? tr("1 earlier message is outside the model's view")
                : tr("%1 earlier messages are outside the model's view").arg(n);
}

void ChatController::setReasoningBudget(int tokens) {
  tokens = std::max(0, tokens);
  if (tokens == reasoning_budget_) return;
  reasoning_budget_ = tokens;
  save_chat_settings();
  emit chatSettingsChanged();
}

void ChatController::on_model_state() {
  const ModelManager::State state = models_.state();
  if (state == model_state_) return;  // progress, cancelling: nothing the chat shows
  model_state_ = state;
  // The engine frees the model before it loads the next: the answer it writes ends here, before
  // the manager asks the engine to load.
  if (state == ModelManager::State::Loading && generating_) shutdown();
  if (state == ModelManager::State::Loaded) {
    set_template_warning({});
    context_used_ = 0;
    emit statsChanged();
  }
  emit modelChanged();
  emit chatSettingsChanged();  // reasoningEffort falls back to the new model's default
  emit canSendChanged();
}

void ChatController::newChat() {
  if (generating_) shutdown();
  messages_.open(0);
  load_chat_settings();
  emit conversationChanged();
}

void ChatController::openConversation(qint64 id) {
  if (id == conversationId()) return;
  if (generating_) shutdown();
  messages_.open(id);
  load_chat_settings();
  emit conversationChanged();
}

bool ChatController::send(const QString& text) {
  if (!canSend() || text.trimmed().isEmpty()) return false;
  try {
    if (conversationId() == 0) {
      storage::NewConversation c;
      c.title = title_from(text).toStdString();
      c.model_file = model()->path.toStdString();
      c.model_name = model()->name.toStdString();
      c.settings_json = chat_settings_json();
      c.system_prompt = system_prompt_.toStdString();
      messages_.open(history_.create_conversation(c));
      conversations_.reload();
      emit conversationChanged();
    }
    storage::NewMessage m;
    m.conversation_id = conversationId();
    if (messages_.rowCount() > 0) m.parent_id = messages_.messageAt(messages_.rowCount() - 1).id;
    m.role = storage::Role::User;
    m.content = text.toStdString();
    append_question(std::move(m));
  } catch (const storage::StorageError& e) {
    set_error(error_report(e));
    return false;
  }
  return true;
}

// The question is written by the storage worker when there is one (a pasted megabyte takes longer
// than a frame to write and index: issue 14); the answer starts once it is stored.
void ChatController::append_question(storage::NewMessage message) {
  if (!storage_worker_) {
    start_generation(history_.append_message(message));
    return;
  }
  pending_question_ = PendingQuestion{storage_worker_->append_message(std::move(message)), conversationId(), true};
  set_generating(true);
}

void ChatController::on_appended(quint64 ticket, qint64 message_id) {
  if (!pending_question_ || pending_question_->ticket != ticket) return;
  const PendingQuestion question = *pending_question_;
  pending_question_.reset();
  if (!question.answer || question.conversation != conversationId()) {  // stopped, or another chat opened
    if (question.conversation == conversationId()) messages_.reload();
    if (generating_) {
      set_generating(false);
      emit generationFinished();
    }
    return;
  }
  try {
    start_generation(message_id);
  } catch (const storage::StorageError& e) {
    set_generating(false);
    messages_.reload();
    set_error(error_report(e));
    emit generationFinished();
  }
}

void ChatController::on_append_failed(quint64 ticket, const ErrorReport& report) {
  if (!pending_question_ || pending_question_->ticket != ticket) return;
  pending_question_.reset();
  set_generating(false);
  set_error(report);
  emit generationFinished();
}

chat::TurnRequest ChatController::request_for(int64_t last_message_id) const {
  std::vector<storage::Message> path;
  for (std::optional<int64_t> id = last_message_id; id;) {
    path.push_back(history_.message(*id));
    id = path.back().parent_id;
  }
  std::reverse(path.begin(), path.end());
  chat::TurnRequest request;
  request.conversation.system_prompt = history_.conversation(conversationId()).system_prompt;
  for (const auto& m : path) {
    request.conversation.messages.push_back({std::string(storage::to_string(m.role)), m.content, m.reasoning});
  }
  auto& settings = request.settings;
  if (settings_) {
    settings.sampling = settings_->samplingParams();
    settings.max_tokens = settings_->maxTokens();
  }
  settings.alternatives = k_alternatives;
  // Off is passed to the template; on leaves the template's default.
  if (!thinking_enabled_) settings.thinking.enabled = false;
  // A template with levels but no default of its own gets none: its own default holds.
  if (const QString effort = reasoningEffort(); reasoningEfforts().contains(effort)) {
    settings.thinking.effort = effort.toStdString();
  }
  settings.reasoning_budget = reasoning_budget_;
  settings.overflow = stop_when_context_full_ ? chat::ContextOverflow::Stop : chat::ContextOverflow::LeaveOutOldest;
  // Messages the last answer left outside the view stay out while this path still has them.
  request.conversation.outside_view = static_cast<size_t>(
      std::min<qsizetype>(messages_.outsideView(), static_cast<qsizetype>(request.conversation.messages.size())));
  return request;
}

void ChatController::start_generation(int64_t parent_id) {
  const chat::TurnRequest request = request_for(parent_id);
  messages_.beginAssistant(parent_id, model()->name);
  set_generating(true);
  engine_.generate(request);
}

void ChatController::on_tokens(const TokenBatch& batch) {
  if (abandoned_ > 0 || !generating_) return;
  try {
    messages_.applyBatch(batch);
  } catch (const storage::StorageError& e) {
    set_error(error_report(e));
  }
}

void ChatController::on_finished(const chat::TurnResult& result) {
  if (abandoned_ > 0) {
    --abandoned_;
    return;
  }
  // An answer cut by a full context is kept like a stopped one; its note says why.
  auto status = storage::MessageStatus::Complete;
  QString note;
  if (result.did_not_fit) {
    status = storage::MessageStatus::Error;
    note = tr("This chat no longer fits the model's context (%1 tokens). Start a new chat, or turn off "
              "\u201cStop when the context is full\u201d to leave the oldest messages out of the model's view.")
               .arg(result.prompt_tokens);
  } else if (result.finish == FinishReason::ContextFull) {
    status = storage::MessageStatus::Stopped;
    note = QString::fromLatin1(k_context_full);
  } else if (result.finish == FinishReason::Stopped) {
    status = storage::MessageStatus::Stopped;
  }
  try {
    messages_.finishStreaming(status, &result, note);
  } catch (const storage::StorageError& e) {
    set_error(error_report(e));
  }
  if (result.did_not_fit) showError(note);
  messages_.setOutsideView(static_cast<int>(result.next_outside_view));
  first_token_ms_ = static_cast<int>(result.first_token_ms);
  set_template_warning(QString::fromStdString(result.warning));
  context_used_ = static_cast<int>(result.prompt_tokens + result.generated_tokens);
  tokens_per_second_ = result.tokens_per_second;
  emit statsChanged();
  set_generating(false);
  conversations_.reload();
  emit generationFinished();
}

void ChatController::on_failed(const ErrorReport& report) {
  if (abandoned_ > 0) {
    --abandoned_;
    return;
  }
  try {
    messages_.finishStreaming(storage::MessageStatus::Error, nullptr, report.detail);
  } catch (const storage::StorageError& e) {
    set_error(error_report(e));
  }
  set_error(report);
  set_generating(false);
  conversations_.reload();
  emit generationFinished();
}

void ChatController::stop() {
  if (pending_question_) {
    pending_question_->answer = false;  // ends when the question is stored (on_appended)
    return;
  }
  if (generating_) engine_.stop();
}

void ChatController::shutdown() {
  if (pending_question_) {  // the question is still stored (on_appended); no answer is started
    pending_question_->answer = false;
    set_generating(false);
    return;
  }
  if (!generating_) return;
  engine_.stop();
  ++abandoned_;
  try {
    messages_.finishStreaming(storage::MessageStatus::Stopped, nullptr);
  } catch (const storage::StorageError& e) {
    set_error(error_report(e));
  }
  set_generating(false);
}

bool ChatController::regenerate(int row) {
  if (!canSend() || !valid_row(row)) return false;
  const auto& m = messages_.messageAt(row);
  if (m.role != storage::Role::Assistant || !m.parent_id) return false;
  try {
    start_generation(*m.parent_id);
  } catch (const storage::StorageError& e) {
    set_error(error_report(e));
    return false;
  }
  return true;
}

bool ChatController::editAndResend(int row, const QString& text) {
  if (!canSend() || !valid_row(row) || text.trimmed().isEmpty()) return false;
  const auto& old = messages_.messageAt(row);
  if (old.role != storage::Role::User) return false;
  storage::NewMessage m;
  m.conversation_id = conversationId();
  m.parent_id = old.parent_id;
  m.role = storage::Role::User;
  m.content = text.toStdString();
  try {
    append_question(std::move(m));
  } catch (const storage::StorageError& e) {
    set_error(error_report(e));
    return false;
  }
  return true;
}

// The transcript is sized in bytes: the model's bytes per token measured on the prompt of the
// last answer (at least 1: a byte-level tokenizer; at most 2: no cheaper guess than that), or 2.
QString ChatController::summary_request(int row) const {
  const auto& last = messages_.messageAt(row);
  double bytes_per_token = 2.0;
  if (last.role == storage::Role::Assistant && last.stats.prompt_tokens > 0) {
    qsizetype prompt_bytes = system_prompt_.toUtf8().size();
    for (int r = 0; r < row; ++r) prompt_bytes += static_cast<qsizetype>(messages_.messageAt(r).content.size());
    bytes_per_token = std::clamp(
        static_cast<double>(prompt_bytes) / static_cast<double>(last.stats.prompt_tokens), 1.0, 2.0);
  }
  // About half the context for the transcript, the rest for the request and the summary.
  const qsizetype budget = static_cast<qsizetype>(bytes_per_token * models_.loadedContextLength() / 2);
  // A surrogate pair is 4 bytes in UTF-8: 2 for each half.
  const auto utf8_bytes = [](QChar c) {
    return c.unicode() < 0x80 ? 1 : c.unicode() < 0x800 ? 2 : c.isSurrogate() ? 2 : 3;
  };

  QStringList kept;  // newest first
  qsizetype used = 0;
  int left_out = 0;
  for (int r = row; r >= 0; --r) {
    const auto& m = messages_.messageAt(r);
    const QString text = QString::fromStdString(m.content).trimmed();
    if (text.isEmpty()) continue;
    const QString line = QString::fromLatin1(storage::to_string(m.role)) + QStringLiteral(": ") + text;
    const qsizetype bytes = line.toUtf8().size() + 2;
    if (left_out == 0 && used + bytes <= budget) {
      kept.append(line);
      used += bytes;
      continue;
    }
    if (kept.isEmpty()) {  // the newest message alone is longer than the budget: its last part
      // (64 bytes kept for the role, the ellipsis and the note before it)
      qsizetype start = text.size();
      for (qsizetype part = 0; start > 0 && part + utf8_bytes(text[start - 1]) <= budget - 64; --start) {
        part += utf8_bytes(text[start - 1]);
      }
      if (start > 0 && start < text.size() && text[start].isLowSurrogate()) ++start;
      kept.append(QString::fromLatin1(storage::to_string(m.role)) + QStringLiteral(": \u2026") + text.mid(start));
      used = budget;
      continue;
    }
    ++left_out;
  }
  std::reverse(kept.begin(), kept.end());
  if (left_out > 0) {
    kept.prepend(left_out == 1 ? tr("(1 earlier message left out)")
                               : tr("(%1 earlier messages left out)").arg(left_out));
  }
  return tr("Summarise our earlier conversation so that we can continue it. Write only the summary: what "
            "it was about, what was found or decided, and what is still open. The conversation:\n\n%1")
      .arg(kept.join(QStringLiteral("\n\n")));
}

bool ChatController::continueWithSummary(int row) {
  if (!canSend() || !valid_row(row) || conversationId() <= 0) return false;
  try {
    const QString request = summary_request(row);
    storage::NewConversation c;
    c.title = tr("%1 (continued)").arg(conversationTitle()).toStdString();
    c.model_file = model()->path.toStdString();
    c.model_name = model()->name.toStdString();
    c.settings_json = chat_settings_json();  // this chat's, with the system prompt below
    c.system_prompt = system_prompt_.toStdString();
    messages_.open(history_.create_conversation(c));
    conversations_.reload();
    emit conversationChanged();
    storage::NewMessage m;
    m.conversation_id = conversationId();
    m.role = storage::Role::User;
    m.content = request.toStdString();
    append_question(std::move(m));
  } catch (const storage::StorageError& e) {
    set_error(error_report(e));
    return false;
  }
  return true;
}

bool ChatController::selectBranch(int row, int delta) {
  if (generating_ || !valid_row(row)) return false;
  try {
    const auto& m = messages_.messageAt(row);
    const auto siblings = history_.siblings(m.id);
    const int target = history_.branch_position(m.id).index + delta;
    if (target < 0 || target >= static_cast<int>(siblings.size())) return false;
    history_.switch_branch(siblings[static_cast<size_t>(target)].id);
  } catch (const storage::StorageError& e) {
    set_error(error_report(e));
    return false;
  }
  messages_.reload();
  return true;
}

QString ChatController::messageText(int row) const {
  return valid_row(row) ? QString::fromStdString(messages_.messageAt(row).content) : QString();
}

QVariantList ChatController::segments(const QString& markdown, bool collapsed, bool display_math) const {
  QVariantList out;
  const DisplayLimits limits{k_display_chunk, collapsed ? k_long_message_preview : 0, display_math};
  // A long code block's pieces are highlighted each in its own text item: each starts in the
  // state (an open comment or string) the pieces before it end in.
  code::LineState code_state = 0;
  for (const auto& s : display_segments(markdown, limits)) {
    if (!s.continued) code_state = 0;
    const code::LineState start_state = code_state;
    if (const code::LanguageRules* language = s.code ? code::find_language(s.language) : nullptr) {
      code_state = code::state_after(*language, s.text, code_state);
    }
    out.append(QVariantMap{{QStringLiteral("code"), s.code},
                           {QStringLiteral("text"), s.text},
                           {QStringLiteral("language"), s.language},
                           {QStringLiteral("block"), s.block},
                           {QStringLiteral("continued"), s.continued},
                           {QStringLiteral("codeState"), start_state},
                           {QStringLiteral("math"), s.display_math}});
  }
  return out;
}

void ChatController::copyCodeBlock(const QString& markdown, int block) { copyText(code_block(markdown, block)); }

void ChatController::copyText(const QString& text) {
  if (auto* clipboard = QGuiApplication::clipboard()) clipboard->setText(text);
}

void ChatController::copyMessage(int row) {
  if (valid_row(row)) copyText(messageText(row));
}

void ChatController::copyLastAnswer() {
  for (int row = messages_.rowCount() - 1; row >= 0; --row) {
    if (messages_.messageAt(row).role == storage::Role::Assistant) {
      copyMessage(row);
      return;
    }
  }
}

void ChatController::openSearchResult(int row) {
  if (row < 0 || row >= search_.rowCount()) return;
  const storage::SearchHit hit = search_.hitAt(row);
  openConversation(hit.conversation_id);
  int at = messages_.rowOfMessage(hit.message_id);
  if (at < 0) {
    // The match is on another branch: show the path through it.
    try {
      history_.switch_branch(hit.message_id);
    } catch (const storage::StorageError& e) {
      set_error(error_report(e));
      return;
    }
    messages_.reload();
    at = messages_.rowOfMessage(hit.message_id);
  }
  focus_row_ = at;
  emit focusRequested(at);
}

void ChatController::inspect(int row) {
  if (!valid_row(row)) return;
  const auto& m = messages_.messageAt(row);
  inspector_.setMessage(QString::fromStdString(m.reasoning), messages_.confidence(m.id));
}

void ChatController::set_generating(bool generating) {
  if (generating_ == generating) return;
  generating_ = generating;
  emit generatingChanged();
  emit canSendChanged();
}

void ChatController::set_template_warning(const QString& warning) {
  if (warning == template_warning_) return;
  template_warning_ = warning;
  emit templateWarningChanged();
}

void ChatController::set_error(const ErrorReport& report) {
  last_error_ = error_sentence(report.kind);
  last_error_detail_ = report.detail;
  emit lastErrorChanged();
}

void ChatController::showError(const QString& sentence) {
  last_error_ = sentence;
  last_error_detail_.clear();
  emit lastErrorChanged();
}

} // namespace sikao::ui
