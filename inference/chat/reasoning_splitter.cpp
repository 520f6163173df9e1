#include "chat/reasoning_splitter.h"

#include <algorithm>
#include <array>

namespace sikao::chat {

namespace {

constexpr std::array<ReasoningTags, 5> k_tags = {{
    {"think", "<think>", "</think>"},                                   // DeepSeek-R1, Qwen3, QwQ
    {"bracket-think", "[THINK]", "[/THINK]"},                           // Magistral
    {"reasoning", "<reasoning>", "</reasoning>"},
    {"thought", "<|begin_of_thought|>", "<|end_of_thought|>"},          // Sky-T1 / OpenThinker style
    {"thinking", "<thinking>", "</thinking>"},
}};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

} // namespace

std::span<const ReasoningTags> known_reasoning_tags() { return k_tags; }

std::vector<ReasoningTags> reasoning_tags_for_vocabulary(const std::function<bool(std::string_view)>& has_token) {
  std::vector<ReasoningTags> out = {k_tags[0]};
  for (size_t i = 1; i < k_tags.size(); ++i) {
    if (has_token(k_tags[i].open) && has_token(k_tags[i].close)) out.push_back(k_tags[i]);
  }
  return out;
}

bool model_reasons(std::string_view chat_template, const std::function<bool(std::string_view)>& has_token) {
  const auto mentions = [&](std::string_view word) { return chat_template.find(word) != std::string_view::npos; };
  if (mentions("enable_thinking") || mentions("reasoning_content")) return true;
  return std::any_of(k_tags.begin(), k_tags.end(), [&](const ReasoningTags& t) {
    return mentions(t.open) || (has_token(t.open) && has_token(t.close));
  });
}

bool ReasoningSplitter::prompt_opens_reasoning(std::string_view prompt, std::span<const ReasoningTags> tags) {
  while (!prompt.empty() && is_space(prompt.back())) prompt.remove_suffix(1);
  return std::any_of(tags.begin(), tags.end(), [&](const ReasoningTags& t) { return prompt.ends_with(t.open); });
}

ReasoningSplitter::ReasoningSplitter(std::vector<ReasoningTags> tags, std::string_view rendered_prompt)
    : tags_(std::move(tags)) {
  std::string_view p = rendered_prompt;
  while (!p.empty() && is_space(p.back())) p.remove_suffix(1);
  for (size_t i = 0; i < tags_.size(); ++i) {
    if (p.ends_with(tags_[i].open)) {
      mode_ = Mode::Reasoning;
      active_ = i;
      seen_tag_ = true;
    }
  }
}

std::string ReasoningSplitter::budget_closing_text() const {
  return "\n" + std::string(tags_[active_].close) + "\n\n";
}

std::vector<std::pair<std::string_view, std::pair<size_t, bool>>> ReasoningSplitter::candidates() const {
  std::vector<std::pair<std::string_view, std::pair<size_t, bool>>> c;
  if (mode_ == Mode::Reasoning) {
    c.push_back({tags_[active_].close, {active_, false}});
    return c;
  }
  for (size_t i = 0; i < tags_.size(); ++i) {
    c.push_back({tags_[i].open, {i, true}});
    if (!seen_tag_) c.push_back({tags_[i].close, {i, false}});
  }
  return c;
}

std::vector<ReasoningDelta> ReasoningSplitter::feed(std::string_view piece, std::span<const int32_t> token_ids) {
  if (mode_ == Mode::Reasoning) reasoning_tokens_ += static_cast<int64_t>(token_ids.size());
  const auto serial = static_cast<uint32_t>(piece_ids_.size());
  piece_ids_.emplace_back(token_ids.begin(), token_ids.end());
  pending_.append(piece);
  pending_owner_.insert(pending_owner_.end(), piece.size(), serial);
  std::vector<ReasoningDelta> out;
  process(out);
  return out;
}

std::vector<ReasoningDelta> ReasoningSplitter::finish() {
  std::vector<ReasoningDelta> out;
  emit_text(out, pending_.size());
  held_ws_.clear();
  held_owner_.clear();
  unclosed_ = mode_ == Mode::Reasoning;
  return out;
}

void ReasoningSplitter::process(std::vector<ReasoningDelta>& out) {
  while (true) {
    const auto cands = candidates();
    // The earliest complete tag in the pending bytes (the longer one on a tie).
    bool found = false;
    Match best{};
    for (const auto& [tag, info] : cands) {
      const size_t pos = pending_.find(tag);
      if (pos == std::string::npos) continue;
      if (!found || pos < best.pos || (pos == best.pos && tag.size() > best.length)) {
        best = {pos, tag.size(), info.first, info.second};
        found = true;
      }
    }
    if (!found) {
      // Hold back the longest suffix that could still grow into a tag.
      size_t keep = 0;
      for (const auto& [tag, info] : cands) {
        for (size_t n = std::min(tag.size() - 1, pending_.size()); n > keep; --n) {
          if (std::string_view(pending_).substr(pending_.size() - n) == tag.substr(0, n)) {
            keep = n;
            break;
          }
        }
      }
      emit_text(out, pending_.size() - keep);
      return;
    }
    emit_text(out, best.pos);
    drop(best.length);
    held_ws_.clear();
    held_owner_.clear();
    seen_tag_ = true;
    strip_leading_ = true;
    if (best.is_open) {
      mode_ = Mode::Reasoning;
      active_ = best.tag_set;
    } else {
      if (mode_ == Mode::Answer && answer_emitted_) out.push_back({DeltaKind::AnswerWasReasoning, {}, {}});
      mode_ = Mode::Answer;
      answer_emitted_ = false;
    }
  }
}

void ReasoningSplitter::drop(size_t count) {
  pending_.erase(0, count);
  pending_owner_.erase(pending_owner_.begin(), pending_owner_.begin() + static_cast<long>(count));
}

// Sends the first `count` pending bytes to the current channel, applying the whitespace rules.
void ReasoningSplitter::emit_text(std::vector<ReasoningDelta>& out, size_t count) {
  std::string bytes = pending_.substr(0, count);
  std::vector<uint32_t> owners(pending_owner_.begin(), pending_owner_.begin() + static_cast<long>(count));
  drop(count);
  if (strip_leading_) {
    size_t skip = 0;
    while (skip < bytes.size() && is_space(bytes[skip])) ++skip;
    bytes.erase(0, skip);
    owners.erase(owners.begin(), owners.begin() + static_cast<long>(skip));
    if (!bytes.empty()) strip_leading_ = false;
  }
  if (bytes.empty()) return;
  if (mode_ == Mode::Answer) {
    emit_bytes(out, DeltaKind::Answer, bytes, owners);
    answer_emitted_ = true;
    return;
  }
  // Reasoning: trailing whitespace waits until we know whether a closing tag follows.
  std::string all = held_ws_ + bytes;
  std::vector<uint32_t> all_owners = held_owner_;
  all_owners.insert(all_owners.end(), owners.begin(), owners.end());
  size_t end = all.size();
  while (end > 0 && is_space(all[end - 1])) --end;
  held_ws_ = all.substr(end);
  held_owner_.assign(all_owners.begin() + static_cast<long>(end), all_owners.end());
  if (end > 0) emit_bytes(out, DeltaKind::Reasoning, std::string_view(all).substr(0, end), std::span(all_owners).first(end));
}

void ReasoningSplitter::emit_bytes(std::vector<ReasoningDelta>& out, DeltaKind kind, std::string_view bytes,
                                   std::span<const uint32_t> owners) {
  if (out.empty() || out.back().kind != kind) {
    out.push_back({kind, {}, {}});
    last_serial_ = UINT32_MAX;
  }
  ReasoningDelta& d = out.back();
  d.text.append(bytes);
  // Bytes arrive in piece order, so a piece already credited to this delta is the last one.
  for (const uint32_t o : owners) {
    if (o == last_serial_) continue;
    last_serial_ = o;
    d.token_ids.insert(d.token_ids.end(), piece_ids_[o].begin(), piece_ids_[o].end());
  }
}

} // namespace sikao::chat
