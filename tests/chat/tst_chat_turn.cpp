// chat::ChatTurn on conversations longer than the context: the oldest turns are left out whole
// (the system prompt and the question stay), the window only moves forward and leaves room for
// the next turns, "stop instead" generates nothing, and an answer that fills the context ends as
// ContextFull with its text kept. First with the scripted engine (one token per byte of
// "role: content\n"), then 60 turns with the bundled demo reasoner at a 512-token context.

#include <QtTest>

#include <algorithm>

#include "chat/chat_turn.h"
#include "support/scripted_turn_engine.h"
#include "support/test_support.h"

using namespace sikao;

namespace {

const std::string k_model = SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf";

chat::Conversation numbered_turns(int turns) {
  chat::Conversation c;
  c.system_prompt = "be brief";
  for (int i = 1; i <= turns; ++i) {
    c.messages.push_back({"user", "question " + std::to_string(i), ""});
    c.messages.push_back({"assistant", "answer " + std::to_string(i), "thinking " + std::to_string(i)});
  }
  c.messages.push_back({"user", "the last question", ""});
  return c;
}

// What the scripted engine renders for messages [first, end) after the system prompt.
std::string scripted_prompt(const chat::Conversation& c, size_t first) {
  std::string text = "system: " + c.system_prompt + "\n";
  for (size_t i = first; i < c.messages.size(); ++i) text += c.messages[i].role + ": " + c.messages[i].content + "\n";
  return text + "assistant: ";
}

std::string run_text(chat::ChatTurn& turn, chat::TurnResult& result) {
  std::string answer;
  result = turn.run(nullptr, [&](const chat::TurnUpdate& u) {
    for (const auto& d : u.deltas) {
      if (d.kind == chat::DeltaKind::Answer) answer += d.text;
    }
  });
  return answer;
}

// Questions the demo model knows (tests/tools/bundled_model/tasks.py).
std::string question(int i) {
  switch (i % 4) {
    case 0: return "What is " + std::to_string(100 + 7 * i) + " + " + std::to_string(20 + 3 * i) + "?";
    case 1: return "What is " + std::to_string(300 + 5 * i) + " - " + std::to_string(10 + 2 * i) + "?";
    case 2: return "Which is larger, " + std::to_string(40 + i) + " or " + std::to_string(90 - i) + "?";
    default: return "What is " + std::to_string(3 + i % 9) + " * " + std::to_string(4 + i % 7) + "?";
  }
}

} // namespace

class TestChatTurn : public QObject {
  Q_OBJECT

 private slots:
  void the_oldest_turns_are_left_out_whole_and_the_system_prompt_and_question_stay() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {{"fine"}};
    script->delay = std::chrono::milliseconds(0);
    script->context_length = 200;
    test::ScriptedTurnEngine engine(script);
    chat::TurnRequest request;
    request.conversation = numbered_turns(10);  // about 400 tokens
    request.settings.max_tokens = 40;           // room for the answer: 40 (under a quarter, 50)
    chat::ChatTurn turn(engine, request);

    // The prompt may take 200 - 40 = 160 tokens; the window moves until it takes at most
    // 160 - 200 / 4 = 110, at the start of a turn (a user message).
    QCOMPARE(chat::ChatTurn::prompt_limit(200, 40), 160u);
    const size_t left_out = turn.left_out();
    QVERIFY(left_out > 0 && left_out < request.conversation.messages.size());
    QCOMPARE(request.conversation.messages[left_out].role, std::string("user"));
    const std::string expected = scripted_prompt(request.conversation, left_out);
    QCOMPARE(turn.prompt().text, expected);
    QVERIFY2(expected.size() <= 110, expected.c_str());
    // One turn earlier would not have fitted.
    QVERIFY(scripted_prompt(request.conversation, left_out - 2).size() > 110);

