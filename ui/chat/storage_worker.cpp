#include "chat/storage_worker.h"

#include <QMetaObject>

namespace sikao::ui {

namespace {

storage::HistoryOptions as_second_connection(storage::HistoryOptions options) {
  options.second_connection = true;
  return options;
}

} // namespace

StorageWorker::StorageWorker(const std::string& database_path, storage::HistoryOptions options,
                             QObject* parent)
    : QObject(parent),
      history_(std::make_unique<storage::History>(database_path, as_second_connection(std::move(options)))),
      thread_([this] { run(); }) {}

StorageWorker::~StorageWorker() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void StorageWorker::update_streaming(int64_t id, std::string content, std::string reasoning,
                                     const storage::GenerationStats& stats) {
  {
    std::lock_guard lock(mutex_);
    if (!queue_.empty() && !queue_.back().append && queue_.back().id == id) {
      queue_.back() = {id, std::move(content), std::move(reasoning), stats, {}};  // newest text wins
    } else {
      queue_.push_back({id, std::move(content), std::move(reasoning), stats, {}});
    }
  }
  wake_.notify_one();
}

uint64_t StorageWorker::append_message(storage::NewMessage message) {
  uint64_t ticket = 0;
  {
    std::lock_guard lock(mutex_);
    ticket = next_ticket_++;
    queue_.push_back({static_cast<int64_t>(ticket), {}, {}, {}, std::move(message)});
  }
  wake_.notify_one();
  return ticket;
}

void StorageWorker::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

int64_t StorageWorker::writes() const {
  std::lock_guard lock(mutex_);
  return writes_;
}

void StorageWorker::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return quit_ || !queue_.empty(); });
    if (queue_.empty()) break;  // quit_, and everything written
    Update update = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    write(update);
    lock.lock();
    busy_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
  idle_.notify_all();
}

// On the worker thread, without the lock.
void StorageWorker::write(Update& job) {
  if (job.append) {
    const auto ticket = static_cast<quint64>(job.id);
    try {
      const qint64 id = history_->append_message(*job.append);
      QMetaObject::invokeMethod(this, [this, ticket, id] { emit appended(ticket, id); }, Qt::QueuedConnection);
    } catch (const storage::StorageError& e) {
      QMetaObject::invokeMethod(this, [this, ticket, report = error_report(e)] { emit appendFailed(ticket, report); },
                                Qt::QueuedConnection);
    }
    return;
  }
  bool wrote = false;
  try {
    wrote = history_->update_streaming(job.id, job.content, job.reasoning, job.stats);
  } catch (const storage::StorageError& e) {
    QMetaObject::invokeMethod(this, [this, report = error_report(e)] { emit failed(report); }, Qt::QueuedConnection);
  }
  if (wrote) {
    std::lock_guard lock(mutex_);
    ++writes_;
  }
}

} // namespace sikao::ui
