// sikao-cli chat: an interactive chat in the terminal on the same turn as the desktop app
// (chat::ChatTurn), stored in the same history database, so a chat started here is in the app's
// sidebar and in `sikao-cli history list`.
//
// Each message is a turn: its reasoning streams first (faint on a terminal, between [reasoning]
// marks otherwise, not at all with --hide-reasoning), then the answer. A line ending in a
// backslash continues on the next. Lines starting with '/' are commands (/help lists them); '//'
// sends a message starting with one '/'. On a terminal the line is edited by cli/line_editor.h;
// from a pipe the lines are read as they come, no prompt and no escape codes written.
//
// Ctrl-C while an answer streams stops it (kept, stored as stopped); at the prompt it clears the
// line, and a second one in a row leaves. Ctrl-D at an empty prompt, or the end of the input,
// leaves.
//
// /load switches the model mid-conversation, as the app's model manager does: the conversation
// goes on, each answer stored with the name of the model that wrote it; a file that does not
// load leaves the current model in place.

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/history.h"
#include "cli/line_editor.h"
#include "cli/options.h"
#include "cli/run.h"
#include "common/error.h"
#include "engine.h"
#include "storage/history.h"

namespace sikao::cli {
namespace {

constexpr size_t k_title_length = 60;  // characters, as the app titles a chat

constexpr const char* k_help =
    "Type a message and press Enter; end a line with \\ to go on on the next one.\n"
    "  /new                      start a new conversation\n"
    "  /think on|off             let the model think before answering, or not\n"
    "  /effort low|medium|high   how long it thinks (models whose template has an effort)\n"
    "  /system TEXT              the conversation's system prompt (/system alone: none)\n"
    "  /load FILE.gguf           answer with another model from now on (/load alone: which one)\n"
    "  /history                  list the stored conversations\n"
    "  /help                     this list\n"
    "Ctrl-C stops an answer (what it wrote is kept) or clears the line; Ctrl-D leaves.\n";

std::atomic<bool> g_stop{false};

extern "C" void stop_on_interrupt(int) { g_stop.store(true); }

// While a turn runs, SIGINT stops it between tokens (ChatTurn::run reads g_stop); the previous
// action is back afterwards, so Ctrl-C at a piped prompt ends the program as usual.
class InterruptStopsTurn {
 public:
  InterruptStopsTurn() {
    g_stop.store(false);
    struct sigaction action {};
    action.sa_handler = stop_on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &saved_);
  }
  ~InterruptStopsTurn() { sigaction(SIGINT, &saved_, nullptr); }
  InterruptStopsTurn(const InterruptStopsTurn&) = delete;
  InterruptStopsTurn& operator=(const InterruptStopsTurn&) = delete;

 private:
  struct sigaction saved_ {};
};

void write(std::FILE* out, std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), out);
  std::fflush(out);
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The conversation's title: the first line with text of its first message, whitespace collapsed, at most
// k_title_length characters (UTF-8, never cut inside one).
std::string title_from(const std::string& text) {
  const size_t begin = std::min(text.find_first_not_of(" \t\r\n"), text.size());
  std::string title;
  bool space = false;
  for (const char c : text.substr(begin, text.find('\n', begin) - begin)) {
    if (c == ' ' || c == '\t' || c == '\r') {
      space = !title.empty();
      continue;
    }
    if (space) title.push_back(' ');
    space = false;
    title.push_back(c);
  }
  std::vector<size_t> starts;  // where each character begins
  for (size_t at = 0; at < title.size(); ++at) {
    if (!is_continuation_byte(title[at])) starts.push_back(at);
  }
  if (starts.size() <= k_title_length) return title;
  return title.substr(0, starts[k_title_length - 1]) + "\u2026";
}

// Where the messages come from: the line editor on a terminal, plain lines from anything else.
class MessageReader {
 public:
  explicit MessageReader(bool terminal) {
    if (terminal) editor_.emplace(STDIN_FILENO, STDOUT_FILENO);
  }

