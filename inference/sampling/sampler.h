#pragma once
// Turns a logit vector into the next token: repetition/frequency/presence penalties, then
// top-k → top-p → min-p truncation, then temperature, then a seeded draw (llama.cpp's default
// chain order). Temperature 0 is greedy: the highest logit, ties to the lowest id.
//
// Every sampled token also carries what the reasoning inspector shows: the log-probability of
// the chosen token and the top alternatives, both under the model's own distribution
// (softmax of the raw logits, temperature 1, before penalties and truncation), so confidence
// colouring means the same thing whatever the sampling settings.

#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace sikao::sampling {

struct SamplingParams {
  float temperature = 0.8f;       // <= 0: greedy
  int32_t top_k = 40;             // <= 0: off
  float top_p = 0.95f;            // >= 1: off
  float min_p = 0.05f;            // <= 0: off; keeps tokens with p >= min_p * p_max
  float repetition_penalty = 1.0f;  // 1: off; divides positive logits, multiplies negative
  float frequency_penalty = 0.0f;   // subtracted once per earlier occurrence
  float presence_penalty = 0.0f;    // subtracted once if the token occurred at all
  int32_t penalty_last_n = 64;      // how many recent tokens the penalties look at; 0: off
  uint64_t seed = 0;

  static SamplingParams greedy();
};

struct TokenAlternative {
  int32_t id = 0;
  float logprob = 0.0f;  // natural log of the model's probability
};

struct SampledToken {
  int32_t id = 0;
  float logprob = 0.0f;                  // of the chosen token, under the model's distribution
  std::vector<TokenAlternative> top;     // the most likely tokens, best first
};

class Sampler {
 public:
  // n_alternatives: how many top alternatives each SampledToken carries (0: none).
  explicit Sampler(SamplingParams params, size_t n_alternatives = 0);

  // history: the tokens so far (prompt and generated), oldest first; penalties use its tail.
  SampledToken sample(std::span<const float> logits, std::span<const int32_t> history);

  const SamplingParams& params() const { return params_; }

 private:
  struct Candidate {
    int32_t id;
    float logit;
  };

  void apply_penalties(std::vector<Candidate>& candidates, std::span<const int32_t> history) const;
  int32_t draw(std::vector<Candidate>& candidates);

  SamplingParams params_;
  size_t n_alternatives_;
  std::mt19937_64 rng_;
};

// The model's view of one logit vector: log-softmax of the chosen id and the top n ids.
SampledToken describe(std::span<const float> logits, int32_t chosen, size_t n_alternatives);

// Highest logit; ties go to the lowest id (the reference data's convention).
int32_t argmax(std::span<const float> logits);

} // namespace sikao::sampling
