// sikao-cli run: streams a completion of a prompt to stdout.
//
// The prompt is the user's message, rendered through the model's chat template (or the
// built-in format chosen for it, with a warning) unless --raw, where it is the whole prompt
// text and special-token text in it is parsed. The model's reasoning goes to stderr, marked,
// and the answer to stdout; --hide-reasoning drops the reasoning (--show-reasoning, the
// default, keeps it); --reasoning-budget N closes the reasoning after N tokens and lets the
// model answer; --no-think and --effort reach the template through the mechanism it offers
// (chat/thinking_control.h). Without -m, the bundled demo model answers. The turn is chat::ChatTurn, as in
// the desktop app: the same prompt tokens, the same budget, the same deltas.

#include <cstdio>
#include <filesystem>

#include "cli/options.h"
#include "cli/run.h"
#include "common/error.h"
#include "common/log.h"
#include "engine.h"
#include "paths/data_paths.h"

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

RunOptions parse_run_options(const Args& args, const GlobalOptions& global) {
  if (!global.db_path.empty()) {
    throw Error(ErrorCode::InvalidArgument,
                "run does not store conversations, so --db has no effect here; use the app to keep "
                "a conversation, and sikao-cli --db FILE history ... to read one");
  }
  OptionParser p("run", args);
  RunOptions o;
  static_cast<ModelOptions&>(o) = parse_model_options(p, global);
  o.prompt = p.required("-p");
  o.raw = p.flag("--raw");
  p.finish();
  return o;
}

ModelOptions parse_model_options(OptionParser& p, const GlobalOptions& global) {
  ModelOptions o;
  o.model = p.value("-m");
  o.settings.max_tokens = static_cast<int32_t>(p.integer("-n", 512, 1, 1 << 20));
  auto& s = o.settings.sampling;
  s.temperature = static_cast<float>(p.number("--temp", s.temperature, 0.0, 100.0));
  s.top_k = static_cast<int32_t>(p.integer("--top-k", s.top_k, 0, 1 << 24));
  s.top_p = static_cast<float>(p.number("--top-p", s.top_p, 0.0, 1.0));
  s.min_p = static_cast<float>(p.number("--min-p", s.min_p, 0.0, 1.0));
  s.repetition_penalty =
      static_cast<float>(p.number("--repeat-penalty", s.repetition_penalty, 0.0, 10.0));
  s.seed = static_cast<uint64_t>(p.integer("--seed", 0, 0, INT64_MAX));
  o.settings.reasoning_budget = p.integer("--reasoning-budget", 0, 0, 1 << 20);
  o.load.device = p.device(global);
  o.load.context_length = static_cast<uint32_t>(p.integer("--ctx", 0, 0, 1 << 20));
  o.load.device_memory_budget = p.byte_size("--device-memory-budget");
  p.flag("--show-reasoning");  // the default, accepted for symmetry
  o.show_reasoning = !p.flag("--hide-reasoning");
  if (p.flag("--no-think")) {
    o.settings.thinking.enabled = false;
  }
  o.settings.thinking.effort = p.value("--effort");
  return o;
}

std::string model_path(const ModelOptions& options) {
  return options.model ? *options.model : bundled_model();
}

chat::TurnResult run_turn(chat::TurnEngine& engine, const RunOptions& options, std::FILE* answer_out,
                          std::FILE* reasoning_out, const std::atomic<bool>* stop) {
  chat::TurnRequest request;
  request.conversation.messages.push_back({"user", options.prompt, ""});
  request.settings = options.settings;
  if (!options.raw) {
    // A choice the model's template cannot carry is said, not silently dropped.
    const chat::ThinkingControl control = engine.describe().thinking;
    if (options.settings.thinking.enabled && control.kind != chat::ThinkingControl::Kind::Switch) {
      std::fprintf(reasoning_out, "sikao-cli run: --no-think has no effect: %s\n", chat::describe(control, {}).c_str());
    }
    if (options.settings.thinking.effort && control.kind != chat::ThinkingControl::Kind::Effort) {
      std::fprintf(reasoning_out, "sikao-cli run: --effort has no effect: %s\n", chat::describe(control, {}).c_str());
    }
  }
  chat::ChatTurn turn = options.raw ? chat::ChatTurn(engine, engine.render_raw(options.prompt), options.settings)
                                    : chat::ChatTurn(engine, request);
  if (!turn.prompt().warning.empty()) {
    std::fprintf(reasoning_out, "sikao-cli run: %s\n", turn.prompt().warning.c_str());
  }
  bool in_reasoning = false;
  const chat::TurnResult result = turn.run(stop, [&](const chat::TurnUpdate& update) {
    for (const auto& d : update.deltas) {
      if (d.kind == chat::DeltaKind::AnswerWasReasoning) continue;  // already written as answer
      const bool reasoning = d.kind == chat::DeltaKind::Reasoning;
      if (reasoning != in_reasoning && options.show_reasoning) {
        write(reasoning_out, reasoning ? "[reasoning]\n" : "\n[/reasoning]\n");
      }
      in_reasoning = reasoning;
      if (!reasoning) {
        write(answer_out, d.text);
      } else if (options.show_reasoning) {
        write(reasoning_out, d.text);
      }
    }
  });
  write(answer_out, "\n");
  std::fprintf(reasoning_out, "%u prompt tokens, %lld tokens in %.2f s (%.1f tokens/s)\n",
               result.prompt_tokens, static_cast<long long>(result.generated_tokens),
               result.total_ms / 1000.0, result.tokens_per_second);
  return result;
}

int run(const Args& args, const GlobalOptions& global) {
  const RunOptions options = parse_run_options(args, global);
  chat::ModelTurnEngine engine(Model::load(model_path(options), options.load));
  run_turn(engine, options, stdout, stderr);
  return 0;
}

} // namespace sikao::cli