  // One message, its lines joined while a line ends in a backslash; none: the user leaves.
  std::optional<std::string> read() {
    std::string message;
    bool continued = false;
    for (;;) {
      std::optional<std::string> line;
      if (editor_) {
        const LineEditor::Input input = editor_->read_line(continued ? "... " : "> ");
        if (input.outcome == LineEditor::Outcome::Interrupted) {
          // A second Ctrl-C in a row on an empty prompt leaves; one on a typed line clears it.
          interrupts_ = input.text.empty() && !continued ? interrupts_ + 1 : 1;
          if (interrupts_ == 2) return std::nullopt;
          write(stdout, "(Ctrl-C again or Ctrl-D to leave)\n");
          message.clear();  // the whole message is dropped, not only its last line
          continued = false;
          continue;
        }
        interrupts_ = 0;
        if (input.outcome == LineEditor::Outcome::Line) {
          editor_->add_history(input.text);
          line = input.text;
        }
      } else {
        line = plain_line();
      }
      if (!line) {
        if (continued) return message;  // the input ended inside a continued message
        return std::nullopt;
      }
      if (!line->empty() && line->back() == '\\') {
        message += line->substr(0, line->size() - 1) + "\n";
        continued = true;
        continue;
      }
      return message + *line;
    }
  }

 private:
  std::optional<std::string> plain_line() {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }

  std::optional<LineEditor> editor_;
  int interrupts_ = 0;
};

// How the reasoning is shown around the answer.
enum class ReasoningStyle { Hidden, Faint, Marked };

// Builds the model's pipelines on a thread of its own while the person writes a message
// (chat::TurnEngine::build_pipelines; on lavapipe with an empty shader cache ~20 s of a first
// answer otherwise); finish() stops it at its next check and waits for the pass under way, after
// which the engine is the caller's again.
class PipelineBuilder {
 public:
  explicit PipelineBuilder(chat::TurnEngine& engine)
      : thread_([this, &engine] {
          try {
            engine.build_pipelines([this] { return !stop_.load(); });
          } catch (const std::exception&) {
            // What failed fails again in the turn, which reports it.
          }
        }) {}
  ~PipelineBuilder() { finish(); }
  PipelineBuilder(const PipelineBuilder&) = delete;
  PipelineBuilder& operator=(const PipelineBuilder&) = delete;

  void finish() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;  // declared last: started once stop_ exists
};

class ChatSession {
 public:
  ChatSession(std::unique_ptr<chat::ModelTurnEngine> engine, storage::History& history, const ModelOptions& options,
              std::string model_file, ReasoningStyle style)
      : engine_(std::move(engine)),
        history_(history),
        settings_(options.settings),
        load_(options.load),
        model_file_(std::move(model_file)),
        description_(engine_->describe()),
        style_(style) {}

  const chat::ModelDescription& model() const { return description_; }

  // The current model's pipelines are built while the next message is written (once per model).
  void build_while_writing() {
    if (!built_) builder_.emplace(*engine_);
    built_ = true;
  }
  void stop_building() { builder_.reset(); }

  void send(const std::string& text) {
    if (conversation_id_ == 0) start_conversation(text);
    storage::NewMessage question;
    question.conversation_id = conversation_id_;
    question.parent_id = last_message_id_;
    question.role = storage::Role::User;
    question.content = text;
    last_message_id_ = history_.append_message(question);
    conversation_.messages.push_back({"user", text, ""});
    answer();
  }

  // A line starting with '/'.
  void command(const std::string& line) {
    const size_t space = std::min(line.find_first_of(" \t\n"), line.size());
    const std::string name = line.substr(0, space);
    const size_t first = line.find_first_not_of(" \t\n", space);
    const std::string argument =
        first == std::string::npos ? "" : line.substr(first, line.find_last_not_of(" \t\n") + 1 - first);
    if (name == "/new") {
      new_conversation();
    } else if (name == "/think") {
      set_thinking(argument);
    } else if (name == "/effort") {
      set_effort(argument);
    } else if (name == "/system") {
      set_system_prompt(argument);
    } else if (name == "/load") {
      load(argument);
    } else if (name == "/history") {
      list_conversations(history_, stdout);
      std::fflush(stdout);
    } else if (name == "/help") {
      write(stdout, k_help);
    } else {
      say(fmt::format("unknown command {}; /help lists the commands (start a message with // to "
                      "send one beginning with /)",
                      name));
    }
  }

 private:
  void say(const std::string& line) { write(stdout, line + "\n"); }

