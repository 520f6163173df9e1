#pragma once
// The chat window over the app's own wiring, for the window tests (tst_chat_window,
// tst_chat_content): AppContext with the real view-models, the scripted engine (fake_backend.h),
// a temporary History, settings file and models folder; Main.qml loaded and shown at 1100 x 720
// under Xvfb. Helpers find items by objectName, photograph the window, and probe the UI thread
// for stalls.

#include <QtTest>

#include <QClipboard>
#include <QFontDatabase>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickTextDocument>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <ctime>

#include "app_context.h"
#include "chat/code_block_highlighter.h"
#include "fake_backend.h"
#include "storage/history.h"

namespace sikao::test {

using namespace std::chrono_literals;

// The colour of the highlighter's format over the first character of `piece` in `document`;
// invalid where `piece` is not found or has no format.
inline QColor format_colour_at(QTextDocument* document, const QString& piece) {
  const QTextCursor found = document->find(piece);
  if (found.isNull()) return {};
  const QTextBlock block = found.block();
  const int offset = found.selectionStart() - block.position();
  for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
    if (range.start <= offset && offset < range.start + range.length) return range.format.foreground().color();
  }
  return {};
}

// A megabyte of text as people paste it: paragraphs, and one 200,000-character line with no
// break at all.
inline QString megabyte_document() {
  QString big;
  for (int i = 0; big.size() < 800'000; ++i) {
    big += QStringLiteral("Sentence %1 of a pasted document.%2").arg(i).arg(i % 9 == 8 ? "\n\n" : " ");
  }
  return big + QStringLiteral("\n\n") + QString(200'000, QLatin1Char('y'));
}

inline const std::vector<std::string> k_answer = {
    "<think>", "Add", " digit", " by", " digit", ".", "\n\n", "2", " +", " 7", " =", " 9", ".",
    "</think>", "The", " answer", " is", " **19**", ".\n\n", "```", "text", "\n", "12 + 7 = 19", "\n", "```"};

// QTest::keyClicks exists only for widgets: type into a window one character at a time.
inline void type(QWindow* window, const char* text) {
  for (const char* c = text; *c; ++c) QTest::keyClick(window, *c);
}


class ChatWindowFixture : public QObject {
 protected:

  QTemporaryDir dir_;
  std::shared_ptr<FakeScript> script_ = std::make_shared<FakeScript>();
  std::unique_ptr<storage::History> history_;
  std::unique_ptr<ui::AppContext> context_;
  ui::ChatController* chat_ = nullptr;
  std::unique_ptr<QQmlApplicationEngine> engine_;
  QList<QQmlError> warnings_;
  QQuickWindow* window_ = nullptr;

  // By the visual tree: controls such as ScrollView reparent their content items.
  static QQuickItem* find(QQuickItem* root, const QString& name) {
    if (root->objectName() == name) return root;
    for (QQuickItem* child : root->childItems()) {
      if (QQuickItem* found = find(child, name)) return found;
    }
    return nullptr;
  }
  QList<QQuickItem*> visible_items(const char* name) {
    QList<QQuickItem*> found;
    const std::function<void(QQuickItem*)> walk = [&](QQuickItem* root) {
      if (!root->isVisible()) return;
      if (root->objectName() == QLatin1String(name)) found << root;
      for (QQuickItem* child : root->childItems()) walk(child);
    };
    walk(window_->contentItem());
    return found;
  }
  QQuickItem* item(const char* name) {
    QQuickItem* found = find(window_->contentItem(), QString::fromLatin1(name));
    if (!found) qFatal("no item named %s in the window", name);
    return found;
  }

  // The scripted engine loads any file; the model manager wants one that exists.
  QString fake_model() {
    const QString path = dir_.path() + "/fake-reasoner.gguf";
    if (!QFile::exists(path)) {
      QFile f(path);
      if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
      f.write("GGUF: read by the scripted engine only");
    }
    return path;
  }

  void shoot(const QString& name) {
    const QString folder = qEnvironmentVariable("SIKAO_SCREENSHOT_DIR");
    if (folder.isEmpty()) return;
    QDir().mkpath(folder);
    QTest::qWait(50);
    QVERIFY(window_->grabWindow().save(folder + "/" + name + ".png"));
  }

  // The stall probe: runs `action`, then lets the event loop run until `done()`, meanwhile
  // measuring the UI thread's CPU time between the ticks of a 5 ms timer (a tick delayed by
  // work on the UI thread shows as a long gap) and the gaps between frames. CPU time, not wall
  // time, because these tests run on shared, loaded machines where the scheduler alone can
  // delay a tick; the wall-clock gaps are printed.
  struct Stalls {
    double worst_cpu_ms = 0;
    qint64 worst_tick_ms = 0;
    qint64 worst_frame_ms = 0;
    int frames = 0;
    qint64 elapsed_ms = 0;
  };
  Stalls probe(const std::function<void()>& action, const std::function<bool()>& done) {
    const auto thread_cpu_ms = [] {
      timespec t{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
      return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
    };
    Stalls out;
    QElapsedTimer clock;
    clock.start();
    qint64 last_tick = 0;
    std::atomic<qint64> last_frame = -1;  // written on the render thread
    double last_cpu = 0;
    std::atomic<int> frames = 0;
    std::atomic<qint64> worst_frame = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
      const qint64 now = clock.elapsed();
      const double cpu = thread_cpu_ms();
      out.worst_tick_ms = std::max(out.worst_tick_ms, now - last_tick);
      out.worst_cpu_ms = std::max(out.worst_cpu_ms, cpu - last_cpu);
      last_tick = now;
      last_cpu = cpu;
    });
    // frameSwapped comes from the render thread.
    auto frame_probe = connect(window_, &QQuickWindow::frameSwapped, this, [&] {
      const qint64 now = clock.elapsed();
      if (last_frame >= 0) worst_frame = std::max(worst_frame.load(), now - last_frame);
      last_frame = now;
      ++frames;
    }, Qt::DirectConnection);
    last_tick = clock.elapsed();
    last_cpu = thread_cpu_ms();
    ticker.start();
    action();
    // The tick that ran the action counts too: it is UI-thread work like any other.
    const double action_cpu = thread_cpu_ms() - last_cpu;
    out.worst_cpu_ms = std::max(out.worst_cpu_ms, action_cpu);
    if (!QTest::qWaitFor(done, 20000)) qWarning("the probed action did not finish");
    QTest::qWait(20);  // the last update's layout and frame
    ticker.stop();
    disconnect(frame_probe);
    out.frames = frames;
    out.worst_frame_ms = worst_frame;
    out.elapsed_ms = clock.elapsed();
    return out;
  }
  // The bar every probed action stays under: 50 ms of UI-thread CPU between two 5 ms ticks.
  static constexpr double k_stall_bar_ms = 50;

  // Prints what a probe measured; true when the UI thread stayed under the bar.
  static bool report(const char* what, const Stalls& s) {
    qInfo("%s in %lld ms: UI thread at most %.1f ms CPU between 5 ms ticks (longest wall gap "
          "%lld ms); %d frames, longest frame gap %lld ms",
          what, s.elapsed_ms, s.worst_cpu_ms, s.worst_tick_ms, s.frames, s.worst_frame_ms);
    return s.worst_cpu_ms < k_stall_bar_ms;
  }

  // Opens the window with no model (the first-run page); the scripted engine will answer `turns`
  // in order.
  void open_window(std::vector<std::vector<std::string>> turns) {
    script_->turns = std::move(turns);
    script_->delay = 40ms;
    history_ = std::make_unique<storage::History>((dir_.path() + "/history.db").toStdString());
    // No models folder content and no bundled model: the first run.
    context_ = std::make_unique<ui::AppContext>(
        *history_, std::make_unique<FakeBackend>(script_),
        ui::AppPaths{dir_.path() + "/settings.ini", dir_.path() + "/models", {}}, 30ms);
    chat_ = &context_->chat();
    context_->settings().setLanguage(QStringLiteral("en"));
    engine_ = std::make_unique<QQmlApplicationEngine>();
    connect(engine_.get(), &QQmlApplicationEngine::warnings, this,
            [this](const QList<QQmlError>& w) { warnings_ += w; });
    context_->expose(*engine_);
    engine_->load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
    QCOMPARE(engine_->rootObjects().size(), 1);
    window_ = qobject_cast<QQuickWindow*>(engine_->rootObjects().first());
    QVERIFY(window_);
    // The window opens at a size from the screen (Main.qml); the tests' timings and screenshots
    // want the same size on every screen.
    window_->resize(1100, 720);
    QVERIFY(QTest::qWaitForWindowExposed(window_));
    window_->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(window_));
  }

  void close_window() {
    engine_.reset();
    context_.reset();
  }
};

} // namespace sikao::test
