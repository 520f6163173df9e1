#include "sampling/sampler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

#include "common/error.h"

namespace sikao::sampling {
namespace {

// A uniform double in [0, 1) from the top 53 bits: the same sequence for the same seed on every
// platform (std::uniform_real_distribution is implementation-defined).
double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

bool by_logit_desc(const auto& a, const auto& b) {
  return a.logit > b.logit || (a.logit == b.logit && a.id < b.id);
}

double log_sum_exp(std::span<const float> logits, float max_logit) {
  double sum = 0.0;
  for (float l : logits) {
    sum += std::exp(static_cast<double>(l) - max_logit);
  }
  return static_cast<double>(max_logit) + std::log(sum);
}

void check_logits(std::span<const float> logits) {
  if (logits.empty()) {
    throw Error(ErrorCode::InvalidArgument, "sampler: empty logit vector");
  }
}

} // namespace

SamplingParams SamplingParams::greedy() {
  SamplingParams p;
  p.temperature = 0.0f;
  p.top_k = 0;
  p.top_p = 1.0f;
  p.min_p = 0.0f;
  return p;
}

int32_t argmax(std::span<const float> logits) {
  check_logits(logits);
  size_t best = 0;
  for (size_t i = 1; i < logits.size(); ++i) {
    if (logits[i] > logits[best]) {
      best = i;
    }
  }
  return static_cast<int32_t>(best);
}

SampledToken describe(std::span<const float> logits, int32_t chosen, size_t n_alternatives) {
  check_logits(logits);
  if (chosen < 0 || static_cast<size_t>(chosen) >= logits.size()) {
    throw Error(ErrorCode::InvalidArgument, "sampler: chosen token id out of range");
  }
  const float max_logit = *std::max_element(logits.begin(), logits.end());
  const double lse = log_sum_exp(logits, max_logit);
  SampledToken out;
  out.id = chosen;
  out.logprob = static_cast<float>(logits[static_cast<size_t>(chosen)] - lse);
  const size_t n = std::min(n_alternatives, logits.size());
  if (n == 0) {
    return out;
  }
  std::vector<TokenAlternative> all(logits.size());
  for (size_t i = 0; i < logits.size(); ++i) {
    all[i] = {static_cast<int32_t>(i), logits[i]};
  }
  const auto desc = [&](const TokenAlternative& a, const TokenAlternative& b) {
    return a.logprob > b.logprob || (a.logprob == b.logprob && a.id < b.id);
  };
  std::partial_sort(all.begin(), all.begin() + static_cast<ptrdiff_t>(n), all.end(), desc);
  all.resize(n);
  for (auto& a : all) {
    a.logprob = static_cast<float>(a.logprob - lse);
  }
  out.top = std::move(all);
  return out;
}

Sampler::Sampler(SamplingParams params, size_t n_alternatives)
    : params_(params), n_alternatives_(n_alternatives), rng_(params.seed) {}

void Sampler::apply_penalties(std::vector<Candidate>& candidates,
                              std::span<const int32_t> history) const {
  const bool active = params_.repetition_penalty != 1.0f || params_.frequency_penalty != 0.0f ||
                      params_.presence_penalty != 0.0f;
  if (!active || params_.penalty_last_n == 0 || history.empty()) {
    return;
  }
  const size_t n = params_.penalty_last_n < 0
                       ? history.size()
                       : std::min(history.size(), static_cast<size_t>(params_.penalty_last_n));
  std::unordered_map<int32_t, int32_t> counts;
  for (int32_t id : history.subspan(history.size() - n)) {
    ++counts[id];
  }
  for (const auto& [id, count] : counts) {
    if (id < 0 || static_cast<size_t>(id) >= candidates.size()) {
      continue;
    }
    float& logit = candidates[static_cast<size_t>(id)].logit;
    logit = logit > 0.0f ? logit / params_.repetition_penalty : logit * params_.repetition_penalty;
    logit -= static_cast<float>(count) * params_.frequency_penalty + params_.presence_penalty;
  }
}

int32_t Sampler::draw(std::vector<Candidate>& candidates) {
  // top-k: keep the k best (sorted); otherwise sort everything once.
  size_t keep = candidates.size();
  if (params_.top_k > 0) {
    keep = std::min(keep, static_cast<size_t>(params_.top_k));
  }
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<ptrdiff_t>(keep),
                    candidates.end(), by_logit_desc<Candidate, Candidate>);
  candidates.resize(keep);

  // Probabilities at temperature 1 decide top-p and min-p, as in llama.cpp's chain.
  std::vector<double> p(candidates.size());
  const double max_logit = candidates.front().logit;
  double sum = 0.0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    p[i] = std::exp(static_cast<double>(candidates[i].logit) - max_logit);
    sum += p[i];
  }
  if (params_.top_p < 1.0f) {
    double cumulative = 0.0;
    size_t i = 0;
    for (; i < candidates.size(); ++i) {
      cumulative += p[i] / sum;
      if (cumulative >= params_.top_p) {
        ++i;
        break;
      }
    }
    keep = std::max<size_t>(1, std::min(i, candidates.size()));
    candidates.resize(keep);
  }
  if (params_.min_p > 0.0f) {
    // p_i / p_max = exp(l_i - l_max): keep while that is >= min_p.
    size_t i = 1;
    while (i < candidates.size() &&
           std::exp(static_cast<double>(candidates[i].logit) - max_logit) >= params_.min_p) {
      ++i;
    }
    candidates.resize(i);
  }

  std::vector<double> weights(candidates.size());
  double total = 0.0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    weights[i] = std::exp((static_cast<double>(candidates[i].logit) - max_logit) /
                          static_cast<double>(params_.temperature));
    total += weights[i];
  }
  double u = uniform01(rng_) * total;
  for (size_t i = 0; i < candidates.size(); ++i) {
    u -= weights[i];
    if (u < 0.0) {
      return candidates[i].id;
    }
  }
  return candidates.back().id;
}

SampledToken Sampler::sample(std::span<const float> logits, std::span<const int32_t> history) {
  check_logits(logits);
  std::vector<Candidate> candidates(logits.size());
  for (size_t i = 0; i < logits.size(); ++i) {
    if (!std::isfinite(logits[i]) && !(std::isinf(logits[i]) && logits[i] < 0)) {
      throw Error(ErrorCode::Internal,
                  fmt::format("sampler: logit {} of token {} is not finite", logits[i], i));
    }
    candidates[i] = {static_cast<int32_t>(i), logits[i]};
  }
  apply_penalties(candidates, history);

  int32_t chosen = 0;
  if (params_.temperature <= 0.0f) {
    chosen = std::min_element(candidates.begin(), candidates.end(),
                              by_logit_desc<Candidate, Candidate>)
                 ->id;
  } else {
    chosen = draw(candidates);
  }
  return describe(logits, chosen, n_alternatives_);
}

} // namespace sikao::sampling
