// Split models (gguf/split.h): parts built byte by byte by the test's own writer, laid out as
// llama.cpp's gguf-split writes them, open as one model from any part; every way the parts can
// disagree is a clear error naming the part; write_split writes parts that read back as the
// source, with the split keys in gguf-split's types.

#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <map>

#include "common/error.h"
#include "gguf/gguf.h"
#include "gguf/gguf_writer.h"
#include "gguf/model_summary.h"
#include "gguf/split.h"

using namespace sikao::test::gguf;
using sikao::Error;
using sikao::ErrorCode;
using sikao::gguf::GgufFile;

namespace {

Kv kv_u16(std::string_view key, uint16_t v) { return kv_scalar(key, U16, v); }
Kv kv_i32(std::string_view key, int32_t v) { return kv_scalar(key, I32, v); }

// The split keys gguf-split gives each part: split.no u16, split.count u16, split.tensors.count
// i32.
std::vector<Kv> split_kvs(uint16_t no, uint16_t count, int32_t tensors) {
  return {kv_u16("split.no", no), kv_u16("split.count", count),
          kv_i32("split.tensors.count", tensors)};
}

Tensor f32_tensor(const std::string& name, std::vector<float> values) {
  return {name, 0, {values.size()}, f32_bytes(values)};
}

// Six tensors of a made-up llama model; tensor i holds the value i + 0.5 in each element.
std::vector<Tensor> model_tensors() {
  std::vector<Tensor> out;
  for (int i = 0; i < 6; ++i) {
    out.push_back(
        f32_tensor("t" + std::to_string(i), std::vector<float>(8 + 8 * i, float(i) + 0.5f)));
  }
  return out;
}

// A model split into parts of `per_part` tensors the way gguf-split lays them out; `edit`
// may change a part's builder before it is written (part index from 0).
struct SplitModel {
  std::vector<std::string> paths;
};

SplitModel write_parts(const QTemporaryDir& dir, const std::string& prefix, size_t per_part,
                       const std::function<void(size_t, Builder&)>& edit = {}) {
  const auto tensors = model_tensors();
  const size_t count = (tensors.size() + per_part - 1) / per_part;
  SplitModel m;
  for (size_t no = 0; no < count; ++no) {
    Builder b;
    if (no == 0) {
      b.kvs.push_back(kv_string("general.architecture", "llama"));
      b.kvs.push_back(kv_string("general.name", "split test"));
      b.kvs.push_back(kv_u32("llama.block_count", 3));
    }
    for (Kv& kv : split_kvs(uint16_t(no), uint16_t(count), int32_t(tensors.size())))
      b.kvs.push_back(kv);
    for (size_t i = no * per_part; i < std::min(tensors.size(), (no + 1) * per_part); ++i) {
      b.tensors.push_back(tensors[i]);
    }
    if (edit) edit(no, b);
    const auto path = sikao::gguf::split_part_path(
        dir.filePath(QString::fromStdString(prefix)).toStdString(), uint32_t(no), uint32_t(count));
    const std::string bytes = b.build().bytes;
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
    m.paths.push_back(path.string());
  }
  return m;
}

float first_float(const GgufFile& f, const std::string& tensor) {
  const auto bytes = f.tensor_data(*f.find_tensor(tensor));
  float x = 0;
  std::memcpy(&x, bytes.data(), sizeof x);
  return x;
}

// Opens `path`, which must fail with `code` and `needle` in the message; the message, for QVERIFY2.
std::string expect_error(const std::string& path, ErrorCode code, const std::string& needle) {
  try {
    GgufFile::open(path);
  } catch (const Error& e) {
    const std::string what = e.what();
    if (e.code() != code) return "wrong code: " + what;
    if (what.find(needle) == std::string::npos) return "wrong message: " + what;
    return {};
  }
  return "opened";
}

}  // namespace

class TestGgufSplit : public QObject {
  Q_OBJECT

