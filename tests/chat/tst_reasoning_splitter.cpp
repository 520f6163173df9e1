// The streaming reasoning splitter, table-driven: each case is a model output with the reasoning
// and answer a reader expects, and every case is replayed whole, one byte per piece, split in two
// at every byte and in three at every pair of bytes — so every tag is split at every offset.

#include <fstream>
#include <sstream>

#include <QtTest>

#include "chat/chat_prompt.h"
#include "chat/chat_template.h"
#include "chat/reasoning_splitter.h"
#include "support/test_support.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/vocabulary.h"

using sikao::chat::DeltaKind;
using sikao::chat::ReasoningSplitter;
using sikao::chat::ReasoningTags;

namespace {

ReasoningTags tags_named(std::string_view name) {
  for (const auto& t : sikao::chat::known_reasoning_tags()) {
    if (t.name == name) return t;
  }
  throw std::runtime_error("no tag set " + std::string(name));
}

struct Outcome {
  std::string reasoning;
  std::string answer;
  bool unclosed = false;
  int reclassified = 0;
  std::vector<int32_t> ids;  // all delta ids, in delta order
};

// What a consumer (the chat view-model) does with the deltas.
void consume(Outcome& o, const std::vector<sikao::chat::ReasoningDelta>& deltas) {
  for (const auto& d : deltas) {
    switch (d.kind) {
      case DeltaKind::Reasoning: o.reasoning += d.text; break;
      case DeltaKind::Answer: o.answer += d.text; break;
      case DeltaKind::AnswerWasReasoning:
        o.reasoning = o.answer + o.reasoning;
        o.answer.clear();
        ++o.reclassified;
        break;
    }
    o.ids.insert(o.ids.end(), d.token_ids.begin(), d.token_ids.end());
  }
}

// Feeds `text` cut at `cuts` (sorted byte offsets); piece k carries token id k.
Outcome run(const std::vector<ReasoningTags>& tags, const std::string& prompt, const std::string& text,
            const std::vector<size_t>& cuts) {
  ReasoningSplitter s(tags, prompt);
  Outcome o;
  size_t from = 0;
  int32_t id = 0;
  std::vector<size_t> ends = cuts;
  ends.push_back(text.size());
  for (const size_t to : ends) {
    const int32_t ids[] = {id++};
    consume(o, s.feed(std::string_view(text).substr(from, to - from), ids));
    from = to;
  }
  consume(o, s.finish());
  o.unclosed = s.reasoning_unclosed();
  return o;
}

struct Case {
  const char* name;
  std::vector<std::string_view> tag_sets;
  std::string prompt;
  std::string output;
  std::string reasoning;
  std::string answer;
  bool unclosed;
  int reclassified;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> c = {
      {"plain_answer", {"think"}, "", "Hello, world!", "", "Hello, world!", false, 0},
      {"think_block", {"think"}, "", "<think>\nLet me think.\n</think>\n\nThe answer is 4.", "Let me think.", "The answer is 4.", false, 0},
      {"prompt_opened_block", {"think"}, "<｜User｜>Hi<｜Assistant｜><think>\n", "I reason.\n</think>\n\nDone.", "I reason.", "Done.", false, 0},
      {"close_without_opener", {"think"}, "", "I reason first.</think>\n\nAnswer.", "I reason first.", "Answer.", false, 1},
      {"empty_think_block", {"think"}, "", "<think>\n\n</think>\n\nHi there", "", "Hi there", false, 0},
      {"unclosed_at_end", {"think"}, "", "<think>\nStill thinking about 日本", "Still thinking about 日本", "", true, 0},
      {"prompt_opened_and_unclosed", {"think"}, "<think>\n", "never closes", "never closes", "", true, 0},
      {"whitespace_before_open", {"think"}, "", "\n <think>x</think>y", "x", "y", false, 0},
      {"multiline_reasoning", {"think"}, "", "<think>\nstep 1\n\nstep 2 😀\n</think>\nمرحبا", "step 1\n\nstep 2 😀", "مرحبا", false, 0},
      {"stray_close_after_block", {"think"}, "", "<think>a</think>b</think>c", "a", "b</think>c", false, 0},
      {"partial_tag_never_completes", {"think"}, "", "x < y and <thi", "", "x < y and <thi", false, 0},
      {"lookalike_tags_are_text", {"think"}, "", "<thinker> </thinkpad> <think", "", "<thinker> </thinkpad> <think", false, 0},
      {"other_style_not_in_vocabulary", {"think"}, "", "<thinking>a</thinking>b", "", "<thinking>a</thinking>b", false, 0},
      {"thought_tags", {"think", "thought"}, "", "<|begin_of_thought|>\nplan\n<|end_of_thought|>\n\nresult", "plan", "result", false, 0},
      {"thinking_tags", {"think", "thinking"}, "", "<thinking>hmm</thinking> ok", "hmm", "ok", false, 0},
      {"bracket_tags", {"think", "bracket-think"}, "", "[THINK]a[/THINK]b", "a", "b", false, 0},
      {"reasoning_tags", {"think", "reasoning"}, "", "<reasoning>r</reasoning>\n\na", "r", "a", false, 0},
      {"close_of_other_set_inside_block", {"think", "thinking"}, "", "<think>a</thinking>b</think>c", "a</thinking>b", "c", false, 0},
      {"closed_empty_block_in_prompt", {"think"}, "<|im_start|>assistant\n<think>\n\n</think>\n\n", "Quick answer.", "", "Quick answer.", false, 0},
      {"interleaved_second_block", {"think"}, "", "<think>a</think>b<think>c</think>d", "ac", "bd", false, 0},
      // Granite 3.2: plain sentences, not tokens.
      {"granite_thought", {"think", "granite-thought"}, "<|start_of_role|>assistant<|end_of_role|>",
       "Here is my thought process:\n12 and 7 make 19.\n\nHere is my response:\nThe sum is 19.",
       "12 and 7 make 19.", "The sum is 19.", false, 0},
      {"granite_unclosed", {"think", "granite-thought"}, "", "Here is my thought process:\nStill adding", "Still adding", "", true, 0},
      {"granite_thinking_off", {"think", "granite-thought"}, "", "The sum is 19.", "", "The sum is 19.", false, 0},
      {"granite_sentences_elsewhere_are_text", {"think"}, "", "Here is my thought process: none. Here is my response: 19",
       "", "Here is my thought process: none. Here is my response: 19", false, 0},
  };
  return c;
}

std::vector<ReasoningTags> tag_list(const Case& c) {
  std::vector<ReasoningTags> t;
  for (const auto n : c.tag_sets) t.push_back(tags_named(n));
  return t;
}

std::string describe(const Case& c, const std::vector<size_t>& cuts) {
  std::string s = std::string(c.name) + " cut at";
  for (const auto x : cuts) s += " " + std::to_string(x);
  return s;
}

bool same(const Outcome& o, const Case& c) {
  return o.reasoning == c.reasoning && o.answer == c.answer && o.unclosed == c.unclosed && o.reclassified == c.reclassified;
}

std::string show(const Outcome& o) {
  return "reasoning «" + o.reasoning + "» answer «" + o.answer + "» unclosed " + std::to_string(o.unclosed) +
         " reclassified " + std::to_string(o.reclassified);
}


// A generated stream as the engine hands it to the splitter: each token's id with the text the
// detokenizer gives for it (none for a control token).
struct Piece {
  std::string text;
  int32_t id;
};

std::vector<Piece> stream_of(const sikao::tokenizer::Tokenizer& tok, std::string_view generated) {
  std::vector<Piece> pieces;
  sikao::tokenizer::Detokenizer detok(tok);
  for (const int32_t id : tok.encode(generated, false, true)) pieces.push_back({detok.feed(id), id});
  if (!pieces.empty()) pieces.back().text += detok.flush();
  return pieces;
}

// Feeds the pieces in order; piece `split` (if any) in two parts cut at byte `at`, both with
// its id; with `bytewise`, every text piece one byte at a time.
Outcome run_stream(const std::vector<ReasoningTags>& tags, const std::string& prompt,
                   const std::vector<Piece>& pieces, size_t split = SIZE_MAX, size_t at = 0,
                   bool bytewise = false) {
  ReasoningSplitter s(tags, prompt);
  Outcome o;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const int32_t ids[] = {pieces[i].id};
    const std::string_view text = pieces[i].text;
    if (i == split) {
      consume(o, s.feed(text.substr(0, at), ids));
      consume(o, s.feed(text.substr(at), ids));
    } else if (bytewise && text.size() > 1) {
      for (size_t b = 0; b < text.size(); ++b) consume(o, s.feed(text.substr(b, 1), ids));
    } else {
      consume(o, s.feed(text, ids));
    }
  }
  consume(o, s.finish());
  o.unclosed = s.reasoning_unclosed();
  return o;
}

