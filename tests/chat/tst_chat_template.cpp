// Chat templates: byte-for-byte conformance with Python's jinja2 (run at test time through
// tests/chat/render_reference.py) on every template in ../shared/templates, every GGUF chat
// template under ../shared and the feature snippets in tests/chat/snippets, for every
// conversation in tests/chat/conversations.json; sikao-cli template on the same inputs;
// clear errors with line numbers for malformed templates; the built-in fallback formats.

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "chat/chat_template.h"
#include "chat/thinking_control.h"
#include "common/error.h"
#include "support/test_support.h"

using sikao::chat::jinja::Value;
namespace fs = std::filesystem;

namespace {

const std::string k_source_dir = SIKAO_SOURCE_DIR;
const std::string k_conversations = k_source_dir + "/tests/chat/conversations.json";
const std::string k_reference_script = k_source_dir + "/tests/chat/render_reference.py";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// strftime_now() in both renderers reads this instant (render_reference.py FIXED_NOW).
std::tm fixed_now() {
  std::tm tm{};
  tm.tm_year = 2025 - 1900;
  tm.tm_mon = 2;
  tm.tm_mday = 14;
  tm.tm_hour = 15;
  tm.tm_min = 9;
  tm.tm_sec = 26;
  tm.tm_wday = 5;
  tm.tm_yday = 72;
  return tm;
}

// Where the two outputs first differ, for a failure message a person can act on.
std::string first_difference(const std::string& ours, const std::string& ref) {
  size_t i = 0;
  while (i < ours.size() && i < ref.size() && ours[i] == ref[i]) ++i;
  const size_t from = i > 40 ? i - 40 : 0;
  return "at byte " + std::to_string(i) + ": ours «" + ours.substr(from, 100) + "» jinja2 «" + ref.substr(from, 100) + "»";
}

sikao::chat::RenderOptions options_for(const nlohmann::ordered_json& conv) {
  sikao::chat::RenderOptions opt;
  opt.add_generation_prompt = conv.value("add_generation_prompt", false);
  if (conv.contains("variables")) {
    const Value vars = Value::from_json(conv["variables"].dump(), "variables");
    opt.extra_variables = vars.as_dict();
  }
  opt.now = fixed_now;
  return opt;
}

std::vector<std::string> conformance_inputs() {
  std::vector<std::string> paths;
  for (const auto& e : fs::directory_iterator(sikao::test::shared_path("templates"))) {
    if (e.path().extension() == ".jinja") paths.push_back(e.path().string());
  }
  for (const auto& e : fs::directory_iterator(k_source_dir + "/tests/chat/snippets")) {
    if (e.path().extension() == ".jinja") paths.push_back(e.path().string());
  }
  for (const auto& e : fs::recursive_directory_iterator(sikao::test::shared_dir())) {
    if (e.path().extension() == ".gguf") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

} // namespace

class TestChatTemplate : public QObject {
  Q_OBJECT

  QTemporaryDir tmp_;
  nlohmann::ordered_json conversations_;
  nlohmann::ordered_json reference_;  // {path: {conversation: {"ok": text} | {"error": message}}}

 private slots:
  void initTestCase() {
    SIKAO_REQUIRE_SHARED();
    QVERIFY(tmp_.isValid());
    conversations_ = nlohmann::ordered_json::parse(read_file(k_conversations));
    const QString out = tmp_.filePath("reference.json");
    QStringList args = {QString::fromStdString(k_reference_script), QString::fromStdString(k_conversations), out};
    for (const auto& p : conformance_inputs()) args << QString::fromStdString(p);
    QProcess py;
    py.start("/usr/bin/python3", args);
    QVERIFY2(py.waitForFinished(300000), "render_reference.py did not finish");
    QVERIFY2(py.exitStatus() == QProcess::NormalExit && py.exitCode() == 0,
             qPrintable("render_reference.py failed (is python3-jinja2 installed?): " + QString::fromUtf8(py.readAllStandardError())));
    reference_ = nlohmann::ordered_json::parse(read_file(out.toStdString()));
    QVERIFY2(reference_.size() >= 15, "the reference covers fewer templates than ../shared holds");
  }

  void conformance_matches_jinja2_byte_for_byte() {
    int cases = 0, expected_errors = 0;
    QStringList failures;
    for (const auto& [path, per_conv] : reference_.items()) {
      std::optional<sikao::chat::ChatTemplate> tmpl;
      std::string parse_error;
      try {
        if (path.size() > 5 && path.substr(path.size() - 5) == ".gguf") {
          const auto info = sikao::chat::model_chat_info(path);
          QVERIFY2(info.chat_template.has_value(), qPrintable(QString::fromStdString(path + ": our GGUF reader finds no template")));
          tmpl = sikao::chat::ChatTemplate::parse(*info.chat_template, path, info.bos_token, info.eos_token);
        } else {
          tmpl = sikao::chat::ChatTemplate::parse(read_file(path), path, conversations_["bos_token"], conversations_["eos_token"]);
        }
      } catch (const sikao::Error& e) {
        parse_error = e.what();
      }
      for (const auto& conv : conversations_["conversations"]) {
        const std::string name = conv["name"];
        const auto& ref = per_conv.at(name);
        ++cases;
        const std::string label = fs::path(path).filename().string() + " × " + name;
        if (!tmpl) {
          if (!ref.contains("error")) failures << QString::fromStdString(label + ": we fail to parse: " + parse_error);
          else ++expected_errors;
          continue;
        }
        const Value messages = Value::from_json(conv["messages"].dump(), name);
        std::string ours, error;
        try {
          ours = tmpl->render(messages, options_for(conv));
        } catch (const sikao::Error& e) {
          error = e.what();
        }
        if (ref.contains("error")) {
          if (error.empty()) {
            failures << QString::fromStdString(label + ": jinja2 raises (" + ref["error"].get<std::string>() + ") but we rendered");
          } else {
            ++expected_errors;
          }
        } else if (!error.empty()) {
          failures << QString::fromStdString(label + ": we raise: " + error);
        } else if (ours != ref["ok"].get<std::string>()) {
          failures << QString::fromStdString(label + ": " + first_difference(ours, ref["ok"]));
        }
      }
    }
    qInfo("%d template × conversation cases, %d of them errors in jinja2 that we also raise, %d failures",
          cases, expected_errors, static_cast<int>(failures.size()));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join("\n")));
    QVERIFY(cases >= 15 * 16);
  }

