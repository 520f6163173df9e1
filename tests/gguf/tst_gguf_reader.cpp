// GgufFile against files written by the test's own GGUF writer (every value type, tensor table,
// alignment, versions), the malformed corpus (every case and truncation at every byte), and the
// real files in ../shared.

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <functional>

#include "common/error.h"
#include "gguf/gguf.h"
#include "gguf/malformed_corpus.h"
#include "gguf/model_summary.h"
#include "gguf/types.h"
#include "support/test_support.h"

using namespace sikao::test::gguf;
using sikao::Error;
using sikao::ErrorCode;
using sikao::gguf::GgufFile;
using sikao::gguf::TensorType;

namespace {

std::string write_file(const QTemporaryDir& dir, const std::string& name, const std::string& bytes) {
  const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

// Opens `bytes` as a file and returns the error message (empty when it opened).
std::string open_error(const QTemporaryDir& dir, const std::string& name, const std::string& bytes,
                       ErrorCode* code = nullptr) {
  const std::string path = write_file(dir, name, bytes);
  try {
    GgufFile::open(path);
  } catch (const Error& e) {
    if (code) *code = e.code();
    return e.what();
  }
  return {};
}

// Runs `fn`, which must throw InvalidFile with `needle` in the message; returns the failure, if any.
template <typename Fn>
std::string invalid_file_failure(Fn&& fn, const std::string& needle) {
  try {
    fn();
  } catch (const Error& e) {
    if (e.code() != ErrorCode::InvalidFile) return std::string("wrong error code: ") + e.what();
    if (std::string(e.what()).find(needle) == std::string::npos) return std::string("wrong message: ") + e.what();
    return {};
  }
  return "no error, expected: " + needle;
}

bool contains_any(const std::string& text, const std::vector<std::string>& needles) {
  for (const auto& n : needles)
    if (text.find(n) != std::string::npos) return true;
  return false;
}

} // namespace

class TestGgufReader : public QObject {
  Q_OBJECT

 private slots:
  void type_table_matches_ggml_block_layouts() {
    // Block sizes from the ggml format definitions, written out independently of types.cpp.
    struct Row { uint32_t id; const char* name; uint32_t block; uint32_t bytes; bool gpu; };
    const Row rows[] = {{0, "F32", 1, 4, true},       {1, "F16", 1, 2, true},       {2, "Q4_0", 32, 2 + 16, true},
                        {3, "Q4_1", 32, 4 + 16, true}, {6, "Q5_0", 32, 2 + 4 + 16, true},
                        {7, "Q5_1", 32, 4 + 4 + 16, true}, {8, "Q8_0", 32, 2 + 32, true},
                        {10, "Q2_K", 256, 16 + 64 + 4, true}, {11, "Q3_K", 256, 32 + 64 + 12 + 2, true},
                        {12, "Q4_K", 256, 4 + 12 + 128, true}, {13, "Q5_K", 256, 4 + 12 + 32 + 128, true},
                        {14, "Q6_K", 256, 128 + 64 + 16 + 2, true}, {15, "Q8_K", 256, 4 + 256 + 32, false},
                        {30, "BF16", 1, 2, true},     {20, "IQ4_NL", 32, 18, false}, {16, "IQ2_XXS", 256, 66, false},
                        {39, "MXFP4", 32, 1 + 16, true}};
    for (const Row& r : rows) {
      const auto t = sikao::gguf::tensor_type_from_id(r.id);
      QVERIFY2(t.has_value(), r.name);
      const auto& tr = sikao::gguf::traits(*t);
      QCOMPARE(std::string(tr.name), std::string(r.name));
      QCOMPARE(tr.block_size, r.block);
      QCOMPARE(tr.block_bytes, r.bytes);
      QCOMPARE(tr.gpu_supported, r.gpu);
      QCOMPARE(sikao::gguf::tensor_type_from_name(r.name), t);
    }
    QVERIFY(!sikao::gguf::tensor_type_from_id(4).has_value());
    QVERIFY(!sikao::gguf::tensor_type_from_id(31).has_value());
    QVERIFY(!sikao::gguf::tensor_type_from_id(1000).has_value());
    for (TensorType t : sikao::gguf::all_tensor_types()) QVERIFY(sikao::gguf::traits(t).block_bytes > 0);
    QCOMPARE(sikao::gguf::row_bytes(TensorType::Q4_K, 4096), uint64_t{16 * 144});
    QVERIFY_THROWS_EXCEPTION(Error, sikao::gguf::row_bytes(TensorType::Q4_K, 100));
  }

