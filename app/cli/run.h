#pragma once
// sikao-cli run, split so that a test can drive it on a scripted chat::TurnEngine: the options
// parsed, then one chat::ChatTurn streamed to two files (the answer, and the reasoning marked).

#include <cstdio>
#include <optional>
#include <string>

#include "chat/chat_turn.h"
#include "cli/commands.h"

namespace sikao::cli {

class OptionParser;

// What run and chat share: the model and how it loads, the turn's settings, whether the
// reasoning is shown.
struct ModelOptions {
  std::optional<std::string> model;  // none: the bundled demo model
  bool show_reasoning = true;
  chat::TurnSettings settings;
  LoadOptions load;
};

struct RunOptions : ModelOptions {
  std::string prompt;
  bool raw = false;  // the prompt is the whole prompt text, not a user message
};

RunOptions parse_run_options(const Args& args, const GlobalOptions& global);

// -m, -n, the sampling options, --ctx, --device, --device-memory-budget, --show-reasoning /
// --hide-reasoning, --no-think, --effort and --reasoning-budget.
ModelOptions parse_model_options(OptionParser& parser, const GlobalOptions& global);

// The -m path, else the demo model installed next to this binary (paths/data_paths.h); an error
// saying where it looked when it is not there.
std::string model_path(const ModelOptions& options);

// Streams the answer to `answer_out` and the reasoning, between [reasoning] marks, to
// `reasoning_out` (nothing of it without show_reasoning); a template warning and the statistics
// go to `reasoning_out` too. `stop` (may be null) ends the answer, kept, between tokens.
chat::TurnResult run_turn(chat::TurnEngine& engine, const RunOptions& options, std::FILE* answer_out,
                          std::FILE* reasoning_out, const std::atomic<bool>* stop = nullptr);

} // namespace sikao::cli
