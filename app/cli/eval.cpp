// sikao-cli eval: evaluates token ids in one batch and prints the top-K logits of every
// position, then optionally greedy-decodes N tokens one at a time. The reference comparison
// against llama.cpp is run through this command, so its JSON shape is fixed:
//   {"positions": [{"pos": 0, "top": [[id, logit], ...]}, ...],
//    "greedy": [{"id": id, "top": [[id, logit], ...]}, ...]}

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "engine.h"
#include "sampling/sampler.h"

namespace sikao::cli {
namespace {

nlohmann::json top_logits(std::span<const float> logits, size_t k) {
  std::vector<int32_t> ids(logits.size());
  std::iota(ids.begin(), ids.end(), 0);
  k = std::min(k, ids.size());
  std::partial_sort(ids.begin(), ids.begin() + static_cast<ptrdiff_t>(k), ids.end(),
                    [&](int32_t a, int32_t b) {
                      return logits[size_t(a)] > logits[size_t(b)] ||
                             (logits[size_t(a)] == logits[size_t(b)] && a < b);
                    });
  nlohmann::json top = nlohmann::json::array();
  for (size_t i = 0; i < k; ++i) {
    top.push_back({ids[i], logits[size_t(ids[i])]});
  }
  return top;
}

std::vector<int32_t> parse_ids(const std::string& text) {
  std::vector<int32_t> ids;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    size_t used = 0;
    long long v = 0;
    try {
      v = std::stoll(word, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != word.size() || v < 0 || v > INT32_MAX) {
      throw Error(ErrorCode::InvalidArgument, "--tokens: '" + word + "' is not a token id");
    }
    ids.push_back(static_cast<int32_t>(v));
  }
  if (ids.empty()) {
    throw Error(ErrorCode::InvalidArgument, "--tokens: no token ids given");
  }
  return ids;
}

} // namespace

int eval(const Args& args, const GlobalOptions& global) {
  OptionParser p("eval", args);
  const std::string model_path = p.required("-m");
  const auto ids = parse_ids(p.required("--tokens"));
  const size_t top = p.integer("--top", 10, 1, 1 << 20);
  const int greedy = static_cast<int>(p.integer("--greedy", 0, 0, 1 << 20));
  LoadOptions load;
  load.device = p.device(global);
  load.context_length = static_cast<uint32_t>(p.integer("--ctx", 0, 0, 1 << 20));
  load.device_memory_budget = p.byte_size("--device-memory-budget");
  const bool json = p.flag("--json");
  p.finish();

  auto model = Model::load(model_path, load);
  Session session(*model);
  const std::vector<float> logits = session.evaluate_all(ids);
  const size_t n_vocab = logits.size() / ids.size();

  nlohmann::json out;
  out["positions"] = nlohmann::json::array();
  for (size_t pos = 0; pos < ids.size(); ++pos) {
    const std::span<const float> row(logits.data() + pos * n_vocab, n_vocab);
    out["positions"].push_back({{"pos", pos}, {"top", top_logits(row, top)}});
  }
  out["greedy"] = nlohmann::json::array();
  std::vector<float> current(logits.end() - static_cast<ptrdiff_t>(n_vocab), logits.end());
  for (int step = 0; step < greedy; ++step) {
    const int32_t id = sampling::argmax(current);
    out["greedy"].push_back({{"id", id}, {"top", top_logits(current, top)}});
    if (step + 1 < greedy) {
      const auto next = session.decode(id);
      current.assign(next.begin(), next.end());
    }
  }
  if (json) {
    std::printf("%s\n", out.dump().c_str());
  } else {
    std::printf("%s\n", out.dump(1).c_str());
  }
  return 0;
}

} // namespace sikao::cli