  void reads_every_metadata_value_type() {
    QTemporaryDir dir;
    Builder b;
    b.kvs.push_back(kv_scalar("u8", U8, uint8_t{200}));
    b.kvs.push_back(kv_scalar("i8", I8, int8_t{-100}));
    b.kvs.push_back(kv_scalar("u16", U16, uint16_t{60000}));
    b.kvs.push_back(kv_scalar("i16", I16, int16_t{-30000}));
    b.kvs.push_back(kv_scalar("u32", U32, uint32_t{4000000000u}));
    b.kvs.push_back(kv_scalar("i32", I32, int32_t{-2000000000}));
    b.kvs.push_back(kv_scalar("u64", U64, uint64_t{1} << 63));
    b.kvs.push_back(kv_scalar("i64", I64, int64_t{-(int64_t{1} << 62)}));
    b.kvs.push_back(kv_scalar("f32", F32, 0.1f));
    b.kvs.push_back(kv_scalar("f64", F64, 0.1));
    b.kvs.push_back(kv_scalar("yes", BOOL, uint8_t{1}));
    b.kvs.push_back(kv_scalar("no", BOOL, uint8_t{0}));
    b.kvs.push_back(kv_string("s", std::string("caf\xc3\xa9\0x", 7)));
    b.kvs.push_back(kv_string("empty", ""));
    b.kvs.push_back(kv_string_array("strs", {"a", "", "ccc"}));
    b.kvs.push_back(kv_scalar_array<float>("floats", F32, {1.5f, -2.0f}));
    b.kvs.push_back(kv_scalar_array<double>("doubles", F64, {0.25}));
    b.kvs.push_back(kv_scalar_array<int32_t>("ints", I32, {-1, 7, 2147483647}));
    b.kvs.push_back(kv_scalar_array<uint8_t>("bytes", U8, {1, 2, 255}));
    b.kvs.push_back(kv_scalar_array<uint64_t>("bigs", U64, {uint64_t{1} << 40}));
    b.kvs.push_back(kv_scalar_array<int32_t>("none", I32, {}));
    Bytes nested;
    nested.u32(ARR).u64(2).u32(I32).u64(1).put(int32_t{5}).u32(STR).u64(2).str("p").str("q");
    b.kvs.push_back(kv_raw("nested", ARR, nested));
    const std::string path = write_file(dir, "all.gguf", b.build().bytes);
    const GgufFile f = GgufFile::open(path);

    QCOMPARE(f.version(), 3u);
    QCOMPARE(f.metadata().size(), b.kvs.size());
    const char* order[] = {"u8", "i8", "u16", "i16", "u32", "i32", "u64", "i64", "f32", "f64", "yes"};
    for (size_t i = 0; i < std::size(order); ++i) QCOMPARE(std::string(f.metadata()[i].key), std::string(order[i]));

    QCOMPARE(f.get_uint("u8"), std::optional<uint64_t>(200));
    QCOMPARE(f.get_int("i8"), std::optional<int64_t>(-100));
    QCOMPARE(f.get_uint("u16"), std::optional<uint64_t>(60000));
    QCOMPARE(f.get_int("i16"), std::optional<int64_t>(-30000));
    QCOMPARE(f.get_uint("u32"), std::optional<uint64_t>(4000000000u));
    QCOMPARE(f.get_int("i32"), std::optional<int64_t>(-2000000000));
    QCOMPARE(f.get_uint("u64"), std::optional<uint64_t>(uint64_t{1} << 63));
    QCOMPARE(f.get_int("i64"), std::optional<int64_t>(-(int64_t{1} << 62)));
    QCOMPARE(f.get_uint("i32_missing"), std::nullopt);
    QCOMPARE(f.get_int("u32"), std::optional<int64_t>(4000000000));
    QCOMPARE(*f.get_float("f32"), double(0.1f));
    QCOMPARE(*f.get_float("f64"), 0.1);
    QCOMPARE(*f.get_float("u8"), 200.0);
    QCOMPARE(f.get_bool("yes"), std::optional<bool>(true));
    QCOMPARE(f.get_bool("no"), std::optional<bool>(false));
    QCOMPARE(*f.get_string("s"), std::string("caf\xc3\xa9\0x", 7));
    QCOMPARE(*f.get_string("empty"), std::string());
    QCOMPARE(f.get_string_array("strs"), (std::vector<std::string>{"a", "", "ccc"}));
    QCOMPARE(f.get_float_array("floats"), (std::vector<float>{1.5f, -2.0f}));
    QCOMPARE(f.get_float_array("doubles"), (std::vector<float>{0.25f}));
    QCOMPARE(f.get_int_array("ints"), (std::vector<int32_t>{-1, 7, 2147483647}));
    QCOMPARE(f.get_int_array("bytes"), (std::vector<int32_t>{1, 2, 255}));
    QCOMPARE(f.get_int_array("none"), std::vector<int32_t>{});
    QCOMPARE(f.get_array_size("strs"), std::optional<uint64_t>(3));
    QVERIFY(f.get_string_array("missing").empty());

    const auto* nv = f.find("nested");
    QVERIFY(nv);
    const auto& outer = std::get<sikao::gguf::Array>(nv->data);
    QCOMPARE(outer.element_type, sikao::gguf::ValueType::Array);
    QCOMPARE(outer.size, uint64_t{2});
    const auto& inner0 = std::get<sikao::gguf::Array>(outer.arrays[0].data);
    QCOMPARE(inner0.element_type, sikao::gguf::ValueType::Int32);
    QCOMPARE(inner0.size, uint64_t{1});
    const auto& inner1 = std::get<sikao::gguf::Array>(outer.arrays[1].data);
    QCOMPARE(inner1.strings.size(), size_t{2});
    QCOMPARE(std::string(inner1.strings[1]), std::string("q"));
    QCOMPARE(sikao::gguf::format_value(*nv), std::string("[array × 2] [int32 × 1] 5, [string × 2] \"p\", \"q\""));
  }