struct StreamCase {
  const char* name;
  std::string prompt;
  std::vector<Piece> pieces;
  std::string reasoning;
  std::string answer;
  bool unclosed;
};

// Every case whole, token by token; text pieces one byte at a time; and each text piece cut in
// two at every byte.
void check_streams(const std::vector<ReasoningTags>& tags, const std::vector<StreamCase>& cases) {
  int runs = 0;
  for (const auto& c : cases) {
    const Case expected{c.name, {}, c.prompt, {}, c.reasoning, c.answer, c.unclosed, 0};
    const auto verify = [&](const Outcome& o, const std::string& how) {
      QVERIFY2(same(o, expected), qPrintable(QString::fromStdString(std::string(c.name) + " " + how + ": " + show(o))));
      ++runs;
    };
    verify(run_stream(tags, c.prompt, c.pieces), "token by token");
    verify(run_stream(tags, c.prompt, c.pieces, SIZE_MAX, 0, true), "byte by byte");
    for (size_t i = 0; i < c.pieces.size(); ++i) {
      for (size_t at = 1; at < c.pieces[i].text.size(); ++at) {
        verify(run_stream(tags, c.prompt, c.pieces, i, at), "piece " + std::to_string(i) + " cut at " + std::to_string(at));
      }
    }
  }
  qInfo("%d stream replays", runs);
}

