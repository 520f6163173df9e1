// sikao-bench -m MODEL: prompt processing (pp) and text generation (tg) speed, llama-bench
// style: pp evaluates -p random tokens in batches from an empty cache; tg decodes -n tokens one
// at a time; each is repeated -r times and reported as mean ± sd tokens/s. Generation's
// effective bandwidth is (weight bytes read per token × tokens/s).
//
// -d N: tg (and --profile's decode steps) start after N tokens of context instead of one, as
// llama-bench's -d: what decoding costs deep into a conversation, where attention reads the
// whole KV cache every step.
//
// --turn N: a chat's second turn. A first request of N prompt tokens answers 16 tokens; the
// second request is that conversation plus 32 new tokens. Reported: the second turn's time to
// its first token in the same session (what it reuses: the KV cache, or a recurrent state's
// live state or snapshot), after regenerating it (the same prompt again), and in a fresh
// session (everything evaluated again).
//
// --profile N: N more prompts of -p tokens and N more decode steps with a timestamp after every
// kernel, and the time of each by kernel (after the measured runs: it changes none of their
// numbers).
//
// Load time and memory: how long Model::load took against the file's size (a load should be
// about as fast as reading the file), how long the session's build_pipelines took (what the
// desktop app does after a load; the runs come after it), and the process's resident memory
// (VmRSS) after the load and with a session's KV cache, against what must be held: the weights
// plus the KV cache. The peak (VmHWM) shows what the load needed on the way. The floor under all
// of it is what the process held before the load plus what opening the Vulkan device alone
// makes resident (lavapipe: libLLVM's pages and the driver's allocations, ~60 MB before any
// weight), measured in a child process so that the driver's libraries, which stay loaded once
// opened, do not carry into this process's load time and memory.

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <random>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "common/byte_size.h"
#include "common/error.h"
#include "engine.h"
#include "model/model_config.h"
#include "vulkan/context.h"

namespace sikao::bench {
namespace {

struct Stats {
  double mean = 0;
  double sd = 0;
};

Stats stats(const std::vector<double>& v) {
  Stats s;
  for (double x : v) s.mean += x;
  s.mean /= double(v.size());
  for (double x : v) s.sd += (x - s.mean) * (x - s.mean);
  s.sd = v.size() > 1 ? std::sqrt(s.sd / double(v.size() - 1)) : 0.0;
  return s;
}

double seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A line "Key:   1234 kB" of /proc/self/status, in bytes; 0 where there is none (not Linux).
uint64_t status_bytes(std::string_view key) {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  uint64_t bytes = 0;
  while (std::fgets(line, sizeof line, f)) {
    const std::string_view l(line);
    if (l.starts_with(key) && l.size() > key.size() && l[key.size()] == ':') {
      bytes = std::strtoull(line + key.size() + 1, nullptr, 10) * 1024;
      break;
    }
  }
  std::fclose(f);
  return bytes;
}

// VmRSS that opening `device` (a vk::Context and nothing else) adds to a process, measured in a
// forked child; 0 where that cannot be measured (no fork, no device).
uint64_t bare_device_bytes(std::optional<uint32_t> device) {
  int fds[2];
  if (pipe(fds) != 0) return 0;
  const pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    uint64_t added = 0;
    try {
      const uint64_t before = status_bytes("VmRSS");
      const vk::Context context(device);
      added = status_bytes("VmRSS") - before;
    } catch (const std::exception&) {
      added = 0;
    }
    const bool written = write(fds[1], &added, sizeof added) == sizeof added;
    _exit(written ? 0 : 1);
  }
  close(fds[1]);
  uint64_t added = 0;
  if (child < 0 || read(fds[0], &added, sizeof added) != sizeof added) added = 0;
  close(fds[0]);
  if (child > 0) waitpid(child, nullptr, 0);
  return added;
}

struct Memory {
  uint64_t before_load = 0;    // VmRSS before Model::load
  uint64_t bare_device = 0;    // what opening the Vulkan device alone adds (bare_device_bytes)
  uint64_t after_load = 0;     // VmRSS once Model::load returned
  uint64_t with_session = 0;   // VmRSS with a session's cache and pipelines, after the runs
  uint64_t peak = 0;           // VmHWM
  uint64_t needed = 0;         // weights (device and system memory) + KV cache

