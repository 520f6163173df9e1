#pragma once
// Ties the chat views together: the conversation list, the open conversation's messages, search
// and the reasoning inspector over one History, and the engine thread. Intent-level slots for
// QML (send, stop, regenerate, editAndResend, selectBranch, ...) and the status the window shows.
// Lives on the UI thread; the engine's results arrive as queued signals. Which model is loaded
// (or loading) it reads from the ModelManager, the one owner of the load state.

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <memory>
#include <optional>

#include "chat/conversation_list_model.h"
#include "chat/message_list_model.h"
#include "chat/reasoning_inspector_model.h"
#include "chat/search_model.h"
#include "chat/storage_worker.h"
#include "engine/engine_host.h"
#include "error_report.h"
#include "models/model_manager.h"
#include "settings/settings.h"
#include "storage/history.h"

namespace sikao::ui {

class ChatController : public QObject {
  Q_OBJECT
  Q_PROPERTY(sikao::ui::ConversationListModel* conversations READ conversations CONSTANT)
  Q_PROPERTY(sikao::ui::MessageListModel* messages READ messages CONSTANT)
  Q_PROPERTY(sikao::ui::SearchModel* search READ search CONSTANT)
  Q_PROPERTY(sikao::ui::ReasoningInspectorModel* inspector READ inspector CONSTANT)
  Q_PROPERTY(qint64 conversationId READ conversationId NOTIFY conversationChanged)
  Q_PROPERTY(QString conversationTitle READ conversationTitle NOTIFY conversationChanged)
  Q_PROPERTY(int contextUsed READ contextUsed NOTIFY statsChanged)
  Q_PROPERTY(double tokensPerSecond READ tokensPerSecond NOTIFY statsChanged)
  Q_PROPERTY(bool generating READ generating NOTIFY generatingChanged)
  Q_PROPERTY(bool canSend READ canSend NOTIFY canSendChanged)
  Q_PROPERTY(QString sendDisabledReason READ sendDisabledReason NOTIFY canSendChanged)
  // The last error: a sentence for the user (translated) and the technical detail below it.
  Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
  Q_PROPERTY(QString lastErrorDetail READ lastErrorDetail NOTIFY lastErrorChanged)
  // The history can only be read (a read-only file, folder or medium): chats are shown, nothing
  // that writes is offered.
  Q_PROPERTY(bool historyReadOnly READ historyReadOnly CONSTANT)
  // Why the loaded model's chat template was not used for the last answer (the built-in format
  // was); empty while the template works.
  Q_PROPERTY(QString templateWarning READ templateWarning NOTIFY templateWarningChanged)
  // Messages longer than this (characters) are shown collapsed to their first
  // longMessagePreview characters, with "Show all".
  Q_PROPERTY(int longMessageLength READ longMessageLength CONSTANT)
  Q_PROPERTY(int longMessagePreview READ longMessagePreview CONSTANT)
  Q_PROPERTY(int focusRow READ focusRow NOTIFY focusRequested)
  // Per chat, stored in the conversation's settings_json: thinking on/off (models whose template
  // has a switch), the reasoning effort (models whose template has levels, gpt-oss: empty, the
  // template's default) and the reasoning budget in tokens (0: none).
  Q_PROPERTY(bool thinkingEnabled READ thinkingEnabled WRITE setThinkingEnabled NOTIFY chatSettingsChanged)
  Q_PROPERTY(QString reasoningEffort READ reasoningEffort WRITE setReasoningEffort NOTIFY chatSettingsChanged)
  Q_PROPERTY(int reasoningBudget READ reasoningBudget WRITE setReasoningBudget NOTIFY chatSettingsChanged)
  // This chat's system prompt (stored in the conversation); a new chat starts with the default
  // from the settings.
  Q_PROPERTY(QString systemPrompt READ systemPrompt WRITE setSystemPrompt NOTIFY chatSettingsChanged)
  Q_PROPERTY(bool modelReasons READ modelReasons NOTIFY modelChanged)
  // What the composer offers for the loaded model's thinking (chat::ThinkingControl): the on/off
  // switch where the template has one, the effort levels (lowest first) where it has those;
  // neither where the model always reasons, or never does.
  Q_PROPERTY(bool thinkingSwitchShown READ thinkingSwitchShown NOTIFY modelChanged)
  Q_PROPERTY(QStringList reasoningEfforts READ reasoningEfforts NOTIFY modelChanged)
  // Per chat (settings_json "context_overflow"): when the conversation outgrows the context, end
  // the turn with a message instead of leaving the oldest messages out of the model's view.
  Q_PROPERTY(bool stopWhenContextFull READ stopWhenContextFull WRITE setStopWhenContextFull NOTIFY chatSettingsChanged)
  // "3 earlier messages are outside the model's view"; empty while the model sees them all.
  Q_PROPERTY(QString contextNotice READ contextNotice NOTIFY contextNoticeChanged)
  // From sending (or regenerating) to the first token of the last answer, in ms; -1: none yet.
  Q_PROPERTY(int firstTokenMs READ firstTokenMs NOTIFY statsChanged)

