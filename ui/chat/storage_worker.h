#pragma once
// The storage worker of DESIGN.md §2: the rewrites of an answer while it streams (at most one per
// HistoryOptions::streaming_interval, each a transaction with an fsync) run on their own thread,
// through a second connection to the history database, so that a slow disk never stalls the UI
// thread while tokens arrive. The final write of an answer stays with the caller, after
// wait_idle(): from then on every connection reads the finished message.
//
// It also appends the messages the user sends (append_message): a pasted megabyte is indexed for
// search as it is written, which takes longer than a frame (issue 14).
//
// Rewrites of the same message that queue up behind a slow write are merged (only the newest
// text matters). A failed write comes back as failed() on the owner's thread; the next rewrite or
// the final write repeats the whole text, so nothing is lost that the final write does not save.
#include <QObject>
#include <QString>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "error_report.h"
#include "storage/history.h"

namespace sikao::ui {

class StorageWorker : public QObject {
  Q_OBJECT

 public:
  // Opens the second connection now (throws storage::StorageError when it cannot), then starts
  // the thread.
  StorageWorker(const std::string& database_path, storage::HistoryOptions options,
                QObject* parent = nullptr);
  // Writes what is queued, then joins.
  ~StorageWorker() override;

  void update_streaming(int64_t id, std::string content, std::string reasoning,
                        const storage::GenerationStats& stats);
  // Appends a message in the order of the queued writes; appended(ticket, id) or
  // appendFailed(ticket, report) follows on the owner's thread. Returns the ticket.
  uint64_t append_message(storage::NewMessage message);
  // Returns once every queued write is done (at once when none is).
  void wait_idle();
  // Rewrites done by the worker so far (tests, diagnostics).
  int64_t writes() const;

 signals:
  void failed(const sikao::ui::ErrorReport& report);
  void appended(quint64 ticket, qint64 message_id);
  void appendFailed(quint64 ticket, const sikao::ui::ErrorReport& report);

 private:
  struct Update {
    int64_t id = 0;
    std::string content;
    std::string reasoning;
    storage::GenerationStats stats;
    std::optional<storage::NewMessage> append;  // set: an append (ticket in id), not a rewrite
  };
  void run();
  void write(Update& job);

  std::unique_ptr<storage::History> history_;  // used on the worker thread only
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<Update> queue_;
  bool busy_ = false;
  bool quit_ = false;
  int64_t writes_ = 0;
  uint64_t next_ticket_ = 1;
  std::thread thread_;  // last: started after everything it uses
};

} // namespace sikao::ui