// A Hugging Face tokenizer.json from ../shared, read once per run.
const sikao::tokenizer::Tokenizer& hf_tokenizer(const std::string& json_path) {
  static std::map<std::string, std::unique_ptr<sikao::tokenizer::Tokenizer>> cache;
  auto& slot = cache[json_path];
  if (!slot) {
    slot = std::make_unique<sikao::tokenizer::Tokenizer>(sikao::tokenizer::from_hf_tokenizer_json(json_path), json_path);
  }
  return *slot;
}

std::string read_template(const std::string& file) {
  std::ifstream in(sikao::test::shared_path("templates/" + file));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

} // namespace

class TestReasoningSplitter : public QObject {
  Q_OBJECT

 private slots:
  void splits_every_case_fed_whole() {
    for (const auto& c : cases()) {
      const Outcome o = run(tag_list(c), c.prompt, c.output, {});
      QVERIFY2(same(o, c), qPrintable(QString::fromStdString(std::string(c.name) + ": " + show(o))));
    }
  }

  void splits_every_case_one_byte_per_piece() {
    for (const auto& c : cases()) {
      std::vector<size_t> cuts;
      for (size_t i = 1; i < c.output.size(); ++i) cuts.push_back(i);
      const Outcome o = run(tag_list(c), c.prompt, c.output, cuts);
      QVERIFY2(same(o, c), qPrintable(QString::fromStdString(std::string(c.name) + ": " + show(o))));
      // Each piece is credited once per delta, in order.
      QVERIFY(std::is_sorted(o.ids.begin(), o.ids.end()));
    }
  }

  void splitter_handles_tags_split_at_every_byte() {
    int runs = 0;
    for (const auto& c : cases()) {
      const size_t n = c.output.size();
      for (size_t i = 0; i <= n; ++i) {
        const Outcome o = run(tag_list(c), c.prompt, c.output, {i});
        QVERIFY2(same(o, c), qPrintable(QString::fromStdString(describe(c, {i}) + ": " + show(o))));
        ++runs;
        for (size_t j = i; j <= n; ++j) {
          const Outcome o3 = run(tag_list(c), c.prompt, c.output, {i, j});
          QVERIFY2(same(o3, c), qPrintable(QString::fromStdString(describe(c, {i, j}) + ": " + show(o3))));
          ++runs;
        }
      }
    }
    qInfo("%d split replays", runs);
  }

