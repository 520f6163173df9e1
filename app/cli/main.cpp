// sikao-cli: the terminal front end of the same engine and history the GUI uses.

#include <cstdio>
#include <exception>
#include <functional>
#include <string_view>

#include "cli/commands.h"
#include "common/error.h"
#include "common/log.h"

namespace {

using Command = std::function<int(const sikao::cli::Args&, const sikao::cli::GlobalOptions&)>;

struct CommandEntry {
  std::string_view name;
  std::string_view usage;
  Command run;
};

int version(const sikao::cli::Args&, const sikao::cli::GlobalOptions&) {
  std::printf("sikao-cli %s\n", SIKAO_VERSION);
  return 0;
}

const CommandEntry k_commands[] = {
    {"version", "version                                print the version", version},
    {"devices", "devices [--json] [--device N]          list Vulkan devices and the one used", sikao::cli::devices},
    {"info", "info MODEL.gguf [--tensors] [--json]   what a GGUF file contains", sikao::cli::info},
    {"tokenize", "tokenize -m MODEL [--no-special] [--file F | TEXT]   print token ids", sikao::cli::tokenize},
    {"detokenize", "detokenize -m MODEL [--no-special] [IDS...]  print the text of token ids (from stdin without IDS)", sikao::cli::detokenize},
    {"run", "run [-m MODEL] -p PROMPT [-n N] [--temp T] [--top-k K] [--top-p P] [--min-p P] [--seed S] [--ctx N] [--device-memory-budget SIZE] [--raw] [--show-reasoning|--hide-reasoning] [--no-think] [--effort low|medium|high] [--reasoning-budget N]", sikao::cli::run},
    {"chat", "chat [-m MODEL] [--db FILE] [-n N] [--temp T] [--top-k K] [--top-p P] [--min-p P] [--seed S] [--ctx N] [--device-memory-budget SIZE] [--hide-reasoning] [--no-think] [--effort low|medium|high] [--reasoning-budget N]   chat in the terminal, stored in the history (/help inside lists the commands)", sikao::cli::chat},
    {"eval", "eval -m MODEL --tokens \"ID ...\" [--top K] [--greedy N] [--ctx N] [--device-memory-budget SIZE] [--json]", sikao::cli::eval},
    {"history", "history list|show|search|export|import|delete   the conversation history", sikao::cli::history},
    {"template", "template (--template F.jinja | -m M.gguf) --messages M.json [--add-generation-prompt] [--think on|off] [--effort E] [--explain] [--var NAME=VALUE]...  render a chat prompt; --explain says how the template switches thinking and what was sent", sikao::cli::template_command},
};

void print_usage(std::FILE* out) {
  std::fprintf(out, "usage: sikao-cli [--verbose] [--db FILE] [--device N] COMMAND [ARGS]\n\ncommands:\n");
  for (const auto& c : k_commands) {
    std::fprintf(out, "  %.*s\n", static_cast<int>(c.usage.size()), c.usage.data());
  }
}

} // namespace

int main(int argc, char** argv) {
  sikao::cli::GlobalOptions global;
  int i = 1;
  for (; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--verbose" || a == "-v") {
      global.verbose = true;
    } else if (a == "--db" && i + 1 < argc) {
      global.db_path = argv[++i];
    } else if (a == "--device" && i + 1 < argc) {
      try {
        global.device = sikao::cli::parse_device_index(argv[++i]);
      } catch (const sikao::Error& e) {
        std::fprintf(stderr, "sikao-cli: %s\n", e.what());
        return 2;
      }
    } else if (a == "--help" || a == "-h") {
      print_usage(stdout);
      return 0;
    } else {
      break;
    }
  }
  if (i >= argc) {
    print_usage(stderr);
    return 2;
  }
  sikao::log::set_verbose(global.verbose);

  const std::string_view name = argv[i];
  const sikao::cli::Args args(argv + i + 1, argv + argc);
  for (const auto& c : k_commands) {
    if (c.name != name) {
      continue;
    }
    try {
      return c.run(args, global);
    } catch (const sikao::Error& e) {
      std::fprintf(stderr, "sikao-cli %s: %s\n", argv[i], e.what());
      return 1;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "sikao-cli %s: unexpected error: %s\n", argv[i], e.what());
      return 1;
    }
  }
  std::fprintf(stderr, "sikao-cli: unknown command '%s'\n", argv[i]);
  print_usage(stderr);
  return 2;
}