  // What no program can go below on this device: the process before the load, the bare
  // device, the weights and the KV cache.
  uint64_t floor() const { return before_load + bare_device + needed; }
};

} // namespace

namespace {

struct ModelBenchOptions {
  std::filesystem::path model;
  int n_prompt = 512;
  int n_generate = 128;
  int repetitions = 3;
  std::optional<uint32_t> device;
  std::optional<uint64_t> device_memory_budget;
  bool json = false;
  int depth = 0;
  int turn = 0;
  int profile_passes = 0;
};

int integer_option(const std::vector<std::string>& args, size_t& i, int min, int max) {
  if (i + 1 >= args.size()) {
    throw Error(ErrorCode::InvalidArgument, args[i] + " needs a value");
  }
  const std::string& v = args[++i];
  size_t used = 0;
  int n = 0;
  try {
    n = std::stoi(v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != v.size() || n < min || n > max) {
    throw Error(ErrorCode::InvalidArgument,
                args[i - 1] + " takes an integer from " + std::to_string(min) + " to " +
                    std::to_string(max) + ", not '" + v + "'");
  }
  return n;
}

ModelBenchOptions parse(const std::vector<std::string>& args) {
  ModelBenchOptions o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-m" && i + 1 < args.size()) {
      o.model = args[++i];
    } else if (a == "-p") {
      o.n_prompt = integer_option(args, i, 0, 1 << 16);
    } else if (a == "-n") {
      o.n_generate = integer_option(args, i, 0, 1 << 16);
    } else if (a == "-d") {
      o.depth = integer_option(args, i, 0, 1 << 20);
    } else if (a == "-r") {
      o.repetitions = integer_option(args, i, 1, 1000);
    } else if (a == "--device") {
      o.device = static_cast<uint32_t>(integer_option(args, i, 0, 1 << 16));
    } else if (a == "--device-memory-budget" && i + 1 < args.size()) {
      o.device_memory_budget = parse_byte_size(args[++i]);
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--profile") {
      o.profile_passes = integer_option(args, i, 1, 1000);
    } else if (a == "--turn") {
      o.turn = integer_option(args, i, 1, 1 << 16);
    } else {
      throw Error(ErrorCode::InvalidArgument, "unexpected argument '" + a + "'");
    }
  }
  if (o.model.empty()) {
    throw Error(ErrorCode::InvalidArgument, "-m MODEL is required");
  }
  return o;
}

struct SecondTurn {
  uint32_t prompt_tokens = 0, reused_tokens = 0, regenerate_reused_tokens = 0;
  double first_token_s = 0, regenerate_first_token_s = 0, fresh_first_token_s = 0;
};

SecondTurn second_turn(Model& model, int first_tokens, std::mt19937& rng) {
  std::uniform_int_distribution<int32_t> token(0, static_cast<int32_t>(model.config().n_vocab) - 1);
  std::vector<int32_t> prompt(static_cast<size_t>(first_tokens));
  for (auto& t : prompt) t = token(rng);
  GenerateOptions options;
  options.sampling = sampling::SamplingParams::greedy();
  options.max_tokens = 16;
  Session session(model);
  std::vector<int32_t> answer;
  session.generate(prompt, options, [&](const TokenEvent& e) { answer.push_back(e.token.id); });
  // The conversation so far (the last answer token was sampled, not evaluated), then 32 more.
  prompt.insert(prompt.end(), answer.begin(), answer.end());
  for (int i = 0; i < 32; ++i) prompt.push_back(token(rng));
  options.max_tokens = 1;
  const auto first_token = [&](Session& s, uint32_t& reused) {
    const auto start = std::chrono::steady_clock::now();
    const GenerateResult r = s.generate(prompt, options, [](const TokenEvent&) {});
    reused = r.reused_tokens;
    return seconds(start);
  };
  SecondTurn out;
  out.prompt_tokens = static_cast<uint32_t>(prompt.size());
  out.first_token_s = first_token(session, out.reused_tokens);
  out.regenerate_first_token_s = first_token(session, out.regenerate_reused_tokens);
  Session fresh(model);
  uint32_t none = 0;
  out.fresh_first_token_s = first_token(fresh, none);
  return out;
}

