// history_crash_writer DB RUN INTERVAL_MS: the child process of tst_history_crash. Writes a few
// complete messages, then streams messages piece by piece through History::update_streaming
// until it is killed. After every committed write it prints one line to stdout (flushed):
//   C <id>            a complete message is stored
//   W <id> <bytes>    the streaming message <id> holds its first <bytes> bytes
//   F <id>            the streaming message <id> is finished
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "crash_text.h"
#include "storage/history.h"

using namespace sikao::storage;
namespace crash = sikao::test::crash;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: history_crash_writer DB RUN INTERVAL_MS\n");
    return 2;
  }
  const int run = std::atoi(argv[2]);
  HistoryOptions options;
  options.streaming_interval = std::chrono::milliseconds(std::atoi(argv[3]));
  try {
    History h(argv[1], options);
    NewConversation nc;
    nc.title = "run " + std::to_string(run);
    const int64_t conv = h.create_conversation(nc);
    std::optional<int64_t> parent;
    for (int i = 0; i < crash::k_complete_per_run; ++i) {
      NewMessage m;
      m.conversation_id = conv;
      m.parent_id = parent;
      m.role = i % 2 == 0 ? Role::User : Role::Assistant;
      m.content = crash::complete_text(run, i);
      parent = h.append_message(m);
      std::printf("C %lld\n", static_cast<long long>(*parent));
      std::fflush(stdout);
    }
    for (int stream = 0; stream < 100; ++stream) {
      NewMessage m;
      m.conversation_id = conv;
      m.parent_id = parent;
      m.role = Role::Assistant;
      const int64_t id = h.begin_streaming(m);
      std::string text;
      for (int j = 0; j < crash::k_pieces_per_stream; ++j) {
        text += crash::piece(run, stream, j);
        GenerationStats stats;
        stats.generated_tokens = j + 1;
        if (h.update_streaming(id, text, "", stats)) {
          std::printf("W %lld %zu\n", static_cast<long long>(id), text.size());
          std::fflush(stdout);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      h.finish_streaming(id, MessageStatus::Complete, text, "", {});
      std::printf("F %lld\n", static_cast<long long>(id));
      std::fflush(stdout);
      parent = id;
    }
  } catch (const StorageError& e) {
    std::fprintf(stderr, "history_crash_writer: %s\n", e.what());
    return 1;
  }
  return 0;
}
