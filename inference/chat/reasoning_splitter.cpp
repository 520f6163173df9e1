#include "chat/reasoning_splitter.h"

#include <algorithm>
#include <array>

namespace sikao::chat {

namespace {

// One row per model family's convention. Harmony (gpt-oss): the model writes
// "<|channel|>analysis<|message|>…<|end|>" and then "<|start|>assistant<|channel|>final<|message|>…";
// its commentary channel (tool preambles) is shown as reasoning too. Gemma 4:
// "<|channel>thought\n…<channel|>" with asymmetric tokens. Granite 3.2 marks its blocks with plain
// sentences its template asks for (no tokens at all).
const std::vector<ReasoningTags>& table() {
  static const std::vector<ReasoningTags> rows = {
      {"think", "<think>", "</think>", {}, {}, {"<think>", "</think>"}, {}, {}},  // DeepSeek-R1, Qwen3, QwQ, SmolLM3, Granite 4
      {"bracket-think", "[THINK]", "[/THINK]", {}, {}, {"[THINK]", "[/THINK]"}, {}, {}},  // Magistral, Ministral 3
      {"reasoning", "<reasoning>", "</reasoning>", {}, {}, {"<reasoning>", "</reasoning>"}, {}, {}},
      {"thought", "<|begin_of_thought|>", "<|end_of_thought|>", {}, {},  // Sky-T1 / OpenThinker style
       {"<|begin_of_thought|>", "<|end_of_thought|>"}, {}, {}},
      {"thinking", "<thinking>", "</thinking>", {}, {}, {"<thinking>", "</thinking>"}, {}, {}},
      {"harmony", "<|channel|>analysis", "<|end|>", {"<|channel|>commentary"},
       {"<|start|>assistant", "<|channel|>final"}, {"<|channel|>", "<|message|>", "<|end|>", "<|start|>"},
       "<|end|><|start|>assistant<|channel|>final<|message|>", {}},
      {"channel-thought", "<|channel>thought", "<channel|>", {}, {}, {"<|channel>", "<channel|>"}, {}, {}},  // Gemma 4
      {"granite-thought", "Here is my thought process:", "Here is my response:", {}, {}, {}, {}, {}},  // Granite 3.2
  };
  return rows;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr char k_marker = '\xFF';

} // namespace

std::span<const ReasoningTags> known_reasoning_tags() { return table(); }

std::vector<ReasoningTags> reasoning_tags_for_model(
    std::string_view chat_template, const std::function<std::optional<int32_t>(std::string_view)>& token_id) {
  std::vector<ReasoningTags> out;
  for (const ReasoningTags& row : table()) {
    ReasoningTags tags = row;
    for (const std::string_view part : row.token_parts) {
      if (const auto id = token_id(part)) tags.tokens.push_back({part, *id});
    }
    const bool plain_text = row.token_parts.empty();
    const bool recognised = &row == &table().front() ||
                            (plain_text ? chat_template.find(row.open) != std::string_view::npos
                                        : tags.tokens.size() == row.token_parts.size());
    if (recognised) out.push_back(std::move(tags));
  }
  return out;
}

bool model_reasons(std::string_view chat_template, const std::function<bool(std::string_view)>& has_token) {
  const auto mentions = [&](std::string_view word) { return chat_template.find(word) != std::string_view::npos; };
  if (mentions("enable_thinking") || mentions("reasoning_content")) return true;
  return std::any_of(table().begin(), table().end(), [&](const ReasoningTags& t) {
    return mentions(t.open) ||
           (!t.token_parts.empty() && std::all_of(t.token_parts.begin(), t.token_parts.end(), has_token));
  });
}

bool ReasoningSplitter::prompt_opens_reasoning(std::string_view prompt, std::span<const ReasoningTags> tags) {
  while (!prompt.empty() && is_space(prompt.back())) prompt.remove_suffix(1);
  return std::any_of(tags.begin(), tags.end(), [&](const ReasoningTags& t) { return prompt.ends_with(t.open); });
}

ReasoningSplitter::ReasoningSplitter(std::vector<ReasoningTags> tags, std::string_view rendered_prompt)
    : tags_(std::move(tags)) {
  for (const ReasoningTags& t : tags_) {
    for (const TagToken& token : t.tokens) {
      if (marker_of_id_.contains(token.id)) continue;
      // 0x80 + k stays below 0xFF (k_marker itself): more token tags than the table has rows.
      if (marker_of_id_.size() >= 0x7F) break;
      std::string marker = {k_marker, static_cast<char>(0x80 + marker_of_id_.size())};
      marker_of_id_.emplace(token.id, marker);
      marker_of_text_.emplace_back(std::string(token.text), std::move(marker));
    }
  }
  std::sort(marker_of_text_.begin(), marker_of_text_.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const ReasoningTags& t : tags_) {
    Encoded e;
    e.open.push_back(encode(t.open));
    for (const auto o : t.also_open) e.open.push_back(encode(o));
    e.close = encode(t.close);
    for (const auto f : t.framing) e.framing.push_back(encode(f));
    encoded_.push_back(std::move(e));
  }
  std::string_view p = rendered_prompt;
  while (!p.empty() && is_space(p.back())) p.remove_suffix(1);
  for (size_t i = 0; i < tags_.size(); ++i) {
    if (p.ends_with(tags_[i].open)) {
      mode_ = Mode::Reasoning;
      active_ = i;
      seen_tag_ = true;
    } else if (p.ends_with(tags_[i].close)) {
      seen_tag_ = true;  // thinking switched off: the template wrote an empty block
    }
  }
}

std::string ReasoningSplitter::encode(std::string_view text) const {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    bool replaced = false;
    for (const auto& [spelling, marker] : marker_of_text_) {
      if (text.substr(i).starts_with(spelling)) {
        out += marker;
        i += spelling.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

std::string ReasoningSplitter::budget_closing_text() const {
  const ReasoningTags& t = tags_[active_];
  if (!t.budget_close.empty()) return std::string(t.budget_close);
  return "\n" + std::string(t.close) + "\n\n";
}

std::vector<ReasoningSplitter::Candidate> ReasoningSplitter::candidates() const {
  std::vector<Candidate> c;
  if (mode_ == Mode::Reasoning) {
    c.push_back({encoded_[active_].close, active_, Role::Close});
    return c;
  }
  for (size_t i = 0; i < encoded_.size(); ++i) {
    for (const auto& o : encoded_[i].open) c.push_back({o, i, Role::Open});
    for (const auto& f : encoded_[i].framing) c.push_back({f, i, Role::Framing});
    if (!seen_tag_) c.push_back({encoded_[i].close, i, Role::Close});
  }
  return c;
}

std::vector<ReasoningDelta> ReasoningSplitter::feed(std::string_view piece, std::span<const int32_t> token_ids) {
  if (mode_ == Mode::Reasoning) reasoning_tokens_ += static_cast<int64_t>(token_ids.size());
  const auto serial = static_cast<uint32_t>(piece_ids_.size());
  piece_ids_.emplace_back(token_ids.begin(), token_ids.end());
  std::string bytes;
  if (token_ids.empty()) {
    bytes = encode(piece);
  } else if (const auto m = token_ids.size() == 1 ? marker_of_id_.find(token_ids[0]) : marker_of_id_.end();
             m != marker_of_id_.end()) {
    bytes = m->second;
  } else {
    bytes = piece;
  }
  pending_.append(bytes);
  pending_owner_.insert(pending_owner_.end(), bytes.size(), serial);
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
    const Candidate* best = nullptr;
    size_t best_pos = 0;
    for (const Candidate& c : cands) {
      const size_t pos = pending_.find(c.bytes);
      if (pos == std::string::npos) continue;
      if (!best || pos < best_pos || (pos == best_pos && c.bytes.size() > best->bytes.size())) {
        best = &c;
        best_pos = pos;
      }
    }
    if (!best) {
      // Hold back the longest suffix that could still grow into a tag.
      size_t keep = 0;
      for (const Candidate& c : cands) {
        for (size_t n = std::min(c.bytes.size() - 1, pending_.size()); n > keep; --n) {
          if (std::string_view(pending_).substr(pending_.size() - n) == c.bytes.substr(0, n)) {
            keep = n;
            break;
          }
        }
      }
      emit_text(out, pending_.size() - keep);
      return;
    }
    emit_text(out, best_pos);
    drop(best->bytes.size());
    held_ws_.clear();
    held_owner_.clear();
    strip_leading_ = true;
    switch (best->role) {
      case Role::Open:
        mode_ = Mode::Reasoning;
        active_ = best->tag_set;
        seen_tag_ = true;
        break;
      case Role::Close:
        if (mode_ == Mode::Answer && answer_emitted_) out.push_back({DeltaKind::AnswerWasReasoning, {}, {}});
        mode_ = Mode::Answer;
        answer_emitted_ = false;
        seen_tag_ = true;
        break;
      case Role::Framing:
        seen_tag_ = true;  // the model writes the format's structure: a later close is no surprise
        break;
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
  // A token tag outside a tag (a lone <|message|>, a closing tag in the answer) is a control
  // token: never shown.
  for (size_t i = bytes.find(k_marker); i != std::string::npos; i = bytes.find(k_marker, i)) {
    const size_t n = std::min<size_t>(2, bytes.size() - i);
    bytes.erase(i, n);
    owners.erase(owners.begin() + static_cast<long>(i), owners.begin() + static_cast<long>(i + n));
  }
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
