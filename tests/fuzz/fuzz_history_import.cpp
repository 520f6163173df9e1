// libFuzzer target: importing a history file (sikao-cli history import, the app's Import) into a
// database. Anything that is not valid Sikao history JSON must end in a StorageError with nothing
// imported, never in a crash or undefined behaviour; what is imported must export again.

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "storage/history.h"

namespace {

sikao::storage::History& history() {
  static const std::string path = [] {
    char dir[] = "/tmp/sikao-fuzz-XXXXXX";
    if (!mkdtemp(dir)) std::abort();
    return std::string(dir) + "/history.db";
  }();
  static sikao::storage::History h(path);
  return h;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const std::vector<int64_t> ids = history().import_json(text);
    if (!ids.empty()) {
      (void)history().export_json(ids);
      for (const int64_t id : ids) {
        (void)history().export_markdown(id);
        history().delete_conversation(id);
      }
    }
  } catch (const sikao::storage::StorageError&) {
  }
  return 0;
}