  void deltas_carry_the_token_ids_behind_their_text() {
    ReasoningSplitter s;
    std::vector<std::pair<DeltaKind, std::vector<int32_t>>> seen;
    const auto feed = [&](std::string_view piece, int32_t id) {
      const int32_t ids[] = {id};
      for (const auto& d : s.feed(piece, ids)) seen.emplace_back(d.kind, d.token_ids);
    };
    feed("<think>", 1);
    feed("Let", 2);
    feed(" me", 3);
    feed("</th", 4);  // held: might be the closing tag
    feed("ink>", 5);
    feed("\n\n", 6);
    feed("Yes", 7);
    feed(".</think>No", 8);  // a stray close after the block is answer text
    for (const auto& d : s.finish()) seen.emplace_back(d.kind, d.token_ids);
    const std::vector<std::pair<DeltaKind, std::vector<int32_t>>> expected = {
        {DeltaKind::Reasoning, {2}}, {DeltaKind::Reasoning, {3}}, {DeltaKind::Answer, {7}}, {DeltaKind::Answer, {8}}};
    QCOMPARE(seen.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      QVERIFY(seen[i].first == expected[i].first);
      QCOMPARE(seen[i].second, expected[i].second);
    }

    // One piece spanning both channels is credited to both deltas; held bytes join later ones.
    ReasoningSplitter t;
    const int32_t a[] = {10, 11};
    const auto d1 = t.feed("<think>x <", a);
    QCOMPARE(d1.size(), size_t{1});
    QCOMPARE(QString::fromStdString(d1[0].text), QString("x"));
    QCOMPARE(d1[0].token_ids, (std::vector<int32_t>{10, 11}));
    const int32_t b[] = {12};
    const auto d2 = t.feed("y</think>z", b);
    QCOMPARE(d2.size(), size_t{2});
    QCOMPARE(QString::fromStdString(d2[0].text), QString(" <y"));
    QCOMPARE(d2[0].token_ids, (std::vector<int32_t>{10, 11, 12}));
    QVERIFY(d2[1].kind == DeltaKind::Answer);
    QCOMPARE(QString::fromStdString(d2[1].text), QString("z"));
    QCOMPARE(d2[1].token_ids, (std::vector<int32_t>{12}));
  }

  void reasoning_budget_closes_the_block() {
    ReasoningSplitter s({tags_named("think")}, "<｜Assistant｜><think>\n");
    QVERIFY(s.in_reasoning());
    Outcome o;
    const int budget = 3;
    int32_t id = 0;
    for (const char* w : {"one", " two", " three"}) {
      const int32_t ids[] = {id++};
      consume(o, s.feed(w, ids));
    }
    QCOMPARE(s.reasoning_tokens(), int64_t{budget});
    // The engine inserts the closing text as tokens and feeds their text back.
    const std::string close = s.budget_closing_text();
    QCOMPARE(QString::fromStdString(close), QString("\n</think>\n\n"));
    const int32_t close_ids[] = {100, 101};
    consume(o, s.feed(close, close_ids));
    QVERIFY(!s.in_reasoning());
    const int32_t ans[] = {id++};
    consume(o, s.feed("Answer.", ans));
    consume(o, s.finish());
    QCOMPARE(QString::fromStdString(o.reasoning), QString("one two three"));
    QCOMPARE(QString::fromStdString(o.answer), QString("Answer."));
    QVERIFY(!s.reasoning_unclosed());
    // The inserted closing tokens belong to the reasoning block; the answer's do not.
    QCOMPARE(s.reasoning_tokens(), int64_t{budget + 2});
  }

