// Tokenizer tests: llama.cpp's tokenizer vectors (ggml-vocab-*.gguf.inp/.out in ../shared/vocab,
// produced by the models' own Hugging Face tokenizers), round trips, streaming detokenisation,
// the special-token safety rule, and malformed vocabularies.

#include <QtTest>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "common/error.h"
#include "support/test_support.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/utf8.h"

using namespace sikao::tokenizer;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct VectorCase {
  std::string text;
  std::vector<TokenId> ids;
};

// llama.cpp's format: inputs separated by "\n__ggml_vocab_test__\n" (the file ends with one),
// outputs one line of space-separated ids per input.
std::vector<VectorCase> read_vectors(const std::string& base) {
  const std::string inp = read_file(base + ".inp");
  const std::string sep = "\n__ggml_vocab_test__\n";
  std::vector<std::string> inputs;
  for (size_t pos = 0; pos < inp.size();) {
    const size_t next = inp.find(sep, pos);
    if (next == std::string::npos) {
      inputs.push_back(inp.substr(pos));
      break;
    }
    inputs.push_back(inp.substr(pos, next - pos));
    pos = next + sep.size();
  }
  std::ifstream out(base + ".out");
  std::vector<VectorCase> cases;
  std::string line;
  for (size_t i = 0; std::getline(out, line); ++i) {
    VectorCase c;
    c.text = i < inputs.size() ? inputs[i] : std::string();
    std::istringstream ids(line);
    for (TokenId id; ids >> id;) c.ids.push_back(id);
    cases.push_back(std::move(c));
  }
  if (cases.size() != inputs.size()) cases.clear();
  return cases;
}

QString ids_to_string(const std::vector<TokenId>& ids) {
  QStringList parts;
  for (const TokenId id : ids) parts << QString::number(id);
  return parts.join(' ');
}

// Vocabularies are expensive to build (150k merges); each is built once per test run.
const Tokenizer& cached(const std::string& key, const std::function<Vocabulary()>& load) {
  static std::map<std::string, std::unique_ptr<Tokenizer>> cache;
  auto& slot = cache[key];
  if (!slot) slot = std::make_unique<Tokenizer>(load(), key);
  return *slot;
}

const Tokenizer& qwen3() {
  return cached("qwen3", [] {
    return from_hf_tokenizer_json(sikao::test::shared_path("vocab/qwen3-tokenizer/tokenizer.json"),
                                  "qwen2");
  });
}

const Tokenizer& smollm2() {
  return cached("smollm2", [] {
    return from_hf_tokenizer_json(
        sikao::test::shared_path("vocab/smollm2-tokenizer/tokenizer.json"), "smollm");
  });
}

Vocabulary tiny_bpe() {
  Vocabulary v;
  v.model = VocabModel::Bpe;
  v.pre = "gpt-2";
  for (int b = 0; b < 256; ++b) {
    std::string t;
    utf8::append(t, utf8::byte_to_code_point(static_cast<unsigned char>(b)));
    v.tokens.push_back(t);
  }
  v.tokens.push_back("ab");
  v.merges.push_back("a b");
  v.tokens.push_back("<|im_start|>");
  v.types.assign(v.tokens.size(), TokenType::Normal);
  v.types.back() = TokenType::Control;
  return v;
}

} // namespace

class TokenizerTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { SIKAO_REQUIRE_SHARED(); }

  void matches_llama_cpp_vectors_data() {
    QTest::addColumn<QString>("pair");
    QTest::addColumn<QString>("vocab");
    QTest::newRow("qwen2") << "qwen2" << "qwen3-json";
    QTest::newRow("deepseek-r1-qwen") << "deepseek-r1-qwen" << "qwen3-json";
    QTest::newRow("smollm") << "smollm" << "smollm2-json";
  }

  void matches_llama_cpp_vectors() {
    QFETCH(QString, pair);
    QFETCH(QString, vocab);
    const Tokenizer& tok = vocab == "qwen3-json" ? qwen3() : smollm2();
    const auto cases =
        read_vectors(sikao::test::shared_path("vocab/ggml-vocab-" + pair.toStdString() + ".gguf"));
    QVERIFY2(cases.size() > 40, "vector files missing or inconsistent");
    int failures = 0;
    for (const auto& c : cases) {
      const auto ids = tok.encode(c.text, /*add_special=*/false, /*parse_special=*/false);
      if (ids != c.ids) {
        ++failures;
        qWarning().noquote() << "input" << QString::fromStdString(c.text).toHtmlEscaped()
                             << "\n  expected" << ids_to_string(c.ids) << "\n  got     "
                             << ids_to_string(ids);
      }
    }
    QCOMPARE(failures, 0);
  }
};

QTEST_APPLESS_MAIN(TokenizerTest)
#include "tst_tokenizer.moc"
