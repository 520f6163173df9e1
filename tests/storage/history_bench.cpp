// sikao-history-bench [--db FILE] [--conversations N] [--messages M]: the history at scale.
// Fills (once) a database with N conversations of M messages of realistic length in mixed
// scripts (English, Chinese, Japanese, Russian), through the public import API, then measures:
// opening the file, search latency (median and p95 over a fixed query set), loading a page of
// 50 conversations and a conversation's active path. Not a test: it reports numbers.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "storage/history.h"

using namespace sikao::storage;
using Clock = std::chrono::steady_clock;

namespace {

const std::vector<std::string> k_english = {
    "the", "model", "reasoning", "answer", "vulkan", "shader", "memory", "bandwidth", "token",
    "because", "therefore", "compute", "kernel", "matrix", "vector", "quantised", "weights",
    "attention", "layer", "cache", "prompt", "user", "asks", "about", "we", "should", "first",
    "consider", "how", "many", "steps", "result", "check", "again", "wait", "maybe", "simple",
    "database", "search", "history", "export", "python", "function", "returns", "value", "error"};
const std::vector<std::string> k_chinese = {
    "我们", "首先", "考虑", "这个", "问题", "模型", "推理", "答案", "因为", "所以", "计算",
    "内存", "带宽", "矩阵", "向量", "用户", "想知道", "量子", "比特", "历史", "搜索", "导出",
    "函数", "返回", "错误", "检查", "一下", "可能", "步骤", "结果", "中文", "学习"};
const std::vector<std::string> k_japanese = {
    "まず", "考える", "問題", "モデル", "推論", "答え", "なぜなら", "だから", "計算", "メモリ",
    "行列", "ベクトル", "ユーザー", "知りたい", "量子", "ビット", "履歴", "検索", "関数",
    "エラー", "確認", "たぶん", "手順", "結果", "日本語", "勉強", "です", "ます"};
const std::vector<std::string> k_russian = {
    "модель", "ответ", "память", "вычисление", "матрица", "вектор", "пользователь", "ошибка",
    "поиск", "история", "сначала", "потому", "что", "результат"};

std::string sentence(std::mt19937_64& rng, size_t target_chars) {
  std::uniform_int_distribution<int> script(0, 9);
  std::string s;
  size_t chars = 0;
  while (chars < target_chars) {
    const int k = script(rng);
    const auto& words = k < 5 ? k_english : k < 7 ? k_chinese : k < 9 ? k_japanese : k_russian;
    const std::string& w = words[std::uniform_int_distribution<size_t>(0, words.size() - 1)(rng)];
    s += w;
    s += (k < 5 || k == 9) ? " " : (chars % 7 == 0 ? "。" : "");
    chars += w.size() / ((k >= 5 && k < 9) ? 3 : 1) + 1;
    if (std::uniform_int_distribution<int>(0, 14)(rng) == 0) s += ".\n";
  }
  return s;
}

std::string conversation_json(std::mt19937_64& rng, int index, int messages, int64_t t0) {
  using nlohmann::json;
  json msgs = json::array();
  int64_t t = t0;
  for (int i = 0; i < messages; ++i) {
    const bool user = i % 2 == 0;
    const bool thinks = !user && std::uniform_int_distribution<int>(0, 1)(rng);
    t += std::uniform_int_distribution<int>(2000, 60000)(rng);
    const size_t len = user ? std::uniform_int_distribution<size_t>(30, 300)(rng)
                            : std::uniform_int_distribution<size_t>(200, 1200)(rng);
    msgs.push_back({{"id", i + 1},
                    {"parent_id", i == 0 ? json(nullptr) : json(i)},
                    {"role", user ? "user" : "assistant"},
                    {"content", sentence(rng, len)},
                    {"reasoning", thinks ? sentence(rng, std::uniform_int_distribution<size_t>(300, 1500)(rng)) : ""},
                    {"status", "complete"},
                    {"error", ""},
                    {"model", user ? "" : "DeepSeek-R1-Distill-Qwen-1.5B"},
                    {"stats", {{"prompt_tokens", 100}, {"generated_tokens", 300}, {"reasoning_tokens", thinks ? 200 : 0},
                               {"reasoning_ms", thinks ? 4000 : 0}, {"total_ms", 9000}, {"tokens_per_second", 41.5}}},
                    {"created_ms", t},
                    {"finished_ms", t + 9000}});
  }
  return json({{"id", index + 1},
               {"title", fmt::format("Conversation {} {}", index, sentence(rng, 20))},
               {"created_ms", t0},
               {"updated_ms", t},
               {"model_file", "/models/deepseek-r1-distill-qwen-1.5b-q4_k_m.gguf"},
               {"model_name", "DeepSeek-R1-Distill-Qwen-1.5B"},
               {"system_prompt", ""},
               {"settings_json", R"({"temperature":0.6})"},
               {"pinned", index % 97 == 0},
               {"archived", false},
               {"active_leaf_id", messages},
               {"messages", msgs}})
      .dump();
}

void fill(const std::string& path, int conversations, int messages) {
  std::mt19937_64 rng(20261123);
  History h(path);
  const auto start = Clock::now();
  constexpr int k_batch = 50;
  for (int c = 0; c < conversations; c += k_batch) {
    std::string doc = R"({"format":"sikao-history","version":1,"conversations":[)";
    for (int i = c; i < std::min(conversations, c + k_batch); ++i) {
      if (i > c) doc += ",";
      doc += conversation_json(rng, i, messages, 1'700'000'000'000 + int64_t(i) * 3'600'000);
    }
    doc += "]}";
    h.import_json(doc);
  }
  std::printf("filled %d conversations x %d messages in %.1f s\n", conversations, messages,
              std::chrono::duration<double>(Clock::now() - start).count());
}

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct Stats {
  double median, p95, max;
};
Stats stats_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back()};
}

} // namespace