  void typed_getters_reject_wrong_types() {
    QTemporaryDir dir;
    Builder b;
    b.kvs.push_back(kv_string("s", "x"));
    b.kvs.push_back(kv_scalar("neg", I32, int32_t{-1}));
    b.kvs.push_back(kv_scalar("huge", U64, ~uint64_t{0}));
    b.kvs.push_back(kv_scalar_array<int64_t>("wide", I64, {int64_t{1} << 40}));
    b.kvs.push_back(kv_scalar_array<float>("floats", F32, {1.0f}));
    const GgufFile f = GgufFile::open(write_file(dir, "types.gguf", b.build().bytes));
    const std::pair<std::function<void()>, std::string> checks[] = {
        {[&] { f.get_uint("s"); }, "metadata 's' is string, expected an unsigned integer"},
        {[&] { f.get_uint("neg"); }, "metadata 'neg' is -1, expected a non-negative integer"},
        {[&] { f.get_int("huge"); }, "too large"},
        {[&] { f.get_bool("s"); }, "expected a bool"},
        {[&] { f.get_float("s"); }, "expected a number"},
        {[&] { f.get_string("neg"); }, "expected a string"},
        {[&] { f.get_string_array("floats"); }, "is array of float32, expected an array of strings"},
        {[&] { f.get_float_array("wide"); }, "expected an array of floats"},
        {[&] { f.get_int_array("wide"); }, "outside the int32 range"},
        {[&] { f.get_int_array("s"); }, "expected an array of integers"},
    };
    for (const auto& [fn, needle] : checks) {
      const std::string failure = invalid_file_failure(fn, needle);
      QVERIFY2(failure.empty(), failure.c_str());
    }
  }