  void start_conversation(const std::string& first_message) {
    storage::NewConversation c;
    c.title = title_from(first_message);
    c.model_file = model_file_;
    c.model_name = description_.name;
    c.system_prompt = conversation_.system_prompt;
    c.settings_json = settings_json();
    conversation_id_ = history_.create_conversation(c);
  }

  // The chat's settings as the app stores them (ChatController::chat_settings_json).
  std::string settings_json() const {
    nlohmann::json o = nlohmann::json::object();
    o["enable_thinking"] = settings_.thinking.enabled.value_or(true);
    o["reasoning_budget"] = settings_.reasoning_budget;
    o["context_overflow"] = "leave_out_oldest";
    if (settings_.thinking.effort) o["reasoning_effort"] = *settings_.thinking.effort;
    return o.dump();
  }

  void save_settings() {
    if (conversation_id_ != 0) history_.set_settings(conversation_id_, settings_json());
  }

  void new_conversation() {
    conversation_id_ = 0;
    last_message_id_.reset();
    conversation_.messages.clear();
    conversation_.outside_view = 0;
    say("(a new conversation)");
  }

  void set_thinking(const std::string& argument) {
    if (argument != "on" && argument != "off") {
      say("/think takes on or off");
      return;
    }
    if (description_.thinking.kind != chat::ThinkingControl::Kind::Switch) {
      say("/think has no effect: " + chat::describe(description_.thinking, {}));
      return;
    }
    // Off is passed to the template; on leaves the template's default, as in the app.
    settings_.thinking.enabled = argument == "off" ? std::optional<bool>(false) : std::nullopt;
    save_settings();
    say(argument == "on" ? "(thinking on)" : "(thinking off)");
  }

  void set_effort(const std::string& argument) {
    const chat::ThinkingControl& control = description_.thinking;
    if (control.kind != chat::ThinkingControl::Kind::Effort) {
      say("/effort has no effect: " + chat::describe(control, {}));
      return;
    }
    if (std::find(control.efforts.begin(), control.efforts.end(), argument) == control.efforts.end()) {
      std::string levels;
      for (const auto& e : control.efforts) levels += (levels.empty() ? "" : ", ") + e;
      say(fmt::format("/effort takes one of {}", levels));
      return;
    }
    settings_.thinking.effort = argument;
    save_settings();
    say(fmt::format("(effort {})", argument));
  }

  void load(const std::string& argument) {
    if (argument.empty()) {
      say(fmt::format("({} from {})", description_.name, model_file_));
      return;
    }
    std::string path = argument;
    if (path.starts_with("~/")) {
      if (const char* home = std::getenv("HOME")) path = home + path.substr(1);
    }
    std::unique_ptr<chat::ModelTurnEngine> loaded;
    try {
      loaded = std::make_unique<chat::ModelTurnEngine>(Model::load(path, load_));
    } catch (const Error& e) {
      say(fmt::format("{} was not loaded: {}; still answering with {}", path, e.what(), description_.name));
      return;
    }
    // Both models are in memory while the new one loads, so a file that fails leaves the chat as
    // it was; the previous one is freed here.
    engine_ = std::move(loaded);
    built_ = false;
    description_ = engine_->describe();
    model_file_ = std::filesystem::absolute(path).string();
    // The choices the previous model's template took may mean nothing to this one.
    const chat::ThinkingControl& control = description_.thinking;
    if (settings_.thinking.enabled && control.kind != chat::ThinkingControl::Kind::Switch) settings_.thinking.enabled.reset();
    if (settings_.thinking.effort &&
        (control.kind != chat::ThinkingControl::Kind::Effort ||
         std::find(control.efforts.begin(), control.efforts.end(), *settings_.thinking.effort) == control.efforts.end())) {
      settings_.thinking.effort.reset();
    }
    save_settings();
    warned_ = false;
    say(fmt::format("(now answering with {}; {})", description_.name, chat::describe(control, settings_.thinking)));
  }

  void set_system_prompt(const std::string& text) {
    conversation_.system_prompt = text;
    if (conversation_id_ != 0) history_.set_system_prompt(conversation_id_, text);
    say(text.empty() ? "(no system prompt)" : "(system prompt set)");
  }

