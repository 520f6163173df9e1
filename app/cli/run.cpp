// sikao-cli run: streams a completion of a prompt to stdout.

#include <cstdio>

#include "cli/commands.h"
#include "cli/options.h"
#include "engine.h"
#include "tokenizer/tokenizer.h"

namespace sikao::cli {

int run(const Args& args, const GlobalOptions& global) {
  OptionParser p("run", args);
  const std::string model_path = p.required("-m");
  const std::string prompt = p.required("-p");
  GenerateOptions generate;
  generate.max_tokens = static_cast<int32_t>(p.integer("-n", 256, 1, 1 << 20));
  auto& s = generate.sampling;
  s.temperature = static_cast<float>(p.number("--temp", s.temperature, 0.0, 100.0));
  s.top_k = static_cast<int32_t>(p.integer("--top-k", s.top_k, 0, 1 << 24));
  s.top_p = static_cast<float>(p.number("--top-p", s.top_p, 0.0, 1.0));
  s.min_p = static_cast<float>(p.number("--min-p", s.min_p, 0.0, 1.0));
  s.repetition_penalty = static_cast<float>(p.number("--repeat-penalty", s.repetition_penalty, 0.0, 10.0));
  s.seed = static_cast<uint64_t>(p.integer("--seed", 0, 0, INT64_MAX));
  LoadOptions load;
  load.device = p.device(global);
  load.context_length = static_cast<uint32_t>(p.integer("--ctx", 0, 0, 1 << 20));
  // Until chat templates are applied, every prompt is raw text; --raw is accepted already so
  // scripts written now keep working.
  p.flag("--raw");
  p.finish();

  auto model = Model::load(model_path, load);
  Session session(*model);
  const auto ids = model->tokenizer().encode(prompt, true, false);
  const GenerateResult result = session.generate(ids, generate, [](const TokenEvent& e) {
    std::fwrite(e.text.data(), 1, e.text.size(), stdout);
    std::fflush(stdout);
  });
  std::fwrite(result.trailing_text.data(), 1, result.trailing_text.size(), stdout);
  std::printf("\n");
  std::fprintf(stderr, "%u prompt tokens in %.2f s, %u tokens in %.2f s (%.1f tokens/s)\n",
               result.prompt_tokens, result.prompt_seconds, result.generated_tokens,
               result.generate_seconds,
               result.generate_seconds > 0 ? result.generated_tokens / result.generate_seconds : 0.0);
  return 0;
}

} // namespace sikao::cli