  void reads_tensor_table_and_tensor_bytes() {
    QTemporaryDir dir;
    Builder b;
    b.kvs.push_back(kv_string("general.architecture", "llama"));
    const std::vector<float> values{1.0f, -2.5f, 3.25f, 0.0f, 7.0f, 8.0f};
    b.tensors.push_back({"a", 0, {3, 2}, f32_bytes(values)});
    std::string q8(34 * 2 * 3, '\0');
    for (size_t i = 0; i < q8.size(); ++i) q8[i] = static_cast<char>(i * 7);
    b.tensors.push_back({"q", 8, {64, 3}, q8});
    b.tensors.push_back({"h", 1, {5}, std::string(10, '\x3c')});
    const Built built = b.build();
    const GgufFile f = GgufFile::open(write_file(dir, "t.gguf", built.bytes));
    QCOMPARE(f.tensors().size(), size_t{3});
    QCOMPARE(f.data_offset() % 32, uint64_t{0});
    const auto* a = f.find_tensor("a");
    QVERIFY(a);
    QCOMPARE(a->type, TensorType::F32);
    QCOMPARE(a->dims, (std::vector<uint64_t>{3, 2}));
    QCOMPARE(a->elements, uint64_t{6});
    QCOMPARE(a->bytes, uint64_t{24});
    QCOMPARE(a->offset, f.data_offset());
    const auto data = f.tensor_data(*a);
    std::vector<float> back(6);
    std::memcpy(back.data(), data.data(), 24);
    QCOMPARE(back, values);
    const auto* q = f.find_tensor("q");
    QVERIFY(q);
    QCOMPARE(q->type, TensorType::Q8_0);
    QCOMPARE(q->bytes, uint64_t{204});
    QCOMPARE(q->offset, f.data_offset() + 32);  // 24 bytes padded to 32
    QVERIFY(std::memcmp(f.tensor_data(*q).data(), q8.data(), q8.size()) == 0);
    const auto* h = f.find_tensor("h");
    QCOMPARE(h->offset, f.data_offset() + 32 + 224);
    QCOMPARE(h->offset + h->bytes, uint64_t{built.bytes.size()});
    QVERIFY(!f.find_tensor("missing"));
  }

  // A loaded model keeps the file only to read tensors; its metadata (a vocabulary's arrays)
  // goes.
  void tensors_read_after_the_metadata_is_dropped() {
    QTemporaryDir dir;
    Builder b;
    b.kvs.push_back(kv_string("general.architecture", "llama"));
    b.kvs.push_back(kv_string_array("tokenizer.ggml.tokens", {"a", "b", "c"}));
    const std::vector<float> values{1.0f, -2.5f, 3.25f};
    b.tensors.push_back({"a", 0, {3}, f32_bytes(values)});
    GgufFile f = GgufFile::open(write_file(dir, "t.gguf", b.build().bytes));
    QVERIFY(f.find("tokenizer.ggml.tokens"));
    f.drop_metadata();
    QVERIFY(f.metadata().empty());
    QVERIFY(!f.find("general.architecture"));
    QVERIFY(!f.get_string("general.architecture"));
    QVERIFY(f.get_string_array("tokenizer.ggml.tokens").empty());
    const auto* a = f.find_tensor("a");
    QVERIFY(a);
    std::vector<float> back(3);
    std::memcpy(back.data(), f.tensor_data(*a).data(), 12);
    QCOMPARE(back, values);
  }

