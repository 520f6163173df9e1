// The streaming reasoning splitter, table-driven: each case is a model output with the reasoning
// and answer a reader expects, and every case is replayed whole, one byte per piece, split in two
// at every byte and in three at every pair of bytes — so every tag is split at every offset.

#include <fstream>
#include <sstream>

#include <QtTest>

#include "chat/chat_template.h"
#include "chat/reasoning_splitter.h"
#include "support/test_support.h"

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
    const auto none = sikao::chat::reasoning_tags_for_vocabulary([](std::string_view) { return false; });
    QCOMPARE(none.size(), size_t{1});
    QCOMPARE(QString::fromUtf8(none[0].open.data(), static_cast<int>(none[0].open.size())), QString("<think>"));
    const auto with_bracket = sikao::chat::reasoning_tags_for_vocabulary(
        [](std::string_view t) { return t == "[THINK]" || t == "[/THINK]" || t == "<reasoning>"; });
    QCOMPARE(with_bracket.size(), size_t{2});
    QCOMPARE(QString::fromUtf8(with_bracket[1].close.data(), static_cast<int>(with_bracket[1].close.size())), QString("[/THINK]"));
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
  }
};

QTEST_APPLESS_MAIN(TestReasoningSplitter)
#include "tst_reasoning_splitter.moc"