  // The prompt state comes from real templates: DeepSeek-R1 and Qwen3.5 open the block in the
  // prompt, Qwen3 and Qwen3.5 with enable_thinking=false close an empty one, Qwen3 by default
  // leaves it to the model.
  void knows_from_real_templates_whether_the_prompt_opened_a_block() {
    SIKAO_REQUIRE_SHARED();
    const auto read = [](const std::string& f) {
      std::ifstream in(sikao::test::shared_path("templates/" + f));
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    };
    const auto messages = sikao::chat::jinja::Value::from_json(R"([{"role": "user", "content": "Hi"}])", "test");
    sikao::chat::RenderOptions opt;
    opt.add_generation_prompt = true;
    const auto tags = sikao::chat::known_reasoning_tags();
    const auto ds = sikao::chat::ChatTemplate::parse(read("deepseek-ai-DeepSeek-R1-Distill-Qwen-32B.jinja"), "ds").render(messages, opt);
    QVERIFY(ReasoningSplitter::prompt_opens_reasoning(ds, tags));
    const auto qwen_t = sikao::chat::ChatTemplate::parse(read("Qwen-Qwen3.jinja"), "qwen3");
    QVERIFY(!ReasoningSplitter::prompt_opens_reasoning(qwen_t.render(messages, opt), tags));
    opt.extra_variables.emplace_back(sikao::chat::jinja::Value("enable_thinking"), sikao::chat::jinja::Value(false));
    const auto qwen_off = qwen_t.render(messages, opt);
    QVERIFY(qwen_off.find("<think>\n\n</think>") != std::string::npos);
    QVERIFY(!ReasoningSplitter::prompt_opens_reasoning(qwen_off, tags));
    // Qwen3.5 opens the block itself, and enable_thinking=false closes it empty (no /no_think).
    const auto qwen35 = sikao::chat::ChatTemplate::parse(read("Qwen3.5-4B.jinja"), "qwen35");
    sikao::chat::RenderOptions on;
    on.add_generation_prompt = true;
    const auto qwen35_on = qwen35.render(messages, on);
    QVERIFY2(ReasoningSplitter::prompt_opens_reasoning(qwen35_on, tags), qwen35_on.c_str());
    const auto qwen35_off = qwen35.render(messages, opt);
    QVERIFY2(qwen35_off.find("<think>\n\n</think>") != std::string::npos, qwen35_off.c_str());
    QVERIFY(!ReasoningSplitter::prompt_opens_reasoning(qwen35_off, tags));
  }

  void tag_sets_follow_the_vocabulary() {
    const auto none = sikao::chat::reasoning_tags_for_model("", [](std::string_view) { return std::nullopt; });
    QCOMPARE(none.size(), size_t{1});
    QCOMPARE(QString::fromUtf8(none[0].open.data(), static_cast<int>(none[0].open.size())), QString("<think>"));
    QVERIFY(none[0].tokens.empty());
    const auto with_bracket = sikao::chat::reasoning_tags_for_model("", [](std::string_view t) -> std::optional<int32_t> {
      if (t == "[THINK]") return 7;
      if (t == "[/THINK]") return 8;
      if (t == "<reasoning>" || t == "<|channel|>") return 9;  // one tag of a set is not enough
      return std::nullopt;
    });
    QCOMPARE(with_bracket.size(), size_t{2});
    QCOMPARE(QString::fromUtf8(with_bracket[1].close.data(), static_cast<int>(with_bracket[1].close.size())), QString("[/THINK]"));
    QCOMPARE(with_bracket[1].tokens.size(), size_t{2});
    QCOMPARE(with_bracket[1].tokens[1].id, 8);
    // A set of plain sentences (Granite 3.2) is recognised where the template asks for them.
    const auto no_ids = [](std::string_view) -> std::optional<int32_t> { return std::nullopt; };
    const std::string granite_template =
        "{%- if thinking %}Respond in the format: Here is my thought process: ... Here is my response: ...{% endif %}";
    const auto granite = sikao::chat::reasoning_tags_for_model(granite_template, no_ids);
    QCOMPARE(granite.size(), size_t{2});
    QVERIFY(granite[1].name == "granite-thought");
    QVERIFY(granite[1].tokens.empty());
    QCOMPARE(sikao::chat::reasoning_tags_for_model("{{ messages }}", no_ids).size(), size_t{1});
  }