  void reads_mxfp4_expert_stack_of_an_odd_byte_size() {
    // 3 experts × 3 rows × 32 weights: 9 blocks of 17 bytes = 153, so the next tensor starts
    // after 7 bytes of padding.
    QTemporaryDir dir;
    Builder b;
    b.kvs.push_back(kv_string("general.architecture", "qwen3moe"));
    std::string experts(153, '\0');
    for (size_t i = 0; i < experts.size(); ++i) experts[i] = static_cast<char>(i * 5 + 1);
    b.tensors.push_back({"blk.0.ffn_up_exps.weight", 39, {32, 3, 3}, experts});
    b.tensors.push_back({"after", 0, {2}, f32_bytes({1.0f, 2.0f})});
    const GgufFile f = GgufFile::open(write_file(dir, "mxfp4.gguf", b.build().bytes));
    const auto* e = f.find_tensor("blk.0.ffn_up_exps.weight");
    QVERIFY(e);
    QCOMPARE(e->type, TensorType::MXFP4);
    QCOMPARE(e->elements, uint64_t{288});
    QCOMPARE(e->bytes, uint64_t{153});
    QVERIFY(std::memcmp(f.tensor_data(*e).data(), experts.data(), experts.size()) == 0);
    QCOMPARE(f.find_tensor("after")->offset, e->offset + 160);
  }

  // A file that becomes shorter after it was opened (a download still running, a file being
  // replaced): reading a tensor past the new end is a clear error, not SIGBUS, and a tensor
  // still inside the file reads as before.
  void a_file_that_shrinks_after_open_is_an_error() {
    QTemporaryDir dir;
    Builder b;
    b.kvs.push_back(kv_string("general.architecture", "llama"));
    b.tensors.push_back({"first", 0, {8}, f32_bytes(std::vector<float>(8, 1.5f))});
    b.tensors.push_back({"last", 0, {4096}, f32_bytes(std::vector<float>(4096, 2.0f))});
    const Built built = b.build();
    const std::string path = write_file(dir, "shrinks.gguf", built.bytes);
    const GgufFile f = GgufFile::open(path);
    const auto* last = f.find_tensor("last");
    QVERIFY(last);
    QVERIFY(::truncate(path.c_str(), static_cast<off_t>(last->offset + 100)) == 0);
    try {
      (void)f.tensor_data(*last);
      QFAIL("read past the new end of the file");
    } catch (const sikao::Error& e) {
      QCOMPARE(e.code(), sikao::ErrorCode::Io);
      QVERIFY2(std::string(e.what()).find("changed while it was being read") != std::string::npos, e.what());
    }
    const auto first = f.tensor_data(*f.find_tensor("first"));
    float x = 0;
    std::memcpy(&x, first.data(), 4);
    QCOMPARE(x, 1.5f);
  }

  void honours_general_alignment_and_version_2() {
    QTemporaryDir dir;
    Builder b;
    b.version = 2;
    b.alignment = 64;
    b.kvs.push_back(kv_u32("general.alignment", 64));
    b.tensors.push_back({"a", 0, {3}, zeros(12)});
    b.tensors.push_back({"b", 0, {3}, f32_bytes({4.0f, 5.0f, 6.0f})});
    const GgufFile f = GgufFile::open(write_file(dir, "a64.gguf", b.build().bytes));
    QCOMPARE(f.version(), 2u);
    QCOMPARE(f.alignment(), uint64_t{64});
    QCOMPARE(f.data_offset() % 64, uint64_t{0});
    QCOMPARE(f.find_tensor("b")->offset, f.data_offset() + 64);
    float x;
    std::memcpy(&x, f.tensor_data(*f.find_tensor("b")).data() + 4, 4);
    QCOMPARE(x, 5.0f);

    // The same layout read with the default alignment 32 puts 'b' at a different place; a
    // reader that ignored general.alignment would read 0 here.
    Builder c = b;
    c.kvs.clear();
    c.alignment = 32;
    const GgufFile g = GgufFile::open(write_file(dir, "a32.gguf", c.build().bytes));
    QCOMPARE(g.alignment(), uint64_t{32});
    QCOMPARE(g.find_tensor("b")->offset, g.data_offset() + 32);
  }