  void answer() {
    storage::NewMessage begun;
    begun.conversation_id = conversation_id_;
    begun.parent_id = last_message_id_;
    begun.role = storage::Role::Assistant;
    begun.model = description_.name;
    const int64_t id = history_.begin_streaming(begun);
    last_message_id_ = id;
    Answer a;
    try {
      stream(id, a);
    } catch (const Error& e) {
      finish_line(a);
      history_.finish_streaming(id, storage::MessageStatus::Error, a.content, a.reasoning, a.stats, e.what());
      conversation_.messages.push_back({"assistant", a.content, a.reasoning});
      say(fmt::format("error: {}", e.what()));
    }
  }

  struct Answer {
    std::string content;
    std::string reasoning;
    storage::GenerationStats stats;
    bool in_reasoning = false;
    bool line_open = false;  // text written since the last newline
  };

  void stream(int64_t id, Answer& a) {
    chat::TurnResult result;
    {
      InterruptStopsTurn interrupt_stops_turn;
      chat::ChatTurn turn(*engine_, chat::TurnRequest{conversation_, settings_});
      if (!turn.prompt().warning.empty() && !warned_) {  // the template falls back on every turn: said once
        std::fprintf(stderr, "sikao-cli chat: %s\n", turn.prompt().warning.c_str());
        warned_ = true;
      }
      result = turn.run(&g_stop, [&](const chat::TurnUpdate& update) {
        for (const auto& d : update.deltas) show(d, a);
        a.stats.generated_tokens = update.generated_tokens;
        a.stats.reasoning_tokens = update.reasoning_tokens;
        a.stats.reasoning_ms = update.reasoning_ms;
        history_.update_streaming(id, a.content, a.reasoning, a.stats);
      });
    }
    finish_line(a);
    a.stats.prompt_tokens = result.prompt_tokens;
    a.stats.generated_tokens = result.generated_tokens;
    a.stats.reasoning_tokens = result.reasoning_tokens;
    a.stats.reasoning_ms = result.reasoning_ms;
    a.stats.total_ms = result.total_ms;
    a.stats.tokens_per_second = result.tokens_per_second;
    auto status = storage::MessageStatus::Complete;
    std::string note;
    if (result.did_not_fit) {
      status = storage::MessageStatus::Error;
      note = fmt::format("this chat no longer fits the model's context ({} tokens); /new starts a new one",
                         result.prompt_tokens);
    } else if (result.finish == FinishReason::ContextFull) {
      status = storage::MessageStatus::Stopped;
      note = "context full";  // the app's note for an answer the context cut
    } else if (result.finish == FinishReason::Stopped) {
      status = storage::MessageStatus::Stopped;
    }
    history_.finish_streaming(id, status, a.content, a.reasoning, a.stats, note);
    conversation_.messages.push_back({"assistant", a.content, a.reasoning});
    conversation_.outside_view = result.next_outside_view;
    if (result.finish == FinishReason::Stopped) say("[stopped: the answer so far is kept]");
    if (!note.empty()) say(fmt::format("[{}]", note));
    if (result.left_out > 0) {
      say(fmt::format("[{} earlier message(s) are outside the model's view]", result.left_out));
    }
    std::fprintf(stderr, "%u prompt tokens, %lld tokens in %.2f s (%.1f tokens/s)\n", result.prompt_tokens,
                 static_cast<long long>(result.generated_tokens), result.total_ms / 1000.0,
                 result.tokens_per_second);
  }

  void show(const chat::ReasoningDelta& d, Answer& a) {
    if (d.kind == chat::DeltaKind::AnswerWasReasoning) {
      // An unclosed block the splitter took for the answer: stored as reasoning, already shown.
      a.reasoning += a.content;
      a.content.clear();
      return;
    }
    const bool reasoning = d.kind == chat::DeltaKind::Reasoning;
    (reasoning ? a.reasoning : a.content) += d.text;
    if (reasoning && style_ == ReasoningStyle::Hidden) return;
    if (reasoning != a.in_reasoning) {
      if (reasoning) {
        write(stdout, style_ == ReasoningStyle::Faint ? "\x1b[2m" : "[reasoning]\n");
      } else {
        end_reasoning(a);
      }
      a.in_reasoning = reasoning;
    }
    write(stdout, d.text);
    if (!d.text.empty()) a.line_open = d.text.back() != '\n';
  }