 private slots:
  void split_names_are_parsed_as_gguf_split_writes_them_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("no");
    QTest::addColumn<int>("count");
    QTest::newRow("first") << "m-00001-of-00003.gguf" << true << "m" << 0 << 3;
    QTest::newRow("last") << "Qwen3-30B-Q4_K_M-00003-of-00003.gguf" << true << "Qwen3-30B-Q4_K_M"
                          << 2 << 3;
    QTest::newRow("only") << "x-00001-of-00001.gguf" << true << "x" << 0 << 1;
    QTest::newRow("part zero") << "m-00000-of-00003.gguf" << false << "" << 0 << 0;
    QTest::newRow("part past count") << "m-00004-of-00003.gguf" << false << "" << 0 << 0;
    QTest::newRow("four digits") << "m-0001-of-0003.gguf" << false << "" << 0 << 0;
    QTest::newRow("no prefix") << "-00001-of-00003.gguf" << false << "" << 0 << 0;
    QTest::newRow("not gguf") << "m-00001-of-00003.bin" << false << "" << 0 << 0;
    QTest::newRow("plain") << "model-Q4_K_M.gguf" << false << "" << 0 << 0;
    QTest::newRow("letters") << "m-0000a-of-00003.gguf" << false << "" << 0 << 0;
  }

  void split_names_are_parsed_as_gguf_split_writes_them() {
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const auto parsed = sikao::gguf::parse_split_name("/models/" + name.toStdString());
    QCOMPARE(parsed.has_value(), valid);
    if (!valid) return;
    QFETCH(QString, prefix);
    QFETCH(int, no);
    QFETCH(int, count);
    QCOMPARE(QString::fromStdString(parsed->prefix.string()), "/models/" + prefix);
    QCOMPARE(int(parsed->no), no);
    QCOMPARE(int(parsed->count), count);
    QCOMPARE(QString::fromStdString(
                 sikao::gguf::split_part_path(parsed->prefix, parsed->no, parsed->count).string()),
             "/models/" + name);
  }

  void parts_open_as_one_model_from_any_part() {
    QTemporaryDir dir;
    const SplitModel m = write_parts(dir, "m", 2);
    QCOMPARE(m.paths.size(), size_t(3));
    uint64_t total = 0;
    for (const auto& p : m.paths) total += std::filesystem::file_size(p);
    for (const auto& start : m.paths) {
      const GgufFile f = GgufFile::open(start);
      QCOMPARE(f.path().string(), m.paths[0]);
      QCOMPARE(f.parts().size(), size_t(3));
      QCOMPARE(f.parts()[2].string(), m.paths[2]);
      QCOMPARE(f.get_string("general.name").value(), std::string("split test"));
      QCOMPARE(f.tensors().size(), size_t(6));
      QCOMPARE(f.file_size(), total);
      for (int i = 0; i < 6; ++i) {
        const std::string name = "t" + std::to_string(i);
        QCOMPARE(f.find_tensor(name)->part, uint32_t(i / 2));
        QCOMPARE(f.find_tensor(name)->elements, uint64_t(8 + 8 * i));
        QCOMPARE(first_float(f, name), float(i) + 0.5f);
      }
      QCOMPARE(sikao::gguf::summarize(f).tensor_count, uint64_t(6));
    }
    // A part on its own is one file with two tensors.
    const GgufFile one = GgufFile::open_single_file(m.paths[1]);
    QCOMPARE(one.tensors().size(), size_t(2));
    QCOMPARE(one.parts().size(), size_t(1));
  }

  // gguf-split --no-tensor-first-split: the first part holds the metadata and no tensors.
  void a_first_part_without_tensors_is_fine() {
    QTemporaryDir dir;
    const auto tensors = model_tensors();
    std::vector<std::string> paths;
    for (uint16_t no = 0; no < 3; ++no) {
      Builder b;
      if (no == 0) b.kvs.push_back(kv_string("general.architecture", "llama"));
      for (Kv& kv : split_kvs(no, 3, 6)) b.kvs.push_back(kv);
      if (no > 0) {
        for (size_t i = (no - 1) * 3; i < size_t(no) * 3; ++i) b.tensors.push_back(tensors[i]);
      }
      const auto path = sikao::gguf::split_part_path(dir.filePath("e").toStdString(), no, 3);
      const std::string bytes = b.build().bytes;
      std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
      paths.push_back(path.string());
    }
    const GgufFile f = GgufFile::open(paths[0]);
    QCOMPARE(f.tensors().size(), size_t(6));
    QCOMPARE(f.find_tensor("t0")->part, 1u);
    QCOMPARE(first_float(f, "t5"), 5.5f);
  }

  void a_missing_part_is_an_error_naming_it() {
    QTemporaryDir dir;
    const SplitModel m = write_parts(dir, "m", 2);
    QVERIFY(std::filesystem::remove(m.paths[1]));
    for (const auto& start : {m.paths[0], m.paths[2]}) {
      const std::string failure = expect_error(start, ErrorCode::Io,
                                               "m-00002-of-00003.gguf: part 2 of 3 of this "
                                               "split model is missing");
      QVERIFY2(failure.empty(), failure.c_str());
    }
    // The first part missing, opened from the last.
    QTemporaryDir dir2;
    const SplitModel m2 = write_parts(dir2, "m", 2);
    QVERIFY(std::filesystem::remove(m2.paths[0]));
    const std::string failure =
        expect_error(m2.paths[2], ErrorCode::Io, "part 1 of 3 of this split model is missing");
    QVERIFY2(failure.empty(), failure.c_str());
  }

  void malformed_splits_are_clear_errors_data() {
    QTest::addColumn<int>("part");  // the part whose builder is edited
    QTest::addColumn<int>("edit");
    QTest::addColumn<QString>("message");
    QTest::newRow("count mismatch")
        << 1 << 0 << "m-00002-of-00003.gguf: says the model has 4 parts";
    QTest::newRow("index mismatch")
        << 2 << 1 << "m-00003-of-00003.gguf: says it is part 2, but its name says part 3";
    QTest::newRow("tensor in two parts") << 2 << 2 << "tensor 't0' is in part 1 and in part 3";
    QTest::newRow("other model's tensor total")
        << 1 << 3 << "says the model has 7 tensors, the first part says 6";
    QTest::newRow("other model's architecture")
        << 2 << 4 << "is a qwen2 model, the first part a llama model";
    QTest::newRow("no split keys in a later part") << 1 << 5 << "has no split.count metadata";
    QTest::newRow("a tensor short")
        << 2 << 6 << "the 3 parts hold 5 tensors, but split.tensors.count says 6";
    QTest::newRow("split.no past count") << 0 << 7 << "split.no is 5, but the model has 3 parts";
    QTest::newRow("split.count zero") << 0 << 8 << "split.count is 0, expected 1 to 65535";
    QTest::newRow("split.no without count") << 0 << 9 << "has split.no but no split.count";
    QTest::newRow("split.count a string") << 0 << 10 << "metadata 'split.count' is string";
    QTest::newRow("no tensor total") << 1 << 11 << "part 2 of 3 has no split.tensors.count";
  }

  void malformed_splits_are_clear_errors() {
    QFETCH(int, part);
    QFETCH(int, edit);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const auto replace = [](Builder& b, std::vector<Kv> kvs) { b.kvs = std::move(kvs); };
    const SplitModel m = write_parts(dir, "m", 2, [&](size_t no, Builder& b) {
      if (int(no) != part) return;
      switch (edit) {
        case 0:
          replace(b, split_kvs(1, 4, 6));
          break;
        case 1:
          replace(b, split_kvs(1, 3, 6));
          break;
        case 2:
          b.tensors.push_back(model_tensors()[0]);
          break;
        case 3:
          replace(b, split_kvs(1, 3, 7));
          break;
        case 4:
          b.kvs.push_back(kv_string("general.architecture", "qwen2"));
          break;
        case 5:
          b.kvs.clear();
          break;
        case 6:
          b.tensors.pop_back();
          break;
        case 7:
          b.kvs.erase(b.kvs.end() - 3);
          b.kvs.push_back(kv_u16("split.no", 5));
          break;
        case 8:
          b.kvs.erase(b.kvs.end() - 2);
          b.kvs.push_back(kv_u16("split.count", 0));
          break;
        case 9:
          b.kvs.erase(b.kvs.end() - 2);
          break;
        case 10:
          b.kvs.erase(b.kvs.end() - 2);
          b.kvs.push_back(kv_string("split.count", "3"));
          break;
        case 11:
          b.kvs.pop_back();
          break;
      }
    });
    const std::string failure =
        expect_error(m.paths[0], ErrorCode::InvalidFile, message.toStdString());
    QVERIFY2(failure.empty(), failure.c_str());
  }

  // The name is how the other parts are found: a renamed part cannot be opened as the model.
  void a_renamed_part_is_an_error_that_says_so() {
    QTemporaryDir dir;
    const SplitModel m = write_parts(dir, "m", 2);
    const std::string renamed = dir.filePath("model.gguf").toStdString();
    std::filesystem::rename(m.paths[0], renamed);
    std::string failure =
        expect_error(renamed, ErrorCode::InvalidFile,
                     "is part 1 of 3 of a split model, but its name does not end in "
                     "-00001-of-00003.gguf");
    QVERIFY2(failure.empty(), failure.c_str());
    const std::string swapped = dir.filePath("m-00001-of-00004.gguf").toStdString();
    std::filesystem::rename(renamed, swapped);
    failure = expect_error(swapped, ErrorCode::InvalidFile,
                           "its name says part 1 of 4, but its metadata says part 1 of 3");
    QVERIFY2(failure.empty(), failure.c_str());
  }

  // split.count 1: a whole model that happens to carry the keys (gguf-split with one part).
  void one_part_is_a_plain_file() {
    QTemporaryDir dir;
    const SplitModel m = write_parts(dir, "m", 6);
    QCOMPARE(m.paths.size(), size_t(1));
    const GgufFile f = GgufFile::open(m.paths[0]);
    QCOMPARE(f.tensors().size(), size_t(6));
    QCOMPARE(f.parts().size(), size_t(1));
  }

  void write_split_writes_parts_that_read_back_as_the_source() {
    QTemporaryDir dir;
    Builder b;
    b.kvs.push_back(kv_string("general.architecture", "llama"));
    b.kvs.push_back(kv_u32("general.alignment", 32));
    b.kvs.push_back(kv_scalar("some.f64", F64, 2.5));
    b.kvs.push_back(kv_scalar("some.i8", I8, int8_t(-3)));
    b.kvs.push_back(kv_scalar("some.bool", BOOL, uint8_t(1)));
    b.kvs.push_back(kv_string_array("some.strings", {"a", "", "ccc"}));
    b.kvs.push_back(kv_scalar_array<float>("some.floats", F32, {1.0f, -2.0f}));
    {
      Bytes nested;  // [[1, 2], [3]] as arrays of u16
      nested.u32(ARR).u64(2);
      nested.u32(U16).u64(2).put(uint16_t(1)).put(uint16_t(2));
      nested.u32(U16).u64(1).put(uint16_t(3));
      b.kvs.push_back(kv_raw("some.nested", ARR, nested));
    }
    b.tensors = model_tensors();
    const std::string source_path = dir.filePath("whole.gguf").toStdString();
    const std::string bytes = b.build().bytes;
    std::ofstream(source_path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
    const GgufFile source = GgufFile::open(source_path);

    const auto parts = sikao::gguf::write_split(source, dir.filePath("out").toStdString(), 4,
                                                sikao::gguf::Overwrite::Refuse);
    QCOMPARE(parts.size(), size_t(2));
    QCOMPARE(parts[0].filename().string(), std::string("out-00001-of-00002.gguf"));
    QCOMPARE(parts[1].filename().string(), std::string("out-00002-of-00002.gguf"));

    // Each part as gguf-split writes it: split keys as u16, u16, i32; metadata only in the first.
    const GgufFile second = GgufFile::open_single_file(parts[1]);
    QCOMPARE(second.metadata().size(), size_t(3));
    QCOMPARE(second.find("split.no")->type, sikao::gguf::ValueType::UInt16);
    QCOMPARE(second.find("split.count")->type, sikao::gguf::ValueType::UInt16);
    QCOMPARE(second.find("split.tensors.count")->type, sikao::gguf::ValueType::Int32);
    QCOMPARE(second.get_uint("split.no").value(), uint64_t(1));
    QCOMPARE(second.tensors().size(), size_t(2));

    const GgufFile joined = GgufFile::open(parts[0]);
    QCOMPARE(joined.metadata().size(), source.metadata().size() + 3);
    for (const auto& kv : source.metadata()) {
      const auto* v = joined.find(kv.key);
      QVERIFY2(v, std::string(kv.key).c_str());
      QCOMPARE(v->type, kv.value.type);
      QCOMPARE(sikao::gguf::format_value(*v, 100), sikao::gguf::format_value(kv.value, 100));
    }
    QCOMPARE(joined.tensors().size(), source.tensors().size());
    for (const auto& t : source.tensors()) {
      const auto* j = joined.find_tensor(t.name);
      QVERIFY(j);
      QCOMPARE(j->dims, t.dims);
      QCOMPARE(j->type, t.type);
      QVERIFY(joined.tensor_data(*j) == source.tensor_data(t));
    }

    // Refuses to overwrite, and a limit of 0 is refused before anything is written.
    try {
      sikao::gguf::write_split(source, dir.filePath("out").toStdString(), 4,
                               sikao::gguf::Overwrite::Refuse);
      QFAIL("overwrote the parts");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
    }
    try {
      sikao::gguf::write_split(source, dir.filePath("zero").toStdString(), 0,
                               sikao::gguf::Overwrite::Refuse);
      QFAIL("split with 0 tensors a part");
    } catch (const Error& e) {
      QCOMPARE(e.code(), ErrorCode::InvalidArgument);
    }
    QVERIFY(!std::filesystem::exists(dir.filePath("zero-00001-of-00001.gguf").toStdString()));
  }
};

QTEST_GUILESS_MAIN(TestGgufSplit)
#include "tst_gguf_split.moc"