  // gpt-oss writes its reasoning in harmony's analysis channel and its answer in the final one,
  // every marker a control token of the o200k-harmony vocabulary (ids from ../shared).
  void splits_gpt_oss_harmony_channels_on_their_token_ids() {
    SIKAO_REQUIRE_SHARED();
    const auto& tok = hf_tokenizer(sikao::test::hf_tokenizer_json("gpt-oss"));
    const auto tags = sikao::chat::reasoning_tags_for(tok, "");
    QVERIFY(std::any_of(tags.begin(), tags.end(), [](const ReasoningTags& t) { return t.name == "harmony"; }));
    // The prompt the model's own template renders for a user turn.
    sikao::chat::RenderOptions opt;
    opt.add_generation_prompt = true;
    const std::string prompt = sikao::chat::ChatTemplate::parse(read_template("openai-gpt-oss-120b.jinja"), "gpt-oss")
                                   .render(sikao::chat::jinja::Value::from_json(R"([{"role": "user", "content": "2+2?"}])", "t"), opt);
    QVERIFY(prompt.ends_with("<|start|>assistant"));
    const auto s = [&](std::string_view generated) { return stream_of(tok, generated); };
    const std::string final_header = "<|end|><|start|>assistant<|channel|>final<|message|>";
    check_streams(tags, {
        {"analysis_then_final", prompt, s("<|channel|>analysis<|message|>User asks 2+2. Answer 4." + final_header + "2 + 2 = 4."),
         "User asks 2+2. Answer 4.", "2 + 2 = 4.", false},
        {"empty_analysis", prompt, s("<|channel|>analysis<|message|>" + final_header + "Hi!"), "", "Hi!", false},
        {"unclosed_analysis", prompt, s("<|channel|>analysis<|message|>Still weighing it"), "Still weighing it", "", true},
        {"commentary_is_reasoning", prompt,
         s("<|channel|>analysis<|message|>First.<|end|><|start|>assistant<|channel|>commentary<|message|>Then a tool." +
           final_header + "Done."),
         "First.Then a tool.", "Done.", false},
        {"final_only", prompt, s("<|channel|>final<|message|>Just the answer."), "", "Just the answer.", false},
        {"stray_control_tokens_are_not_text", prompt, s("<|channel|>final<|message|>Answer<|end|> text<|message|><|start|>"),
         "", "Answer text", false},
    });
    // The markers written as characters (a model explaining the format) are text.
    std::vector<Piece> spelled;
    sikao::tokenizer::Detokenizer detok(tok);
    for (const int32_t id : tok.encode("Write <|channel|>analysis<|message|> first.", false, false)) spelled.push_back({detok.feed(id), id});
    check_streams(tags, {{"spelled_markers_are_text", prompt, spelled, "", "Write <|channel|>analysis<|message|> first.", false}});
  }

  void closes_a_harmony_block_when_the_budget_is_spent() {
    SIKAO_REQUIRE_SHARED();
    const auto& tok = hf_tokenizer(sikao::test::hf_tokenizer_json("gpt-oss"));
    ReasoningSplitter s(sikao::chat::reasoning_tags_for(tok, ""), "<|start|>assistant");
    Outcome o;
    for (const Piece& p : stream_of(tok, "<|channel|>analysis<|message|>Long thoughts")) {
      const int32_t ids[] = {p.id};
      consume(o, s.feed(p.text, ids));
    }
    QVERIFY(s.in_reasoning());
    const std::string close = s.budget_closing_text();
    QCOMPARE(QString::fromStdString(close), QString("<|end|><|start|>assistant<|channel|>final<|message|>"));
    // What the engine does: the closing text goes to the model as tokens and to the splitter as text.
    QCOMPARE(tok.encode(close, false, true).size(), size_t{6});
    consume(o, s.feed(close, {}));
    QVERIFY(!s.in_reasoning());
    for (const Piece& p : stream_of(tok, "Short answer.")) {
      const int32_t ids[] = {p.id};
      consume(o, s.feed(p.text, ids));
    }
    consume(o, s.finish());
    QCOMPARE(QString::fromStdString(o.reasoning), QString("Long thoughts"));
    QCOMPARE(QString::fromStdString(o.answer), QString("Short answer."));
  }

  // Qwen3's <think> and </think> are added tokens (151667, 151668): matched by id, and the same
  // characters written as ordinary tokens are text. Qwen3.5's template opens the block itself.
  void matches_qwen_think_tokens_by_id() {
    SIKAO_REQUIRE_SHARED();
    const auto& tok = hf_tokenizer(sikao::test::shared_path("vocab/qwen3-tokenizer/tokenizer.json"));
    const auto tags = sikao::chat::reasoning_tags_for(tok, "");
    QCOMPARE(tags[0].tokens.size(), size_t{2});
    QCOMPARE(tags[0].tokens[0].id, 151667);
    const auto s = [&](std::string_view generated) { return stream_of(tok, generated); };
    // "<think>" in the model's text is always the added token; spelled with ordinary tokens
    // ("<" then "think>") it is text.
    std::vector<Piece> spelled;
    sikao::tokenizer::Detokenizer detok(tok);
    for (const std::string_view part : {"Use <", "think> tags."}) {
      for (const int32_t id : tok.encode(part, false, false)) spelled.push_back({detok.feed(id), id});
    }
    check_streams(tags, {
        {"think_block", "<|im_start|>assistant\n", s("<think>\nPlan: add.\n</think>\n\n4"), "Plan: add.", "4", false},
        {"prompt_opened", "<|im_start|>assistant\n<think>\n", s("Plan.\n</think>\n\nDone."), "Plan.", "Done.", false},
        {"thinking_off", "<|im_start|>assistant\n<think>\n\n</think>\n\n", s("Quick."), "", "Quick.", false},
        {"empty_block", "", s("<think>\n\n</think>\n\nHi"), "", "Hi", false},
        {"unclosed", "", s("<think>\nhmm"), "hmm", "", true},
        {"spelled_think_is_text", "", spelled, "", "Use <think> tags.", false},
    });
  }