  void end_reasoning(Answer& a) {
    if (style_ == ReasoningStyle::Faint) {
      write(stdout, a.line_open ? "\x1b[22m\n" : "\x1b[22m");
    } else if (style_ == ReasoningStyle::Marked) {
      write(stdout, a.line_open ? "\n[/reasoning]\n" : "[/reasoning]\n");
    }
    a.line_open = false;
  }

  // Ends what the answer left open: the reasoning block, the last line.
  void finish_line(Answer& a) {
    if (a.in_reasoning) end_reasoning(a);
    a.in_reasoning = false;
    if (a.line_open) write(stdout, "\n");
    a.line_open = false;
  }

  std::unique_ptr<chat::ModelTurnEngine> engine_;
  std::optional<PipelineBuilder> builder_;  // while a message is being written
  bool built_ = false;                      // the builder ran for engine_
  storage::History& history_;
  chat::TurnSettings settings_;
  LoadOptions load_;  // a /load uses the options the chat started with (device, context)
  std::string model_file_;
  chat::ModelDescription description_;
  ReasoningStyle style_;
  int64_t conversation_id_ = 0;  // 0: none yet; created with the first message
  std::optional<int64_t> last_message_id_;
  chat::Conversation conversation_;
  bool warned_ = false;  // the template's warning was shown
};

// A choice the model's template cannot carry is said once at the start, not silently dropped.
void check_thinking_choice(const chat::ThinkingControl& control, chat::TurnSettings& settings) {
  if (settings.thinking.enabled && control.kind != chat::ThinkingControl::Kind::Switch) {
    std::fprintf(stderr, "sikao-cli chat: --no-think has no effect: %s\n", chat::describe(control, {}).c_str());
    settings.thinking.enabled.reset();
  }
  if (!settings.thinking.effort) return;
  if (control.kind != chat::ThinkingControl::Kind::Effort) {
    std::fprintf(stderr, "sikao-cli chat: --effort has no effect: %s\n", chat::describe(control, {}).c_str());
    settings.thinking.effort.reset();
    return;
  }
  if (std::find(control.efforts.begin(), control.efforts.end(), *settings.thinking.effort) == control.efforts.end()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("--effort {} is not one of the model's levels ({})", *settings.thinking.effort,
                            chat::describe(control, {})));
  }
}

int run_chat(const Args& args, GlobalOptions global) {
  OptionParser p("chat", args);
  ModelOptions options = parse_model_options(p, global);
  if (const auto db = p.value("--db")) global.db_path = *db;
  p.finish();
  storage::History history = open_history(global, false, "chat");
  if (history.read_only()) {
    throw Error(ErrorCode::Io, fmt::format("{} cannot be written, so a chat cannot be stored in it; "
                                           "name another with --db FILE", history.path()));
  }
  const std::string path = model_path(options);
  auto engine = std::make_unique<chat::ModelTurnEngine>(Model::load(path, options.load));
  check_thinking_choice(engine->describe().thinking, options.settings);

  const bool terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
  const ReasoningStyle style = !options.show_reasoning ? ReasoningStyle::Hidden
                               : terminal              ? ReasoningStyle::Faint
                                                       : ReasoningStyle::Marked;
  ChatSession session(std::move(engine), history, options, std::filesystem::absolute(path).string(), style);
  MessageReader reader(terminal);
  if (terminal) {
    write(stdout, fmt::format("sikao-cli chat with {}; /help lists the commands, Ctrl-D leaves.\n",
                              session.model().name));
  }
  for (;;) {
    session.build_while_writing();
    const auto message = reader.read();
    session.stop_building();
    if (!message) break;
    if (message->find_first_not_of(" \t\n") == std::string::npos) continue;
    if (message->starts_with("//")) {
      session.send(message->substr(1));
    } else if (message->starts_with("/")) {
      session.command(*message);
    } else {
      session.send(*message);
    }
  }
  return 0;
}

} // namespace

int chat(const Args& args, const GlobalOptions& global) {
  try {
    return run_chat(args, global);
  } catch (const storage::StorageError& e) {
    throw Error(ErrorCode::Io, fmt::format("the history database: {}", e.what()));
  }
}

} // namespace sikao::cli