  void opens_vocab_only_file_without_padding() {
    QTemporaryDir dir;
    Builder b;
    b.kvs.push_back(kv_string("tokenizer.ggml.model", "gpt2"));
    b.kvs.push_back(kv_string_array("tokenizer.ggml.tokens", {"a", "b"}));
    const std::string bytes = b.build().bytes;
    QVERIFY(bytes.size() % 32 != 0);
    const GgufFile f = GgufFile::open(write_file(dir, "vocab.gguf", bytes));
    QVERIFY(f.tensors().empty());
    const auto s = sikao::gguf::summarize(f);
    QCOMPARE(s.vocab_size, std::optional<uint64_t>(2));
    QCOMPARE(s.parameters, uint64_t{0});
    QVERIFY(!s.architecture);
  }

  void rejects_every_malformed_corpus_file() {
    QTemporaryDir dir;
    const uint64_t seed = sikao::test::fresh_seed();
    qInfo("seed %llu", static_cast<unsigned long long>(seed));
    for (const MalformedCase& c : malformed_corpus(seed)) {
      ErrorCode code = ErrorCode::Internal;
      const std::string msg = open_error(dir, c.name + ".gguf", c.bytes, &code);
      QVERIFY2(!msg.empty(), qPrintable(QString::fromStdString(c.name + ": opened without error")));
      QVERIFY2(code == ErrorCode::InvalidFile, qPrintable(QString::fromStdString(c.name + ": " + msg)));
      QVERIFY2(contains_any(msg, c.expect), qPrintable(QString::fromStdString(c.name + ": " + msg)));
      QVERIFY2(msg.find(c.name + ".gguf: ") != std::string::npos, msg.c_str());
      QVERIFY2(msg.find('\n') == std::string::npos, msg.c_str());
      if (c.name != "empty") QVERIFY2(msg.find("(at byte offset ") != std::string::npos, msg.c_str());
    }
  }

  void the_valid_corpus_model_opens() {
    // The corpus cases are mutations of this file; it must itself be accepted.
    QTemporaryDir dir;
    const Built built = valid_model().build();
    const GgufFile f = GgufFile::open(write_file(dir, "valid.gguf", built.bytes));
    QCOMPARE(f.tensors().size(), size_t{2});
    QCOMPARE(f.get_string_array("tokenizer.ggml.tokens").size(), size_t{3});
  }

  void rejects_truncation_at_every_byte() {
    QTemporaryDir dir;
    const std::string bytes = valid_model().build().bytes;
    for (size_t cut = 1; cut < bytes.size(); ++cut) {
      const std::string msg = open_error(dir, "cut.gguf", bytes.substr(0, cut));
      QVERIFY2(!msg.empty(), qPrintable(QString("truncated at %1 of %2 opened").arg(cut).arg(bytes.size())));
      QVERIFY2(contains_any(msg, {"truncated", "cannot fit", "past the end", "remain"}), msg.c_str());
    }
  }

  void rejects_missing_file_as_io_error() {
    try {
      GgufFile::open("/nonexistent/dir/model.gguf");
      QFAIL("opened a missing file");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::Io);
      QVERIFY(std::string(e.what()).find("/nonexistent/dir/model.gguf") != std::string::npos);
    }
  }