// Per kernel (shader variant, or copy / fill): dispatches and time per pass, averaged over the
// passes, most expensive first.
void print_profile(const char* what, int passes,
                   const std::vector<vk::Sequence::OperationTime>& times) {
  struct Row {
    std::string label;
    double ns = 0;
    uint32_t count = 0;
  };
  std::vector<Row> rows;
  double total_ns = 0;
  for (const auto& op : times) {
    auto it = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.label == op.label; });
    if (it == rows.end()) {
      rows.push_back({op.label});
      it = rows.end() - 1;
    }
    it->ns += op.ns;
    ++it->count;
    total_ns += op.ns;
  }
  if (rows.empty()) {
    std::printf("profile: the device has no compute timestamps\n");
    return;
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.ns > b.ns; });
  std::printf("%s by kernel (%d profiled, %.2f ms each):\n", what, passes, total_ns / passes / 1e6);
  std::printf("| kernel                         | dispatches | ms     | share  |\n"
              "|--------------------------------|------------|--------|--------|\n");
  for (const Row& r : rows) {
    std::printf("| %-30s | %10u | %6.2f | %5.1f%% |\n", r.label.c_str(), r.count / passes,
                r.ns / passes / 1e6, 100.0 * r.ns / total_ns);
  }
}

// A fresh context of depth + 1 random tokens for tg to decode after.
void start_decoding(Session& session, int depth, std::mt19937& rng, uint32_t n_vocab) {
  std::uniform_int_distribution<int32_t> token(0, static_cast<int32_t>(n_vocab) - 1);
  std::vector<int32_t> context(static_cast<size_t>(depth) + 1);
  for (auto& t : context) t = token(rng);
  session.evaluate(context);
}

void profile(Session& session, const ModelBenchOptions& o, std::mt19937& rng, uint32_t n_vocab) {
  std::uniform_int_distribution<int32_t> token(0, static_cast<int32_t>(n_vocab) - 1);
  if (o.n_prompt > 0) {
    std::vector<vk::Sequence::OperationTime> times;
    for (int p = 0; p < o.profile_passes; ++p) {
      std::vector<int32_t> prompt(static_cast<size_t>(o.n_prompt));
      for (auto& t : prompt) t = token(rng);
      const auto pass = session.profile_evaluate(prompt);
      times.insert(times.end(), pass.begin(), pass.end());
    }
    print_profile(fmt::format("prompt of {} tokens", o.n_prompt).c_str(), o.profile_passes, times);
  }
  if (o.n_generate > 0) {
    start_decoding(session, o.depth, rng, n_vocab);
    std::vector<vk::Sequence::OperationTime> times;
    for (int p = 0; p < o.profile_passes; ++p) {
      const auto step = session.profile_decode(token(rng));
      times.insert(times.end(), step.begin(), step.end());
    }
    print_profile("decode step", o.profile_passes, times);
  }
}

} // namespace

