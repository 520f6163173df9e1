#include "screenshot_tour.h"

#include <QTimer>
#include <chrono>
#include <cstdio>

namespace sikao::app {
namespace {

using namespace std::chrono_literals;

// Time for a step's changes (a page, a language, a search after its 150 ms debounce) to be laid
// out and rendered before the window is grabbed.
constexpr auto k_settle = 300ms;

} // namespace

ScreenshotTour::ScreenshotTour(ui::AppContext& context, QQuickWindow& window, QString folder,
                               QString question, std::function<void()> done)
    : context_(context),
      window_(window),
      folder_(std::move(folder)),
      question_(std::move(question)),
      done_(std::move(done)) {}

void ScreenshotTour::shoot(const char* name) {
  const QString file = folder_ + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png");
  if (!window_.grabWindow().save(file)) {
    std::fprintf(stderr, "sikao: cannot save %s\n", qPrintable(file));
  }
}

void ScreenshotTour::next() {
  QTimer::singleShot(k_settle, &guard_, [this] {
    if (next_step_ < steps_.size()) steps_[next_step_++]();
  });
}

void ScreenshotTour::watch_for_streaming_reasoning() {
  auto* poll = new QTimer(&guard_);
  poll->setInterval(10ms);
  QObject::connect(poll, &QTimer::timeout, &guard_, [this, poll] {
    auto* messages = context_.chat().messages();
    const QModelIndex last = messages->index(messages->rowCount() - 1);
    if (messages->rowCount() >= 2 &&
        messages->data(last, ui::MessageListModel::ReasoningStateRole).toString() == QLatin1String("streaming") &&
        messages->data(last, ui::MessageListModel::ReasoningRole).toString().size() >= 12) {
      shoot("streaming-reasoning");
      poll->stop();
    }
  });
  QObject::connect(&context_.chat(), &ui::ChatController::generationFinished, poll, &QTimer::stop);
  poll->start();
}

void ScreenshotTour::start() {
  if (started_) return;
  started_ = true;
  QObject* root = &window_;
  const auto answer_row = [this] { return context_.chat().messages()->rowCount() - 1; };
  then([this] {
    shoot("empty-state");
    watch_for_streaming_reasoning();
    QObject::connect(&context_.chat(), &ui::ChatController::generationFinished, &guard_,
                     [this] { next(); }, Qt::SingleShotConnection);
    if (!context_.chat().send(question_)) {
      std::fprintf(stderr, "sikao: cannot send: %s\n", qPrintable(context_.chat().sendDisabledReason()));
      done_();
    }
  });
  then([this, root, answer_row] {
    shoot("finished-reasoning");
    QMetaObject::invokeMethod(root, "showInspector", Q_ARG(QVariant, answer_row()));
    next();
  });
  then([this, root] {
    shoot("inspector");
    QMetaObject::invokeMethod(root, "hideInspector");
    QMetaObject::invokeMethod(root, "searchFor", Q_ARG(QVariant, question_.section(QLatin1Char(' '), 0, 0)));
    next();
  });
  then([this, root] {
    shoot("search-results");
    QMetaObject::invokeMethod(root, "searchFor", Q_ARG(QVariant, QString()));
    QMetaObject::invokeMethod(root, "showPage", Q_ARG(QVariant, QStringLiteral("settings")));
    next();
  });
  then([this, root] {
    shoot("settings");
    QMetaObject::invokeMethod(root, "showPage", Q_ARG(QVariant, QStringLiteral("models")));
    next();
  });
  then([this, root, answer_row] {
    shoot("models");
    QMetaObject::invokeMethod(root, "showPage", Q_ARG(QVariant, QString()));
    language_before_ = context_.settings().language();
    context_.settings().setLanguage(QStringLiteral("ar"));
    QMetaObject::invokeMethod(root, "showInspector", Q_ARG(QVariant, answer_row()));
    next();
  });
  then([this, root] {
    shoot("arabic");
    QMetaObject::invokeMethod(root, "hideInspector");
    context_.settings().setLanguage(language_before_);
    done_();
  });
  next();
}

} // namespace sikao::app