int main(int argc, char** argv) {
  std::string path = "/tmp/sikao-history-bench.db";
  int conversations = 1000, messages = 100;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--db")) path = argv[i + 1];
    else if (!std::strcmp(argv[i], "--conversations")) conversations = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--messages")) messages = std::atoi(argv[i + 1]);
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  try {
    if (!std::filesystem::exists(path)) fill(path, conversations, messages);
    std::printf("database %s: %.1f MiB\n", path.c_str(),
                static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0));

    {
      const auto t = Clock::now();
      History first(path);
      std::printf("first open: %.1f ms (migrated from schema %d, quick_check %s)\n", ms_since(t),
                  first.report().migrated_from, first.report().integrity_checked ? "ran" : "skipped");
    }
    std::vector<double> opens;
    for (int i = 0; i < 10; ++i) {
      const auto t = Clock::now();
      History h(path);
      opens.push_back(ms_since(t));
    }
    const Stats o = stats_of(opens);
    std::printf("open (warm page cache, 10 runs): median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                o.median, o.p95, o.max);
    {
      HistoryOptions always;
      always.integrity_check = IntegrityCheck::Always;
      const auto t = Clock::now();
      History checked(path, always);
      std::printf("open with PRAGMA quick_check (after an unclean shutdown): %.1f ms\n", ms_since(t));
    }

    History h(path);
    std::printf("messages: %zu conversations\n", h.conversation_ids().size());
    const std::vector<std::string> queries = {
        "vulkan",      "bandwidth kernel", "reasoning",  "quantised weights", "nothingmatches",
        "考虑这个",      "想知道",             "中文学习",      "ユーザー",            "日本語です",
        "память",      "量子",               "推理",         "です",               "行列 vector"};
    std::vector<double> all;
    for (const auto& q : queries) {
      std::vector<double> times;
      size_t hits = 0;
      for (int r = 0; r < 7; ++r) {
        const auto t = Clock::now();
        hits = h.search(q).size();
        times.push_back(ms_since(t));
      }
      const Stats s = stats_of(times);
      std::printf("  search %-20s %2zu hits  median %7.2f ms  max %7.2f ms\n", q.c_str(), hits, s.median, s.max);
      all.insert(all.end(), times.begin(), times.end());
    }
    const Stats s = stats_of(all);
    std::printf("search (newest first, 50 hits, %zu queries x 7): median %.2f ms, p95 %.2f ms\n",
                queries.size(), s.median, s.p95);
    std::vector<double> ranked;
    SearchOptions by_rank;
    by_rank.order = SearchOrder::Rank;
    for (const auto& q : queries) {
      for (int r = 0; r < 3; ++r) {
        const auto t = Clock::now();
        h.search(q, by_rank);
        ranked.push_back(ms_since(t));
      }
    }
    const Stats rk = stats_of(ranked);
    std::printf("search (by rank, 50 hits, %zu queries x 3): median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                queries.size(), rk.median, rk.p95, rk.max);

    std::vector<double> pages, paths;
    const auto ids = h.conversation_ids();
    for (int i = 0; i < 20; ++i) {
      ListOptions lo;
      lo.offset = i * 50;
      auto t = Clock::now();
      const auto page = h.list_conversations(lo);
      pages.push_back(ms_since(t));
      t = Clock::now();
      const auto path_msgs = h.active_path(ids[static_cast<size_t>(i) * 37 % ids.size()]);
      paths.push_back(ms_since(t));
      if (page.empty() || path_msgs.empty()) std::printf("unexpected empty page\n");
    }
    const Stats p = stats_of(pages), a = stats_of(paths);
    std::printf("page of 50 conversations: median %.2f ms, p95 %.2f ms\n", p.median, p.p95);
    std::printf("active path of a %d-message conversation: median %.2f ms, p95 %.2f ms\n", messages,
                a.median, a.p95);
  } catch (const StorageError& e) {
    std::fprintf(stderr, "sikao-history-bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