int run_model(const std::vector<std::string>& args) {
  const ModelBenchOptions o = parse(args);
  LoadOptions load;
  load.device = o.device;
  load.device_memory_budget = o.device_memory_budget;
  load.context_length = static_cast<uint32_t>(
      std::max({o.n_prompt + o.n_generate, o.depth + 1 + o.n_generate, o.turn + 16 + 32 + 1}) +
      o.profile_passes + 8);
  Memory memory;
  memory.before_load = status_bytes("VmRSS");
  memory.bare_device = bare_device_bytes(o.device);
  const auto load_start = std::chrono::steady_clock::now();
  auto model = Model::load(o.model, load);
  const double load_s = seconds(load_start);
  const uint64_t file_bytes = std::filesystem::file_size(o.model);
  memory.after_load = status_bytes("VmRSS");
  memory.needed = model->device_weight_bytes() + model->host_weight_bytes() + model->kv_cache_bytes();
  const uint32_t n_vocab = model->config().n_vocab;
  std::mt19937 rng(1234);
  std::uniform_int_distribution<int32_t> token(0, static_cast<int32_t>(n_vocab) - 1);

  std::vector<double> pp, tg;
  Session session(*model);
  // What the desktop app does right after a load, while the person types (Mesa caches the
  // compiled shaders on disk: the first run after an install or a driver update takes longest).
  const size_t pipelines_after_load = model->pipeline_count();
  const auto build_start = std::chrono::steady_clock::now();
  session.build_pipelines([] { return true; });
  const double build_s = seconds(build_start);
  const size_t pipelines_built = model->pipeline_count() - pipelines_after_load;
  // One warm-up pass of each kind builds pipelines (a prompt's batches take others than one
  // token's) and records the decode sequence.
  if (o.n_prompt > 1) {
    session.evaluate(std::vector<int32_t>(static_cast<size_t>(o.n_prompt), 1));
  }
  session.evaluate_all(std::vector<int32_t>{1});
  session.decode(1);
  for (int r = 0; r < o.repetitions; ++r) {
    if (o.n_prompt > 0) {
      std::vector<int32_t> prompt(static_cast<size_t>(o.n_prompt));
      for (auto& t : prompt) t = token(rng);
      const auto start = std::chrono::steady_clock::now();
      session.evaluate(prompt);
      pp.push_back(o.n_prompt / seconds(start));
    }
    if (o.n_generate > 0) {
      start_decoding(session, o.depth, rng, n_vocab);
      const auto start = std::chrono::steady_clock::now();
      int32_t t = token(rng);
      for (int i = 0; i < o.n_generate; ++i) {
        session.decode(t);
        t = token(rng);
      }
      tg.push_back(o.n_generate / seconds(start));
    }
  }
  if (o.profile_passes > 0 && !o.json) {
    profile(session, o, rng, n_vocab);
  }
  SecondTurn turn;
  if (o.turn > 0) {
    turn = second_turn(*model, o.turn, rng);
  }
  memory.with_session = status_bytes("VmRSS");
  memory.peak = status_bytes("VmHWM");
  const double bytes_per_token = double(model->weight_bytes_per_token());
  const Stats p = pp.empty() ? Stats{} : stats(pp);
  const Stats g = tg.empty() ? Stats{} : stats(tg);
  const double gbps = g.mean * bytes_per_token / 1e9;
  if (o.json) {
    nlohmann::json out = {
        {"model", o.model.string()},
        {"device", model->device_name()},
        {"n_prompt", o.n_prompt},
        {"n_generate", o.n_generate},
        {"depth", o.depth},
        {"repetitions", o.repetitions},
        {"pp_tokens_per_s", {{"mean", p.mean}, {"sd", p.sd}}},
        {"tg_tokens_per_s", {{"mean", g.mean}, {"sd", g.sd}}},
        {"weight_bytes_per_token", bytes_per_token},
        {"device_weight_bytes", model->device_weight_bytes()},
        {"host_weight_bytes", model->host_weight_bytes()},
        {"tg_effective_gb_per_s", gbps},
        {"decode_dispatches_per_token", session.decode_dispatches()},
        {"load_s", load_s},
        {"pipelines_built", pipelines_built},
        {"pipelines_build_s", build_s},
        {"file_bytes", file_bytes},
        {"kv_cache_bytes", model->kv_cache_bytes()},
        {"resident_bytes_before_load", memory.before_load},
        {"bare_device_resident_bytes", memory.bare_device},
        {"resident_bytes_after_load", memory.after_load},
        {"resident_bytes_with_session", memory.with_session},
        {"resident_bytes_peak", memory.peak},
    };
    if (o.turn > 0) {
      out["second_turn"] = {{"first_prompt_tokens", o.turn},
                            {"prompt_tokens", turn.prompt_tokens},
                            {"reused_tokens", turn.reused_tokens},
                            {"first_token_s", turn.first_token_s},
                            {"regenerate_reused_tokens", turn.regenerate_reused_tokens},
                            {"regenerate_first_token_s", turn.regenerate_first_token_s},
                            {"fresh_first_token_s", turn.fresh_first_token_s}};
    }
    std::printf("%s\n", out.dump(1).c_str());
  } else {
    std::printf("model   %s (%s)\ndevice  %s\n", o.model.filename().c_str(),
                model->config().name.c_str(), model->device_name().c_str());
    if (model->host_weight_bytes() > 0) {
      std::printf("weights %s on the device, %s in system memory\n",
                  format_byte_size(model->device_weight_bytes()).c_str(),
                  format_byte_size(model->host_weight_bytes()).c_str());
    }
    std::printf("| test  | tokens/s          |\n|-------|-------------------|\n");
    if (!pp.empty()) std::printf("| pp%-4d| %8.2f ± %-7.2f |\n", o.n_prompt, p.mean, p.sd);
    if (!tg.empty()) {
      const std::string test = fmt::format("tg{}{}", o.n_generate, o.depth > 0 ? fmt::format(" @ d{}", o.depth) : "");
      std::printf("| %-6s| %8.2f ± %-7.2f |\n", test.c_str(), g.mean, g.sd);
    }
    const model::ModelConfig& c = model->config();
    const std::string experts =
        c.n_expert > 0 ? fmt::format(" ({} of {} experts)", c.n_expert_used, c.n_expert) : "";
    std::printf("generation reads %.1f MB of weights per token%s: %.2f GB/s effective\n",
                bytes_per_token / 1e6, experts.c_str(), gbps);
    std::printf("a decode step is %u kernel dispatches in one submission\n",
                session.decode_dispatches());
    std::printf("loaded in %.2f s (%s file, %.0f MB/s); the %zu pipelines of a prompt and its "
                "answer built in %.2f s\n",
                load_s, format_byte_size(file_bytes).c_str(), file_bytes / 1e6 / load_s,
                pipelines_built, build_s);
    if (memory.with_session > 0) {
      const auto times_needed = [&](uint64_t bytes) { return double(bytes) / double(memory.needed); };
      std::printf("resident %s after load (%.2f× weights + KV cache %s), %s with a session (%.2f×), "
                  "peak %s\n",
                  format_byte_size(memory.after_load).c_str(), times_needed(memory.after_load),
                  format_byte_size(memory.needed).c_str(), format_byte_size(memory.with_session).c_str(),
                  times_needed(memory.with_session), format_byte_size(memory.peak).c_str());
    }
    if (memory.bare_device > 0) {
      std::printf("floor %s (%.2f×): %s before the load and %s for the Vulkan device alone\n",
                  format_byte_size(memory.floor()).c_str(), double(memory.floor()) / double(memory.needed),
                  format_byte_size(memory.before_load).c_str(), format_byte_size(memory.bare_device).c_str());
    }
    if (o.turn > 0) {
      std::printf("second turn of %u tokens after a first of %d: first token in %.2f s reusing "
                  "%u, regenerated in %.2f s reusing %u, %.2f s in a fresh session\n",
                  turn.prompt_tokens, o.turn, turn.first_token_s, turn.reused_tokens,
                  turn.regenerate_first_token_s, turn.regenerate_reused_tokens,
                  turn.fresh_first_token_s);
    }
  }
  return 0;
}

} // namespace sikao::bench