  // sikao-cli template on the same inputs (skipping conversations whose output depends on the
  // wall clock: the CLI's strftime_now() reads the real date).
  void cli_reproduces_jinja2() {
    int runs = 0;
    QStringList failures;
    for (const auto& [path, per_conv] : reference_.items()) {
      const bool is_gguf = path.size() > 5 && path.substr(path.size() - 5) == ".gguf";
      // A template that reads the clock is compared only where the conversation's date_string
      // replaces the clock (Llama 3.x); gpt-oss reads strftime_now() unconditionally.
      const std::string source = is_gguf ? std::string() : read_file(path);
      const bool reads_clock = source.find("strftime_now") != std::string::npos;
      const bool takes_date_string = source.find("date_string") != std::string::npos;
      for (const auto& conv : conversations_["conversations"]) {
        const std::string name = conv["name"];
        if (name != "system_message" && name != "non_ascii" && name != "template_variables" && name != "multi_turn") continue;
        if (reads_clock && !(takes_date_string && conv.contains("variables") &&
                             conv["variables"].contains("date_string"))) {
          continue;
        }
        const auto& ref = per_conv.at(name);
        const QString msgs = tmp_.filePath(QString::fromStdString(name + ".json"));
        {
          std::ofstream f(msgs.toStdString(), std::ios::binary);
          f << conv["messages"].dump();
        }
        QStringList args = {"template", is_gguf ? "-m" : "--template", QString::fromStdString(path), "--messages", msgs};
        if (conv.value("add_generation_prompt", false)) args << "--add-generation-prompt";
        if (conv.contains("variables")) {
          for (const auto& [k, v] : conv["variables"].items()) args << "--var" << QString::fromStdString(k + "=" + v.dump());
        }
        if (!is_gguf) {
          args << "--var" << QString::fromStdString("bos_token=" + conversations_["bos_token"].dump());
          args << "--var" << QString::fromStdString("eos_token=" + conversations_["eos_token"].dump());
        }
        const auto r = sikao::test::run_cli(args);
        ++runs;
        const std::string label = fs::path(path).filename().string() + " × " + name;
        if (ref.contains("error")) {
          if (r.exit_code == 0) failures << QString::fromStdString(label + ": CLI rendered where jinja2 raises");
          else if (!r.err.contains(":")) failures << QString::fromStdString(label + ": CLI error has no location: ") + r.err;
        } else if (r.exit_code != 0) {
          failures << QString::fromStdString(label + ": CLI failed: ") + r.err;
        } else if (r.out.toStdString() != ref["ok"].get<std::string>()) {
          failures << QString::fromStdString(label + ": " + first_difference(r.out.toStdString(), ref["ok"]));
        }
      }
    }
    qInfo("%d sikao-cli template runs", runs);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join("\n")));
    QVERIFY(runs >= 40);
  }

  // The thinking switch reaches each family through the mechanism its template offers: the
  // variables Sikao sends for on / off / an effort are those of a conversation above, so what the
  // template renders with them is checked byte for byte against jinja2 there; here, that the
  // mechanism is the right one and changes the prompt.
  void thinking_choices_reach_each_template_through_its_own_mechanism() {
    using Kind = sikao::chat::ThinkingControl::Kind;
    const std::map<std::string, Kind> expected = {
        {"Qwen-Qwen3.jinja", Kind::Switch},          {"Qwen3.5-4B.jinja", Kind::Switch},
        {"Qwen-QwQ-32B.jinja", Kind::Switch},        {"HuggingFaceTB-SmolLM3-3B.jinja", Kind::Switch},
        {"deepseek-ai-DeepSeek-V3.1.jinja", Kind::Switch}, {"google-gemma-4-31B-it.jinja", Kind::Switch},
        {"openai-gpt-oss-120b.jinja", Kind::Effort},
        {"mistralai-Ministral-3-14B-Reasoning-2512.jinja", Kind::None},
        {"deepseek-ai-DeepSeek-R1-Distill-Qwen-32B.jinja", Kind::None}, {"ibm-granite-granite-4.0.jinja", Kind::None},
        {"meta-llama-Llama-3.3-70B-Instruct.jinja", Kind::None}, {"microsoft-Phi-3.5-mini-instruct.jinja", Kind::None},
    };
    // The conversation whose variables are exactly `vars`, and jinja2's rendering of it.
    const auto reference_for = [&](const std::string& path, const sikao::chat::jinja::Dict& vars) -> std::string {
      for (const auto& conv : conversations_["conversations"]) {
        if (!conv.contains("variables") || conv["variables"].size() != vars.size()) continue;
        bool match = true;
        for (const auto& [k, v] : vars) {
          const auto it = conv["variables"].find(k.as_string());
          match = match && it != conv["variables"].end() && it->dump() == v.to_json();
        }
        if (match) return reference_.at(path).at(conv["name"].get<std::string>()).at("ok");
      }
      throw std::runtime_error("no conversation sends these variables");
    };
    int checked = 0;
    for (const auto& e : fs::directory_iterator(sikao::test::shared_path("templates"))) {
      const std::string file = e.path().filename().string();
      const auto control = sikao::chat::thinking_control(read_file(e.path().string()));
      const auto it = expected.find(file);
      if (it != expected.end()) {
        QVERIFY2(control.kind == it->second, file.c_str());
        ++checked;
      }
      using Choice = sikao::chat::ThinkingChoice;
      std::vector<Choice> pair;
      if (control.kind == Kind::Switch) pair = {Choice{true, {}}, Choice{false, {}}};
      if (control.kind == Kind::Effort) pair = {Choice{{}, "low"}, Choice{{}, "high"}};
      if (pair.empty()) {
        QVERIFY(sikao::chat::thinking_variables(control, Choice{false, "high"}).empty());
        continue;
      }
      const std::string a = reference_for(e.path().string(), sikao::chat::thinking_variables(control, pair[0]));
      const std::string b = reference_for(e.path().string(), sikao::chat::thinking_variables(control, pair[1]));
      QVERIFY2(a != b, qPrintable(QString::fromStdString(file + ": the choice does not change the prompt")));
      // A choice the template cannot carry sends nothing.
      QVERIFY(sikao::chat::thinking_variables(control, control.kind == Kind::Switch ? Choice{{}, "high"} : Choice{false, {}}).empty());
    }
    QCOMPARE(checked, static_cast<int>(expected.size()));
    const auto oss = sikao::chat::thinking_control(read_file(sikao::test::shared_path("templates/openai-gpt-oss-120b.jinja")));
    QCOMPARE(QString::fromStdString(oss.default_effort), QString("medium"));
    QVERIFY_THROWS_EXCEPTION(sikao::Error, sikao::chat::thinking_variables(oss, {{}, "extreme"}));
  }

  // Granite 3.2 switches thinking with a plain `thinking` variable (its template asks for "Here is
  // my thought process:" when it is true); a template that only says the word is not switched.
  void a_plain_thinking_variable_is_a_switch() {
    using Kind = sikao::chat::ThinkingControl::Kind;
    // Written here in the shape of Granite 3.2's template (not in ../shared).
    const std::string granite =
        "{%- if thinking %}<|start_of_role|>system<|end_of_role|>Think first. Respond in this format: "
        "Here is my thought process: ... Here is my response: ...<|end_of_text|>\n{%- endif %}"
        "{%- for m in messages %}<|start_of_role|>{{ m.role }}<|end_of_role|>{{ m.content }}<|end_of_text|>\n{%- endfor %}"
        "{%- if add_generation_prompt %}<|start_of_role|>assistant<|end_of_role|>{%- endif %}";
    const auto control = sikao::chat::thinking_control(granite);
    QVERIFY(control.kind == Kind::Switch);
    QCOMPARE(QString::fromStdString(control.variable), QString("thinking"));
    const auto t = sikao::chat::ChatTemplate::parse(granite, "granite-3.2.jinja");
    const Value messages = Value::from_json(R"([{"role": "user", "content": "What is 12 + 7?"}])", "test");
    sikao::chat::RenderOptions on;
    on.add_generation_prompt = true;
    on.extra_variables = sikao::chat::thinking_variables(control, {true, {}});
    sikao::chat::RenderOptions off = on;
    off.extra_variables = sikao::chat::thinking_variables(control, {false, {}});
    QVERIFY(t.render(messages, on).find("Here is my thought process:") != std::string::npos);
    QVERIFY(t.render(messages, off).find("Here is my thought process:") == std::string::npos);
    QVERIFY(sikao::chat::thinking_control("{# the model is thinking #}{{ messages[0].thinking }}").kind == Kind::None);
  }

  void cli_template_explains_the_thinking_mechanism() {
    QTemporaryDir dir;
    const QString msgs = dir.filePath("m.json");
    {
      std::ofstream f(msgs.toStdString(), std::ios::binary);
      f << R"([{"role": "user", "content": "Hi"}])";
    }
    const QString oss = QString::fromStdString(sikao::test::shared_path("templates/openai-gpt-oss-120b.jinja"));
    auto r = sikao::test::run_cli({"template", "--template", oss, "--messages", msgs, "--add-generation-prompt",
                                   "--effort", "high", "--explain"});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.err.contains("reasoning_effort = \"high\""), qPrintable(r.err));
    QVERIFY(r.out.contains("Reasoning: high"));
    r = sikao::test::run_cli({"template", "--template", oss, "--messages", msgs, "--effort", "extreme"});
    QVERIFY(r.exit_code != 0);
    QVERIFY2(r.err.contains("low, medium, high"), qPrintable(r.err));
    const QString qwen = QString::fromStdString(sikao::test::shared_path("templates/Qwen3.5-4B.jinja"));
    r = sikao::test::run_cli({"template", "--template", qwen, "--messages", msgs, "--add-generation-prompt",
                              "--think", "off", "--explain"});
    QCOMPARE(r.exit_code, 0);
    QVERIFY2(r.err.contains("enable_thinking = false"), qPrintable(r.err));
    QVERIFY(r.out.endsWith("<think>\n\n</think>\n\n"));
  }

  void malformed_templates_report_the_line() {
    std::string nested_ifs;
    for (int i = 0; i < 3000; ++i) nested_ifs += "{% if x %}";
    struct Case {
      std::string source;
      int line;
      const char* says;
      sikao::ErrorCode code;
    };
    const Case cases[] = {
        {"ok\n{% if x %}\nnever closed", 2, "never closed", sikao::ErrorCode::InvalidFile},
        {"{% for m in messages %}\n{{ m }}\n{% endif %}", 3, "endif", sikao::ErrorCode::InvalidFile},
        {"a\nb\n{{ messages ", 3, "unclosed tag", sikao::ErrorCode::InvalidFile},
        {"{{ 1 + }}", 1, "unexpected", sikao::ErrorCode::InvalidFile},
        {"\n\n\n{{ x | no_such_filter }}", 4, "no filter named 'no_such_filter'", sikao::ErrorCode::InvalidFile},
        {"{{ x is no_such_test }}", 1, "no test named", sikao::ErrorCode::InvalidFile},
        {"{% endfor %}", 1, "endfor", sikao::ErrorCode::InvalidFile},
        {"{{ 'unterminated }}", 1, "unterminated string", sikao::ErrorCode::InvalidFile},
        {"{% for in messages %}{% endfor %}", 1, "expected 'in'", sikao::ErrorCode::InvalidFile},
        {"{% if %}{% endif %}", 1, "unexpected", sikao::ErrorCode::InvalidFile},
        {"{# comment", 1, "unclosed comment", sikao::ErrorCode::InvalidFile},
        {"{{ (1 + 2 }}", 1, "unexpected '}'", sikao::ErrorCode::InvalidFile},
        {"{% frobnicate %}", 1, "unknown statement 'frobnicate'", sikao::ErrorCode::InvalidFile},
        {"x\n{% include 'other.jinja' %}", 2, "not supported", sikao::ErrorCode::Unsupported},
        {"{% break %}", 1, "outside of a loop", sikao::ErrorCode::InvalidFile},
        {"{% set x = %}", 1, "unexpected", sikao::ErrorCode::InvalidFile},
        {"\n{{ " + std::string(5000, '(') + "1" + std::string(5000, ')') + " }}", 2, "nested more than", sikao::ErrorCode::InvalidFile},
        {nested_ifs, 1, "nested more than", sikao::ErrorCode::InvalidFile},
    };
    for (const auto& c : cases) {
      try {
        sikao::chat::ChatTemplate::parse(c.source, "bad.jinja");
        QFAIL(qPrintable(QString::fromStdString("parsed without error: " + c.source.substr(0, 80))));
      } catch (const sikao::Error& e) {
        const std::string msg = e.what();
        const std::string where = "bad.jinja:" + std::to_string(c.line) + ": ";
        QVERIFY2(msg.rfind(where, 0) == 0, qPrintable(QString::fromStdString("'" + c.source.substr(0, 80) + "' -> '" + msg + "' (wanted prefix " + where + ")")));
        QVERIFY2(msg.find(c.says) != std::string::npos, qPrintable(QString::fromStdString(msg)));
        QCOMPARE(e.code(), c.code);
      }
    }
  }

  void render_errors_report_the_line() {
    struct Case {
      const char* source;
      int line;
      const char* says;
    };
    const Case cases[] = {
        {"a\n{{ raise_exception('System role not supported') }}", 2, "System role not supported"},
        {"\n{{ nothing.attribute }}", 2, "'nothing' is undefined"},
        {"{% for m in messages %}\n\n{{ m.content + 1 }}{% endfor %}", 3, "concatenate"},
        {"{{ 'x' + none }}", 1, "concatenate"},
        {"{% for x in 5 %}{% endfor %}", 1, "not iterable"},
        {"{{ messages.append(1) }}", 1, "unsafe"},
        {"{% set ns = namespace(a=1) %}{% set m = 'str' %}\n{% set m.a = 2 %}", 2, "non-namespace"},
        {"{{ 1 // 0 }}", 1, "ZeroDivisionError"},
        {"{{ none | tojson(ensure_ascii=false) }}{{ undefined_name | tojson }}", 1, "not JSON serializable"},
        {"{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(0) }}", 1, "unbounded recursion"},
        {"{% set r = range(100000) %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}", 1, "loop iterations"},
        {"{{ messages | map(attribute='role') | tojson }}", 1, "generator is not JSON serializable"},
    };
    const Value messages = Value::from_json(R"([{"role": "user", "content": "hi"}])", "test");
    for (const auto& c : cases) {
      const auto t = sikao::chat::ChatTemplate::parse(c.source, "run.jinja");
      try {
        t.render(messages, {});
        QFAIL(qPrintable(QString("rendered without error: ") + c.source));
      } catch (const sikao::Error& e) {
        const std::string msg = e.what();
        const std::string where = "run.jinja:" + std::to_string(c.line) + ": ";
        QVERIFY2(msg.rfind(where, 0) == 0, qPrintable(QString::fromStdString("'" + std::string(c.source) + "' -> '" + msg + "' (wanted prefix " + where + ")")));
        QVERIFY2(msg.find(c.says) != std::string::npos, qPrintable(QString::fromStdString(msg)));
        QCOMPARE(e.code(), sikao::ErrorCode::InvalidArgument);
      }
    }
  }

  // A hostile tokenizer.chat_template (issue 14): overflowing arithmetic and templates that would
  // build gigabytes or run for minutes end in a clear render error, each within a fraction of a
  // second, instead of a signal, a silently wrong number or the process's memory limit.
  void hostile_templates_fail_cleanly_within_budget() {
    std::string many_additions = "{% for i in range(100000) %}{% if i";
    for (int k = 0; k < 100; ++k) many_additions += " + i";
    many_additions += " < 0 %}{% endif %}{% endfor %}";
    struct Case {
      std::string source;
      const char* says;
    };
    const Case cases[] = {
        {"{{ (-9223372036854775807 - 1) // -1 }}", "integer overflow"},
        {"{{ 9223372036854775807 + 1 }}", "integer overflow"},
        {"{{ (-9223372036854775807 - 1) - 1 }}", "integer overflow"},
        {"{{ 4611686018427387904 * 2 }}", "integer overflow"},
        {"{{ 2 ** 64 }}", "integer overflow"},
        {"{{ 3 ** 9223372036854775807 }}", "integer overflow"},
        {"{{ -(-9223372036854775807 - 1) }}", "integer overflow"},
        {"{{ (-9223372036854775807 - 1) | abs }}", "integer overflow"},
        {"{{ [1, 2] | sum(start=9223372036854775807) }}", "integer overflow"},
        {"{{ 1e300 | int }}", "integer overflow"},
        {"{{ '1e19' | int }}", "integer overflow"},
        {"{{ range(1e300) }}", "integer overflow"},
        {"{{ range(-9223372036854775807, 9223372036854775807, 1) | length }}", "range budget"},
        {"{{ range(9223372036854775807, -9223372036854775807 - 1, -1) | list }}", "range budget"},
        {"{{ 'x' * 1000000000 }}", "allocation budget"},
        {"{{ ([1] * 1000000000) | length }}", "allocation budget"},
        {"{{ [1] * 1e9 }}", "unsupported operand"},
        {"{% set ns = namespace(s='x') %}{% for i in range(100) %}{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s | length }}",
         "allocation budget"},
        {"{% set ns = namespace(l=[1]) %}{% for i in range(100) %}{% set ns.l = ns.l + ns.l %}{% endfor %}{{ ns.l | length }}",
         "allocation budget"},
        {"{% set s = 'x' * 1000000 %}{{ ([s] * 1000) | join }}", "allocation budget"},
        {"{% set s = 'x' * 1000000 %}{{ ','.join([s] * 1000) }}", "allocation budget"},
        {"{% set s = 'x' * 1000000 %}{{ [s] * 1000 }}", "allocation budget"},
        {"{% set s = 'x' * 1000000 %}{{ ([s] * 1000) | tojson }}", "allocation budget"},
        {"{{ ([1] * 10000) | tojson(indent=100000) }}", "allocation budget"},
        {"{{ ('x' * 10000) | replace('', 'y' * 10000) }}", "allocation budget"},
        {"{{ 'ab' | indent(1000000000, true) }}", "allocation budget"},
        {"{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}", "output budget"},
        {many_additions, "step budget"},
        {"{% set ns = namespace(x=[]) %}{% set r = range(1000) %}{% for i in r %}{% for j in r %}{% set ns.x = [ns.x] %}"
         "{% endfor %}{% endfor %}",
         "nesting budget"},
        {"{% set ns = namespace(x={}) %}{% for i in range(100000) %}{% set ns.x = {'a': ns.x} %}{% endfor %}", "nesting budget"},
        {"{% set a = [1] * 100000 %}{% set b = a + [] %}{{ [a] * 100000 == [b] * 100000 }}", "step budget"},
        {"{% set a = [1] * 100000 %}{% set b = a + [] %}{{ ([a] * 100000) in [[b] * 100000] }}", "step budget"},
        {"{% set l = range(100000) | list %}{% for i in range(100000) %}{% if -1 in l %}{% endif %}{% endfor %}", "step budget"},
        {"{% set l = range(100000) | list %}{% for i in range(100000) %}{{ l | select('odd') | first }}{% endfor %}", "budget exceeded"},
        {"{% set l = range(100000) | list %}{% for i in range(100000) %}{{ l.index(99999) }}{% endfor %}", "step budget"},
        {"{% set s = 'x' * 30000000 %}{% for i in range(100000) %}{% if 'y' in s %}{% endif %}{% endfor %}", "step budget"},
        {"{% set s = 'x' * 30000000 %}{% for i in range(100000) %}{{ s[-1] }}{% endfor %}", "step budget"},
        {"{% set s = 'x' * 30000000 %}{% for i in range(100000) %}{{ s.find('y') }}{% endfor %}", "step budget"},
        {"{% set s = 'x' * 20000000 %}{% for i in range(100000) %}{% if s == s ~ '' %}{% endif %}{% endfor %}", "budget"},
        {"{% set l = range(100000) | list %}{{ (l + l) | unique | length }}", "step budget"},
        {"{% set l = range(100000) | list %}{% set f = l.index %}{% for i in range(100000) %}{{ f(99999) }}{% endfor %}", "step budget"},
        {"{{ {[1]: 2} }}", "unhashable type: 'list'"},
        {"{% set ns = namespace(d={'a': 1}) %}{% for i in range(100) %}{% set ns.d = dict(ns.d, ns.d) %}{% endfor %}",
         "allocation budget"},
        {"{% set h = namespace(n=none) %}{% for i in range(100000) %}{% set h.n = namespace(x=h.n) %}{% endfor %}",
         "cannot assign a namespace"},
    };
    const Value messages = Value::from_json(R"([{"role": "user", "content": "hi"}])", "test");
    for (const auto& c : cases) {
      const auto t = sikao::chat::ChatTemplate::parse(c.source, "hostile.jinja");
      // CPU time of this thread, so that other work on a loaded machine does not count.
      const auto cpu_ms = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return ts.tv_sec * 1000 + ts.tv_nsec / 1'000'000;
      };
      const auto start_ms = cpu_ms();
      try {
        t.render(messages, {});
        QFAIL(qPrintable(QString::fromStdString("rendered without error: " + c.source)));
      } catch (const sikao::Error& e) {
        const std::string msg = e.what();
        QVERIFY2(msg.find(c.says) != std::string::npos, qPrintable(QString::fromStdString(c.source + " -> " + msg)));
        QVERIFY2(msg.rfind("hostile.jinja:1: ", 0) == 0, qPrintable(QString::fromStdString(msg)));
        QCOMPARE(e.code(), sikao::ErrorCode::InvalidArgument);
      }
      const auto used_ms = cpu_ms() - start_ms;
      QVERIFY2(used_ms < 500 * sikao::test::k_time_bar_factor, qPrintable(QString::fromStdString(c.source + " took " + std::to_string(used_ms) + " ms of CPU")));
    }
  }

  // Checked arithmetic refuses only what does not fit in 64 bits; these match Python exactly.
  void integer_arithmetic_near_the_limits_is_exact() {
    const std::pair<const char*, const char*> cases[] = {
        {"{{ 9223372036854775806 + 1 }}", "9223372036854775807"},
        {"{{ -9223372036854775807 - 1 }}", "-9223372036854775808"},
        {"{{ (-9223372036854775807 - 1) % -1 }}", "0"},
        {"{{ (-9223372036854775807 - 1) // 1 }}", "-9223372036854775808"},
        {"{{ (-9223372036854775807 - 1) is divisibleby(-1) }}", "True"},
        {"{{ 3037000499 * 3037000499 }}", "9223372030926249001"},
        {"{{ 2 ** 62 }}", "4611686018427387904"},
        {"{{ (-2) ** 63 }}", "-9223372036854775808"},
        {"{{ 1 ** 9223372036854775807 }} {{ (-1) ** 9223372036854775807 }} {{ 0 ** 0 }}", "1 -1 1"},
        {"{{ (-7) // 2 }} {{ (-7) % 3 }} {{ 7 % (-3) }} {{ 7 // (-3) }}", "-4 2 -2 -3"},
        {"{{ (-9223372036854775807) | abs }}", "9223372036854775807"},
        {"{{ range(0, 9223372036854775807, 4611686018427387904) | list }}", "[0, 4611686018427387904]"},
        {"{{ range(9223372036854775800, 9223372036854775807, 3) | list }}",
         "[9223372036854775800, 9223372036854775803, 9223372036854775806]"},
        {"{{ range(-9223372036854775807 - 1, -9223372036854775807 + 3, 2) | list }}",
         "[-9223372036854775808, -9223372036854775806]"},
        {"{{ range(5, 0, -2) | list }} {{ range(100000) | length }}", "[5, 3, 1] 100000"},
        {"{{ 9.2e18 | int }} {{ (-9223372036854775808.0) | int }} {{ 'nan' | float | int }} {{ '42.7' | int }}",
         "9200000000000000000 -9223372036854775808 0 42"},
        {"{{ 'ab' * 3 }} {{ [1] * 2 }} {{ 2 * 'c' }} {{ 'x' * -1 }}", "ababab [1, 1] cc "},
        // An attribute path's index past int64 finds nothing (it threw out of the render).
        {"{{ [[7, 8]] | map(attribute='1') | list }} {{ [[7, 8]] | map(attribute='99999999999999999999') | select | list }}",
         "[8] []"},
    };
    const Value messages = Value::from_json("[]", "test");
    for (const auto& [source, expected] : cases) {
      const auto t = sikao::chat::ChatTemplate::parse(source, "limits.jinja");
      QCOMPARE(QString::fromStdString(t.render(messages, {})), QString(expected));
    }
  }

  void cli_template_reports_integer_overflow_instead_of_crashing() {
    const QString tpl = tmp_.filePath("overflow.jinja");
    {
      std::ofstream f(tpl.toStdString());
      f << "{{ (-9223372036854775807 - 1) // -1 }}\n";
    }
    const QString msgs = tmp_.filePath("overflow_messages.json");
    {
      std::ofstream f(msgs.toStdString());
      f << R"([{"role": "user", "content": "hi"}])";
    }
    const auto r = sikao::test::run_cli({"template", "--template", tpl, "--messages", msgs});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("overflow.jinja:1: integer overflow"), qPrintable(r.err));
  }

  void cli_reports_malformed_template_with_line() {
    const QString bad = tmp_.filePath("bad.jinja");
    {
      std::ofstream f(bad.toStdString());
      f << "{% for m in messages %}\n{{ m.content | bogus }}\n{% endfor %}\n";
    }
    const QString msgs = tmp_.filePath("m.json");
    {
      std::ofstream f(msgs.toStdString());
      f << R"([{"role": "user", "content": "hi"}])";
    }
    const auto r = sikao::test::run_cli({"template", "--template", bad, "--messages", msgs});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("bad.jinja:2: no filter named 'bogus'"), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    const auto missing = sikao::test::run_cli({"template", "--messages", msgs});
    QCOMPARE(missing.exit_code, 1);
    QVERIFY2(missing.err.contains("--template"), qPrintable(missing.err));
  }

  void fallback_format_is_chosen_from_metadata_with_a_warning() {
    const Value messages = Value::from_json(R"([{"role": "user", "content": "Hi"}])", "test");
    sikao::chat::RenderOptions opt;
    opt.add_generation_prompt = true;

    sikao::chat::ModelChatInfo broken;
    broken.chat_template = "{% if messages %}<｜Assistant｜>";  // never closed
    broken.bos_token = "<｜begin▁of▁sentence｜>";
    const auto r = sikao::chat::PromptFormatter(broken).render(messages, opt);
    QCOMPARE(QString::fromStdString(r.format), QString("deepseek-r1"));
    QVERIFY2(r.warning.find("tokenizer.chat_template:1:") != std::string::npos, r.warning.c_str());
    QCOMPARE(QString::fromStdString(r.text), QString::fromUtf8("<｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>\n"));

    sikao::chat::ModelChatInfo qwen;
    qwen.architecture = "qwen2";
    const auto q = sikao::chat::PromptFormatter(qwen).render(messages, opt);
    QCOMPARE(QString::fromStdString(q.format), QString("chatml"));
    QVERIFY(!q.warning.empty());
    QCOMPARE(QString::fromStdString(q.text), QString("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"));

    sikao::chat::ModelChatInfo llama;
    llama.pre_tokenizer = "llama-bpe";
    llama.bos_token = "<|begin_of_text|>";
    const auto l = sikao::chat::PromptFormatter(llama).render(messages, opt);
    QCOMPARE(QString::fromStdString(l.format), QString("llama3"));
    QCOMPARE(QString::fromStdString(l.text),
             QString("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"));

    // A template that raises on this conversation (Gemma rejects a system turn) also falls back.
    sikao::chat::ModelChatInfo gemma;
    gemma.chat_template = read_file(sikao::test::shared_path("templates/google-gemma-2-2b-it.jinja"));
    const Value with_system = Value::from_json(R"([{"role": "system", "content": "S"}, {"role": "user", "content": "Hi"}])", "test");
    const auto g = sikao::chat::PromptFormatter(gemma).render(with_system, opt);
    QCOMPARE(QString::fromStdString(g.format), QString("gemma"));
    QVERIFY2(g.warning.find("System role not supported") != std::string::npos, g.warning.c_str());

    // So does one that runs over a render budget, with a warning naming the budget.
    sikao::chat::ModelChatInfo hostile;
    hostile.architecture = "qwen2";
    hostile.chat_template = "{% for m in messages %}{{ m.content }}{% endfor %}{{ 'x' * 1000000000 }}";
    const auto h = sikao::chat::PromptFormatter(hostile).render(messages, opt);
    QCOMPARE(QString::fromStdString(h.format), QString("chatml"));
    QVERIFY2(h.warning.find("allocation budget") != std::string::npos, h.warning.c_str());
    QCOMPARE(QString::fromStdString(h.text), QString("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"));

    // A working template is used as is.
    sikao::chat::ModelChatInfo good;
    good.chat_template = "{{ messages[0].content }}";
    const auto ok = sikao::chat::PromptFormatter(good).render(messages, opt);
    QCOMPARE(QString::fromStdString(ok.format), QString("template"));
    QVERIFY(ok.warning.empty());
    QCOMPARE(QString::fromStdString(ok.text), QString("Hi"));

    // Every built-in format parses and renders a conversation.
    for (const auto& f : sikao::chat::builtin_formats()) {
      const auto t = sikao::chat::ChatTemplate::parse(f.source, std::string(f.name));
      QVERIFY(!t.render(messages, opt).empty());
    }
    QVERIFY_THROWS_EXCEPTION(sikao::Error, sikao::chat::builtin_format("no-such-format"));
  }

  void previous_reasoning_is_passed_the_way_the_template_expects() {
    const sikao::chat::StoredMessage turns[] = {
        {"user", "Q1", ""}, {"assistant", "A1", "thinking about Q1"}, {"user", "Q2", ""}};
    sikao::chat::RenderOptions opt;
    opt.add_generation_prompt = true;
    const auto render_with = [&](const std::string& file) {
      const std::string source = read_file(sikao::test::shared_path("templates/" + file));
      const auto msgs = sikao::chat::messages_for_template(turns, source);
      return sikao::chat::ChatTemplate::parse(source, file).render(msgs, opt);
    };
    // Qwen3 reads reasoning_content; an earlier turn's reasoning is dropped by the template.
    const std::string qwen = render_with("Qwen-Qwen3.jinja");
    QVERIFY(qwen.find("<|im_start|>assistant\nA1<|im_end|>") != std::string::npos);
    QVERIFY(qwen.find("thinking about Q1") == std::string::npos);
    // DeepSeek-R1 strips "…</think>" from the content itself.
    const std::string ds = render_with("deepseek-ai-DeepSeek-R1-Distill-Qwen-32B.jinja");
    QVERIFY2(ds.find("<｜Assistant｜>\n\nA1<｜end▁of▁sentence｜>") != std::string::npos, ds.c_str());
    QVERIFY(ds.find("thinking about Q1") == std::string::npos);
    // A template that knows nothing of reasoning never sees it.
    const std::string llama = render_with("meta-llama-Llama-3.1-8B-Instruct.jinja");
    QVERIFY(llama.find("A1<|eot_id|>") != std::string::npos);
    QVERIFY(llama.find("thinking about Q1") == std::string::npos);
  }
};

QTEST_APPLESS_MAIN(TestChatTemplate)
#include "tst_chat_template.moc"