 public:
  // settings: sampling, maximum length and the default system prompt of every generation, read
  // when it starts (so a changed setting applies to the next answer); null: the engine's defaults.
  // models: whose loads reach `engine` (AppContext wires them).
  ChatController(storage::History& history, EngineHost& engine, const ModelManager& models,
                 const Settings* settings = nullptr, QObject* parent = nullptr);
  // Stops a running generation and keeps its partial answer (shutdown()).
  ~ChatController() override;
  // Rewrites done by the storage worker (tests; 0 without one).
  int64_t storageWorkerWrites() const { return storage_worker_ ? storage_worker_->writes() : 0; }

  ConversationListModel* conversations() { return &conversations_; }
  MessageListModel* messages() { return &messages_; }
  SearchModel* search() { return &search_; }
  ReasoningInspectorModel* inspector() { return &inspector_; }

  qint64 conversationId() const { return messages_.conversationId(); }
  QString conversationTitle() const;
  int contextUsed() const { return context_used_; }
  double tokensPerSecond() const { return tokens_per_second_; }
  bool generating() const { return generating_; }
  bool canSend() const { return sendDisabledReason().isEmpty(); }
  QString sendDisabledReason() const;
  QString lastError() const { return last_error_; }
  QString lastErrorDetail() const { return last_error_detail_; }
  bool historyReadOnly() const { return history_.read_only(); }
  QString templateWarning() const { return template_warning_; }
  int longMessageLength() const { return k_long_message_length; }
  int longMessagePreview() const { return k_long_message_preview; }
  int focusRow() const { return focus_row_; }

  bool thinkingEnabled() const { return thinking_enabled_; }
  void setThinkingEnabled(bool enabled);
  int reasoningBudget() const { return reasoning_budget_; }
  void setReasoningBudget(int tokens);
  QString reasoningEffort() const;
  void setReasoningEffort(const QString& effort);
  bool modelReasons() const { return model() && model()->reasons; }
  bool thinkingSwitchShown() const;
  QStringList reasoningEfforts() const;
  QString systemPrompt() const { return system_prompt_; }
  void setSystemPrompt(const QString& prompt);
  bool stopWhenContextFull() const { return stop_when_context_full_; }
  void setStopWhenContextFull(bool stop);
  QString contextNotice() const;
  int firstTokenMs() const { return first_token_ms_; }