    chat::TurnResult result;
    QCOMPARE(run_text(turn, result), std::string("fine"));
    QCOMPARE(result.left_out, left_out);
    QCOMPARE(result.finish, FinishReason::EndOfText);
    QCOMPARE(script->prompts.back().size(), expected.size());
    // The answer fits beside the next question: the window stays, nothing is prefilled.
    QCOMPARE(result.next_outside_view, left_out);
    QVERIFY(script->prefills.empty());
  }

  void messages_already_outside_the_view_stay_out_while_the_rest_fits() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {{"fine"}};
    script->delay = std::chrono::milliseconds(0);
    script->context_length = 2048;
    test::ScriptedTurnEngine engine(script);
    chat::TurnRequest request;
    request.conversation = numbered_turns(3);
    request.conversation.outside_view = 3;  // inside the second turn: its whole turn is out too
    chat::ChatTurn turn(engine, request);
    QCOMPARE(turn.left_out(), size_t(4));
    QCOMPARE(turn.prompt().text, scripted_prompt(request.conversation, 4));
    // Nothing outside the view: everything fits, nothing is left out.
    request.conversation.outside_view = 0;
    QCOMPARE(chat::ChatTurn(engine, request).left_out(), size_t(0));
  }

  void stop_instead_generates_nothing_when_the_conversation_does_not_fit() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {{"fine"}};
    script->context_length = 200;
    test::ScriptedTurnEngine engine(script);
    chat::TurnRequest request;
    request.conversation = numbered_turns(10);
    request.settings.overflow = chat::ContextOverflow::Stop;
    chat::ChatTurn turn(engine, request);
    QCOMPARE(turn.left_out(), size_t(0));
    chat::TurnResult result;
    QCOMPARE(run_text(turn, result), std::string());
    QVERIFY(result.did_not_fit);
    QCOMPARE(result.finish, FinishReason::ContextFull);
    QCOMPARE(result.prompt_tokens, uint32_t(scripted_prompt(request.conversation, 0).size()));
    QVERIFY(script->prompts.empty());  // the engine was not asked
  }

  void an_answer_that_fills_the_context_ends_as_context_full_and_is_kept() {
    auto script = std::make_shared<test::FakeScript>();
    script->turns = {std::vector<std::string>(100, "la ")};
    script->delay = std::chrono::milliseconds(0);
    script->context_length = 64;
    test::ScriptedTurnEngine engine(script);
    chat::TurnRequest request;
    request.conversation.messages = {{"user", "sing", ""}};
    chat::ChatTurn turn(engine, request);
    chat::TurnResult result;
    const std::string answer = run_text(turn, result);
    const size_t prompt = std::string("user: sing\nassistant: ").size();
    QCOMPARE(result.finish, FinishReason::ContextFull);
    QCOMPARE(result.generated_tokens, int64_t(64 - prompt));
    QVERIFY2(answer.size() >= 3 * (64 - prompt) - 1 && answer.starts_with("la la "), answer.c_str());
  }

  // 60 turns with the real engine at a 512-token context: every turn answers, the window moves
  // forward in whole turns, and the cache keeps serving the prefix (the last turn starts about as
  // fast as the first).
  void sixty_turns_at_a_512_token_context_all_answer_with_the_prefix_reused() {
    // Every turn ends without an error: at the model's end of text, or, when the model talks
    // past the room left for the answer, as ContextFull with what it said kept (and the next
    // turn goes on).
    LoadOptions load;
    load.context_length = 512;
    chat::ModelTurnEngine engine(Model::load(k_model, load));
    QCOMPARE(engine.context_length(), 512u);
    chat::TurnSettings settings;
    settings.sampling = sampling::SamplingParams::greedy();
    settings.max_tokens = 256;

    // Prefill pipelines are compiled on first use: a long throwaway prompt first, so that the
    // first turn measures the same work as the last.
    {
      chat::TurnRequest warm_up;
      warm_up.settings = settings;
      std::string long_question;
      for (int i = 0; i < 40; ++i) long_question += question(i) + " ";
      warm_up.conversation.messages = {{"user", long_question, ""}};
      chat::ChatTurn turn(engine, warm_up);
      chat::TurnResult ignored;
      run_text(turn, ignored);
    }

    // A system prompt, as the app's default one: evaluated in the first turn, then served from
    // the cache in every turn, however far the window has moved.
    chat::Conversation conversation;
    conversation.system_prompt =
        "You are a careful assistant. Think step by step, then give the answer in one short sentence.";
    std::vector<int64_t> first_token_ms;
    std::vector<int64_t> evaluated;  // prompt tokens not served from the cache
    std::vector<size_t> left_out;
    int context_full = 0;
    for (int i = 0; i < 60; ++i) {
      conversation.messages.push_back({"user", question(i), ""});
      chat::TurnRequest request{conversation, settings};
      chat::ChatTurn turn(engine, request);
      std::string reasoning, answer;
      const chat::TurnResult result = turn.run(nullptr, [&](const chat::TurnUpdate& u) {
        for (const auto& d : u.deltas) (d.kind == chat::DeltaKind::Reasoning ? reasoning : answer) += d.text;
      });
      QVERIFY2(result.finish == FinishReason::EndOfText || result.finish == FinishReason::ContextFull,
               qPrintable(QStringLiteral("turn %1 ended %2").arg(i).arg(int(result.finish))));
      context_full += result.finish == FinishReason::ContextFull ? 1 : 0;
      // The tiny demo model sometimes stops after a word of reasoning deep into a conversation it
      // was not trained on; what the turn owes is an answer it generated, without an error.
      QVERIFY2(result.generated_tokens > 0 && !(reasoning + answer).empty(),
               qPrintable(QStringLiteral("turn %1 generated nothing").arg(i)));
      // The messages left out are not in the prompt; the first one kept and the question are.
      const std::string& prompt = turn.prompt().text;
      QCOMPARE(result.left_out, turn.left_out());
      QVERIFY(result.left_out >= conversation.outside_view);
      QCOMPARE(conversation.messages[result.left_out].role, std::string("user"));
      for (size_t m = 0; m < conversation.messages.size(); m += 2) {
        const bool in_prompt = prompt.find(conversation.messages[m].content + "<|im_end|>") != std::string::npos;
        QVERIFY2(in_prompt == (m >= result.left_out),
                 qPrintable(QStringLiteral("turn %1, message %2, %3 left out").arg(i).arg(m).arg(result.left_out)));
      }
      // The last token sampled needs no cache slot: at most 512 + 1.
      QVERIFY(result.prompt_tokens + result.generated_tokens <= 513);
      first_token_ms.push_back(result.first_token_ms);
      evaluated.push_back(int64_t{result.prompt_tokens} - int64_t{result.reused_tokens});
      left_out.push_back(result.left_out);
      conversation.messages.push_back({"assistant", answer, reasoning});
      QVERIFY(result.next_outside_view >= result.left_out);
      conversation.outside_view = result.next_outside_view;
    }
    qInfo("first-token latency (ms) per turn: %s",
          qPrintable([&] { QStringList l; for (auto t : first_token_ms) l << QString::number(t); return l.join(' '); }()));
    qInfo("prompt tokens evaluated per turn: %s",
          qPrintable([&] { QStringList l; for (auto t : evaluated) l << QString::number(t); return l.join(' '); }()));
    qInfo("messages outside the view per turn: %s",
          qPrintable([&] { QStringList l; for (auto t : left_out) l << QString::number(t); return l.join(' '); }()));
    qInfo("%d of 60 answers filled the context", context_full);
    QVERIFY(context_full <= 6);  // the exception, not the rule
    QCOMPARE(left_out.front(), size_t(0));
    QVERIFY(left_out.back() > 60);  // most of 119 earlier messages are out by the end
    QVERIFY(std::is_sorted(left_out.begin(), left_out.end()));
    // Without the cache the last turns would evaluate their whole window (a turn that moves the
    // window does: several times the others' latency on lavapipe). What the cache saves is
    // counted in tokens, not timed (the latencies above move 2x with the load of a shared
    // machine): the last five turns evaluate about what the first five did. Medians of five
    // (test::median): the first turn evaluates the system prompt, and a turn that moves the
    // window evaluates its new start.
    const int64_t first = sikao::test::median(std::vector<int64_t>(evaluated.begin(), evaluated.begin() + 5));
    const int64_t last = sikao::test::median(std::vector<int64_t>(evaluated.end() - 5, evaluated.end()));
    QVERIFY2(last <= 2 * std::max<int64_t>(first, 1),
             qPrintable(QStringLiteral("first turns %1 tokens, last turns %2 tokens (medians)").arg(first).arg(last)));
  }
};

QTEST_APPLESS_MAIN(TestChatTurn)
#include "tst_chat_turn.moc"
