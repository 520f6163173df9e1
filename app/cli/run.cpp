// sikao-cli run: streams a completion of a prompt to stdout.
//
// The prompt is the user's message, rendered through the model's chat template (or the
// built-in format chosen for it, with a warning) unless --raw, where it is the whole prompt
// text and special-token text in it is parsed. The model's reasoning goes to stderr, marked,
// and the answer to stdout; --hide-reasoning drops the reasoning (--show-reasoning, the
// default, keeps it). Without -m, the bundled demo
// model answers.

#include <cstdio>
#include <filesystem>

#include "chat/chat_prompt.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "common/error.h"
#include "common/log.h"
#include "engine.h"
#include "paths/data_paths.h"
#include "tokenizer/tokenizer.h"

namespace sikao::cli {
namespace {

void write(std::FILE* out, const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), out);
  std::fflush(out);
}

// Without -m: the demo model installed next to this binary (paths/data_paths.h).
std::string bundled_model() {
  const auto path = app::bundled_model_path();
  if (!path) {
    throw Error(ErrorCode::Io,
                "no -m given, and the bundled demo model cannot be found: this program's location "
                "(/proc/self/exe) is unreadable; name a model with -m MODEL.gguf");
  }
  if (!std::filesystem::exists(*path)) {
    throw Error(ErrorCode::Io, "no -m given, and the bundled demo model is not at " + path->string() +
                                   " (an incomplete installation?); name a model with -m MODEL.gguf");
  }
  log::get("cli")->info("no -m: the bundled demo model {}", path->string());
  return path->string();
}

} // namespace

int run(const Args& args, const GlobalOptions& global) {
  if (!global.db_path.empty()) {
    throw Error(ErrorCode::InvalidArgument,
                "run does not store conversations, so --db has no effect here; use the app to keep "
                "a conversation, and sikao-cli --db FILE history ... to read one");
  }
  OptionParser p("run", args);
  const std::optional<std::string> model_option = p.value("-m");
  const std::string prompt = p.required("-p");
  GenerateOptions generate;
  generate.max_tokens = static_cast<int32_t>(p.integer("-n", 512, 1, 1 << 20));
  auto& s = generate.sampling;
  s.temperature = static_cast<float>(p.number("--temp", s.temperature, 0.0, 100.0));
  s.top_k = static_cast<int32_t>(p.integer("--top-k", s.top_k, 0, 1 << 24));
  s.top_p = static_cast<float>(p.number("--top-p", s.top_p, 0.0, 1.0));
  s.min_p = static_cast<float>(p.number("--min-p", s.min_p, 0.0, 1.0));
  s.repetition_penalty =
      static_cast<float>(p.number("--repeat-penalty", s.repetition_penalty, 0.0, 10.0));
  s.seed = static_cast<uint64_t>(p.integer("--seed", 0, 0, INT64_MAX));
  LoadOptions load;
  load.device = p.device(global);
  load.context_length = static_cast<uint32_t>(p.integer("--ctx", 0, 0, 1 << 20));
  load.device_memory_budget = p.byte_size("--device-memory-budget");
  const bool raw = p.flag("--raw");
  p.flag("--show-reasoning");  // the default, accepted for symmetry
  const bool hide_reasoning = p.flag("--hide-reasoning");
  chat::ThinkingChoice thinking;
  if (p.flag("--no-think")) {
    thinking.enabled = false;
  }
  thinking.effort = p.value("--effort");
  p.finish();

  const std::string model_path = model_option ? *model_option : bundled_model();
  auto model = Model::load(model_path, load);
  const auto& tok = model->tokenizer();
  const chat::StoredMessage user{"user", prompt, ""};
  const chat::ModelChatInfo info = chat::model_chat_info(model_path);
  if (!raw) {
    // A choice the model's template cannot carry is said, not silently dropped.
    const auto control = chat::thinking_control(info.chat_template.value_or(""));
    if (thinking.enabled && control.kind != chat::ThinkingControl::Kind::Switch) {
      std::fprintf(stderr, "sikao-cli run: --no-think has no effect: %s\n", chat::describe(control, {}).c_str());
    }
    if (thinking.effort && control.kind != chat::ThinkingControl::Kind::Effort) {
      std::fprintf(stderr, "sikao-cli run: --effort has no effect: %s\n", chat::describe(control, {}).c_str());
    }
  }
  const chat::ChatPrompt rendered =
      raw ? chat::raw_prompt(tok, prompt)
          : chat::build_chat_prompt(info, tok, std::span(&user, 1), thinking);
  if (!rendered.warning.empty()) {
    std::fprintf(stderr, "sikao-cli run: %s\n", rendered.warning.c_str());
  }
  chat::ReasoningSplitter splitter = chat::reasoning_splitter_for(tok, rendered.text);
  bool in_reasoning = false;
  const auto emit = [&](const std::vector<chat::ReasoningDelta>& deltas) {
    for (const auto& d : deltas) {
      const bool reasoning = d.kind == chat::DeltaKind::Reasoning;
      if (reasoning && !in_reasoning && !hide_reasoning) {
        write(stderr, "[reasoning]\n");
      }
      if (!reasoning && in_reasoning && !hide_reasoning) {
        write(stderr, "\n[/reasoning]\n");
      }
      in_reasoning = reasoning;
      if (reasoning) {
        if (!hide_reasoning) write(stderr, d.text);
      } else {
        write(stdout, d.text);
      }
    }
  };
  Session session(*model);
  const GenerateResult result = session.generate(rendered.tokens, generate, [&](const TokenEvent& e) {
    const int32_t id = e.token.id;
    emit(splitter.feed(e.text, std::span(&id, 1)));
  });
  emit(splitter.feed(result.trailing_text, {}));
  emit(splitter.finish());
  write(stdout, "\n");
  std::fprintf(stderr, "%u prompt tokens in %.2f s, %u tokens in %.2f s (%.1f tokens/s)\n",
               result.prompt_tokens, result.prompt_seconds, result.generated_tokens,
               result.generate_seconds,
               result.generate_seconds > 0 ? result.generated_tokens / result.generate_seconds : 0.0);
  return 0;
}

} // namespace sikao::cli