 public slots:
  void newChat();
  void openConversation(qint64 id);
  // Returns false (and changes nothing) when sending is not possible now.
  bool send(const QString& text);
  void stop();
  bool regenerate(int row);
  bool editAndResend(int row, const QString& text);
  // Opens a new chat with this chat's model, system prompt and settings whose first question
  // asks the model to summarise this chat up to `row` (the transcript of its newest messages
  // that fit about half the context, without reasoning); the summary streams in as its first
  // answer. For an answer cut by a full context. Returns false (and changes nothing) when
  // sending is not possible now.
  bool continueWithSummary(int row);
  bool selectBranch(int row, int delta);
  QString messageText(int row) const;
  // [{code, text, language, block, continued, codeState, math}]: what the view shows of a
  // message, prose and fenced code blocks in pieces of bounded length (markdown_segments.h:
  // display_segments), a code piece with the highlighter's state where it begins
  // (code_highlighter.h); collapsed, only its first longMessagePreview characters.
  // With display_math (an answer's Markdown), display formulas are segments of their own
  // ("math": true, the text their TeX).
  QVariantList segments(const QString& markdown, bool collapsed = false, bool display_math = false) const;
  // Copies the message's `block`th code block (a long one is shown in several pieces).
  void copyCodeBlock(const QString& markdown, int block);
  void copyMessage(int row);
  void copyLastAnswer();
  void copyText(const QString& text);
  void openSearchResult(int row);
  void inspect(int row);
  // Ends generation now: the partial answer is stored as stopped (closing the window).
  void shutdown();
  // Shows a sentence to the user through lastError (e.g. the history could not be opened).
  void showError(const QString& sentence);

 signals:
  void conversationChanged();
  // The model manager's loaded model changed (modelReasons, the thinking controls).
  void modelChanged();
  void statsChanged();
  void generatingChanged();
  void canSendChanged();
  void lastErrorChanged();
  void focusRequested(int row);
  void generationFinished();
  void chatSettingsChanged();
  void templateWarningChanged();
  void contextNoticeChanged();

 private:
  void start_generation(int64_t parent_id);
  chat::TurnRequest request_for(int64_t last_message_id) const;
  void append_question(storage::NewMessage message);
  QString summary_request(int row) const;
  void on_appended(quint64 ticket, qint64 message_id);
  void on_append_failed(quint64 ticket, const ErrorReport& report);
  void on_tokens(const TokenBatch& batch);
  void on_finished(const chat::TurnResult& result);
  void on_failed(const ErrorReport& report);
  void on_model_state();
  void set_generating(bool generating);
  void set_error(const ErrorReport& report);
  void set_template_warning(const QString& warning);
  bool valid_row(int row) const { return row >= 0 && row < messages_.rowCount(); }

  storage::History& history_;
  EngineHost& engine_;
  // Before messages_, which writes through it; null when the second connection could not be
  // opened (the answer is then written on this thread).
  std::unique_ptr<StorageWorker> storage_worker_;
  ConversationListModel conversations_;
  MessageListModel messages_;
  SearchModel search_;
  ReasoningInspectorModel inspector_;

  const std::optional<ModelSummary>& model() const { return models_.loadedModel(); }

  const ModelManager& models_;
  // As last seen: the start of a load (which ends a running generation) is told from the rest.
  ModelManager::State model_state_ = ModelManager::State::Idle;
  int context_used_ = 0;
  double tokens_per_second_ = 0.0;
  bool generating_ = false;
  // Generations ended by shutdown() whose finished/failed has not arrived yet: their late
  // events are ignored (the worker's signals arrive in order).
  int abandoned_ = 0;
  QString last_error_;
  QString last_error_detail_;
  QString template_warning_;
  // A question the storage worker is writing; its answer starts when it is stored.
  struct PendingQuestion {
    uint64_t ticket = 0;
    qint64 conversation = 0;
    bool answer = true;  // false once stopped: the question is shown, no answer started
  };
  std::optional<PendingQuestion> pending_question_;
  // A 1,000-character piece lays out in a few milliseconds; a collapsed message shows 1,500.
  static constexpr qsizetype k_display_chunk = 1000;
  static constexpr int k_long_message_length = 10000;
  static constexpr int k_long_message_preview = 1500;
  // The error note of an answer cut by a full context (status stopped), as stored; the view
  // shows it translated.
  static constexpr const char* k_context_full = "context full";
  // Top alternatives kept per generated token, for the reasoning inspector.
  static constexpr size_t k_alternatives = 5;
  int focus_row_ = -1;
  QPointer<const Settings> settings_;
  bool thinking_enabled_ = true;
  QString reasoning_effort_;  // empty: the template's default
  int reasoning_budget_ = 0;
  bool stop_when_context_full_ = false;
  int first_token_ms_ = -1;
  QString system_prompt_;
  std::string chat_settings_json() const;
  void load_chat_settings();
  void save_chat_settings();
};

} // namespace sikao::ui