  void rejects_directory_and_fifo_without_blocking() {
    QTemporaryDir dir;
    const std::string fifo = dir.filePath("model.gguf").toStdString();
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    for (const std::string& path : {dir.path().toStdString(), fifo}) {
      try {
        GgufFile::open(path);
        QFAIL("opened something that is not a regular file");
      } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::Io);
        QVERIFY2(std::string(e.what()).find("not a regular file") != std::string::npos, e.what());
      }
    }
  }

  void stories260k_facts() {
    SIKAO_REQUIRE_SHARED();
    const GgufFile f = GgufFile::open(sikao::test::shared_path("models/stories260K/stories260K.gguf"));
    QCOMPARE(*f.get_string("general.architecture"), std::string("llama"));
    QCOMPARE(f.get_uint("llama.embedding_length"), std::optional<uint64_t>(64));
    QCOMPARE(f.get_uint("llama.attention.head_count"), std::optional<uint64_t>(8));
    QCOMPARE(f.get_uint("llama.feed_forward_length"), std::optional<uint64_t>(172));
    QCOMPARE(f.get_string_array("tokenizer.ggml.tokens").size(), size_t{512});
    QCOMPARE(f.get_float_array("tokenizer.ggml.scores").size(), size_t{512});
    const auto* emb = f.find_tensor("token_embd.weight");
    QVERIFY(emb);
    QCOMPARE(emb->type, TensorType::F32);
    QCOMPARE(emb->dims, (std::vector<uint64_t>{64, 512}));
    // Real weights: finite and not all zero.
    const auto data = f.tensor_data(*emb);
    double sum_sq = 0;
    for (size_t i = 0; i < emb->elements; ++i) {
      float x;
      std::memcpy(&x, data.data() + 4 * i, 4);
      QVERIFY(std::isfinite(x));
      sum_sq += double(x) * x;
    }
    QVERIFY(sum_sq > 1.0);
    uint64_t end = 0;
    for (const auto& t : f.tensors()) end = std::max(end, t.offset + t.bytes);
    QVERIFY(end <= f.file_size());
  }

  void reference_models_have_documented_tensor_types() {
    SIKAO_REQUIRE_SHARED();
    // ../shared/reference/README.md, "Tensor types read back".
    struct Expect { const char* file; uint64_t ftype; const char* embd; const char* v0; const char* v2; const char* out; };
    const Expect rows[] = {
        {"llama-spm-tiny-F16.gguf", 1, "F16", "F16", "F16", "F16"},
        {"llama-spm-tiny-Q4_0.gguf", 2, "Q4_0", "Q4_0", "Q4_0", "Q6_K"},
        {"llama-spm-tiny-Q4_K_M.gguf", 15, "Q4_K", "Q4_K", "Q6_K", "Q6_K"},
        {"llama-spm-tiny-Q8_0.gguf", 7, "Q8_0", "Q8_0", "Q8_0", "Q8_0"},
        {"qwen2-gpt2vocab-tiny-Q4_K_M.gguf", 15, "Q4_K", "Q4_K", "Q6_K", "Q6_K"},
        {"llama-spm-tiny-tied-Q8_0.gguf", 7, "Q8_0", "Q8_0", nullptr, nullptr},
    };
    for (const Expect& e : rows) {
      const GgufFile f = GgufFile::open(sikao::test::shared_path(std::string("reference/models/") + e.file));
      auto type_of = [&](const char* name) -> std::string {
        const auto* t = f.find_tensor(name);
        return t ? std::string(sikao::gguf::traits(t->type).name) : std::string("(missing)");
      };
      QCOMPARE(f.get_uint("general.file_type"), std::optional<uint64_t>(e.ftype));
      QCOMPARE(type_of("token_embd.weight"), std::string(e.embd));
      QCOMPARE(type_of("blk.0.attn_v.weight"), std::string(e.v0));
      if (e.v2) QCOMPARE(type_of("blk.2.attn_v.weight"), std::string(e.v2));
      QCOMPARE(type_of("output.weight"), std::string(e.out ? e.out : "(missing)"));
      QCOMPARE(type_of("output_norm.weight"), std::string("F32"));
      // token_embd is 256 × vocab; its byte size follows from the block layout.
      const auto* emb = f.find_tensor("token_embd.weight");
      const uint64_t vocab = *f.get_array_size("tokenizer.ggml.tokens");
      QCOMPARE(emb->dims, (std::vector<uint64_t>{256, vocab}));
      QCOMPARE(emb->bytes, sikao::gguf::row_bytes(emb->type, 256) * vocab);
    }
    const GgufFile qwen = GgufFile::open(sikao::test::shared_path("reference/models/qwen2-gpt2vocab-tiny-Q4_K_M.gguf"));
    QCOMPARE(*qwen.get_string("general.architecture"), std::string("qwen2"));
    QCOMPARE(sikao::gguf::traits(qwen.find_tensor("blk.0.attn_q.bias")->type).name, std::string_view("F32"));
    QCOMPARE(*qwen.get_float("qwen2.rope.freq_base"), 1000000.0);
  }

  void opens_every_shared_gguf() {
    SIKAO_REQUIRE_SHARED();
    int n = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(sikao::test::shared_dir())) {
      if (entry.path().extension() != ".gguf") continue;
      const GgufFile f = GgufFile::open(entry.path());
      const auto s = sikao::gguf::summarize(f);
      QVERIFY2(s.vocab_size.value_or(0) > 0, entry.path().c_str());
      QCOMPARE(f.get_string_array("tokenizer.ggml.tokens").size(), *s.vocab_size);
      ++n;
    }
    QVERIFY(n >= 19);
  }

  void opens_150k_token_vocabulary_fast() {
    // Qwen-sized vocabulary: 151,936 tokens, scores, types and merges, written by the test writer.
    QTemporaryDir dir;
    constexpr size_t n = 151936;
    std::vector<std::string> tokens(n), merges(n - 256);
    for (size_t i = 0; i < n; ++i) tokens[i] = "tok" + std::to_string(i * 2654435761u % 1000003);
    for (size_t i = 0; i < merges.size(); ++i) merges[i] = "a" + std::to_string(i) + " b";
    Builder b;
    b.kvs.push_back(kv_string("tokenizer.ggml.model", "gpt2"));
    b.kvs.push_back(kv_string_array("tokenizer.ggml.tokens", tokens));
    b.kvs.push_back(kv_scalar_array<float>("tokenizer.ggml.scores", F32, std::vector<float>(n, -1.0f)));
    b.kvs.push_back(kv_scalar_array<int32_t>("tokenizer.ggml.token_type", I32, std::vector<int32_t>(n, 1)));
    b.kvs.push_back(kv_string_array("tokenizer.ggml.merges", merges));
    const std::string path = write_file(dir, "vocab150k.gguf", b.build().bytes);
    QElapsedTimer timer;
    timer.start();
    const GgufFile f = GgufFile::open(path);
    const qint64 open_ms = timer.elapsed();
    const auto back = f.get_string_array("tokenizer.ggml.tokens");
    const auto scores = f.get_float_array("tokenizer.ggml.scores");
    const qint64 total_ms = timer.elapsed();
    qInfo("151936-token vocabulary: open %lld ms, open + tokens and scores copied out %lld ms", open_ms, total_ms);
    QCOMPARE(back, tokens);
    QCOMPARE(scores.size(), n);
    QCOMPARE(f.get_int_array("tokenizer.ggml.token_type").size(), n);
    QVERIFY2(total_ms < 2000 * sikao::test::k_time_bar_factor, "a 150k vocabulary took over two seconds");
  }

  void opens_gpt2_vocab_fast() {
    SIKAO_REQUIRE_SHARED();
    const std::string path = sikao::test::shared_path("vocab/ggml-vocab-gpt-2.gguf");
    QElapsedTimer timer;
    timer.start();
    const GgufFile f = GgufFile::open(path);
    const qint64 open_ms = timer.elapsed();
    const auto tokens = f.get_string_array("tokenizer.ggml.tokens");
    const qint64 total_ms = timer.elapsed();
    qInfo("ggml-vocab-gpt-2.gguf: open %lld ms, open + 50257 token strings copied %lld ms", open_ms, total_ms);
    QCOMPARE(tokens.size(), size_t{50257});
    QCOMPARE(tokens[0], std::string("!"));
    QCOMPARE(f.get_string_array("tokenizer.ggml.merges").size(), size_t{50000});
    QVERIFY2(total_ms < 1000 * sikao::test::k_time_bar_factor, "opening a 50k vocabulary took over a second");
  }
};

QTEST_APPLESS_MAIN(TestGgufReader)
#include "tst_gguf_reader.moc"
