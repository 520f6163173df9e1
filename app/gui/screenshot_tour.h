#pragma once
// `sikao MODEL --send TEXT --screenshots DIR`: the real app, on a real model, photographs itself
// for docs/screenshots and the end-to-end test. Once the model is loaded it saves, in order:
//
//   empty-state.png          the chat area with the model loaded, before the question
//   streaming-reasoning.png  the reasoning block while the model thinks (first batch of it)
//   finished-reasoning.png   the collapsed "Thought for …" block and the answer
//   inspector.png            the reasoning inspector on the answer
//   search-results.png       the sidebar searching for the question's first word
//   settings.png, models.png the two pages
//   arabic.png               the window in Arabic (mirrored), inspector open
//
// and then calls `done`. The language setting is put back as it was.

#include <QObject>
#include <QQuickWindow>
#include <QString>
#include <functional>
#include <vector>

#include "app_context.h"

namespace sikao::app {

class ScreenshotTour {
 public:
  ScreenshotTour(ui::AppContext& context, QQuickWindow& window, QString folder, QString question,
                 std::function<void()> done);

  // Starts when the model has loaded; later calls do nothing.
  void start();

 private:
  using Step = std::function<void()>;
  void shoot(const char* name);
  void next();  // runs the next step after the window has had time to lay out and render
  void then(Step step) { steps_.push_back(std::move(step)); }
  void watch_for_streaming_reasoning();

  ui::AppContext& context_;
  QQuickWindow& window_;
  QString folder_;
  QString question_;
  std::function<void()> done_;
  std::vector<Step> steps_;
  size_t next_step_ = 0;
  bool started_ = false;
  QString language_before_;
  QObject guard_;  // connections and timers of the tour die with it
};

} // namespace sikao::app