  // Gemma 4's asymmetric channel tokens (the template spells "<|channel>thought\n" and
  // "<channel|>"; with thinking off it writes the empty block itself) and Ministral 3's
  // [THINK]…[/THINK]: no vocabulary of theirs is in ../shared, so the ids here are the
  // splitter's only input about them, as a loaded model's vocabulary would give them.
  void splits_gemma4_and_ministral_blocks() {
    const auto vocab = [](std::map<std::string_view, int32_t> ids) {
      return sikao::chat::reasoning_tags_for_model("", [ids](std::string_view t) -> std::optional<int32_t> {
        const auto it = ids.find(t);
        if (it == ids.end()) return std::nullopt;
        return it->second;
      });
    };
    const auto gemma = vocab({{"<|channel>", 100}, {"<channel|>", 101}});
    QVERIFY(std::any_of(gemma.begin(), gemma.end(), [](const ReasoningTags& t) { return t.name == "channel-thought"; }));
    const std::vector<Piece> thought = {{"", 100}, {"thought", 5}, {"\n", 6}, {"Compare", 7}, {" sizes", 8}, {"", 101}, {"Paris", 9}};
    const std::vector<Piece> unclosed = {{"", 100}, {"thought", 5}, {"\n", 6}, {"Compare", 7}};
    check_streams(gemma, {
        {"gemma_thought", "<|turn>model\n", thought, "Compare sizes", "Paris", false},
        {"gemma_unclosed", "<|turn>model\n", unclosed, "Compare", "", true},
        {"gemma_thinking_off", "<|turn>model\n<|channel>thought\n<channel|>", {{"Paris", 9}, {"", 101}}, "", "Paris", false},
    });
    const auto mistral = vocab({{"[THINK]", 34}, {"[/THINK]", 35}});
    check_streams(mistral, {
        {"ministral_think", "[INST]Hi[/INST]", {{"", 34}, {"Greet", 5}, {"", 35}, {"Hello", 6}}, "Greet", "Hello", false},
        {"ministral_empty", "[INST]Hi[/INST]", {{"", 34}, {"", 35}, {"Hello", 6}}, "", "Hello", false},
    });
  }

  // The one "does this model reason?" rule of the model list and the loaded model.
  void a_model_reasons_when_its_template_or_vocabulary_knows_thinking() {
    using sikao::chat::model_reasons;
    const auto no_tokens = [](std::string_view) { return false; };
    QVERIFY(!model_reasons("{{ messages[0].content }}", no_tokens));
    QVERIFY(model_reasons("{% if enable_thinking %}x{% endif %}", no_tokens));  // Qwen3
    QVERIFY(model_reasons("{{ message.reasoning_content }}", no_tokens));
    QVERIFY(model_reasons("{{ '<|im_start|>assistant\\n<think>\\n' }}", no_tokens));  // DeepSeek-R1
    // Both tags of a set in the vocabulary, whatever the template says; one alone is not enough.
    QVERIFY(model_reasons("", [](std::string_view t) { return t == "[THINK]" || t == "[/THINK]"; }));
    QVERIFY(!model_reasons("", [](std::string_view t) { return t == "[THINK]"; }));
    // Granite 3.2's template asks for its sentences; a vocabulary cannot have plain sentences.
    QVERIFY(model_reasons("{% if thinking %}Here is my thought process:{% endif %}", no_tokens));
  }
};

QTEST_APPLESS_MAIN(TestReasoningSplitter)
#include "tst_reasoning_splitter.moc"
