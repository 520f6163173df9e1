// The chat window itself (Main.qml and its parts) over the app's own wiring (AppContext: the real
// view-models, the scripted engine, a temporary History, settings file and models folder), under
// Xvfb: it loads without a QML warning, with no model it shows the first-run page, a load through
// the model manager reaches the chat, the composer sends on Enter and breaks lines on
// Shift+Enter, the shortcuts act, a reasoned answer streams into the window, the inspector and
// search results show, the settings page opens and its theme, font size and sampling apply, in
// Arabic the whole window is translated and mirrored, a code block is highlighted and names its
// language, a 1 MB message and a long code answer are shown without stalling the UI thread, and
// an answer with 50 formulas streams without a stall and shows them as math. The first-run and
// dark-theme screenshots go to $SIKAO_SCREENSHOT_DIR when set (the real app photographs the other
// states itself: sikao --screenshots, see tests/ui/make_screenshots.sh).

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

using namespace sikao;
using namespace std::chrono_literals;

namespace {

// The colour of the highlighter's format over the first character of `piece` in `document`;
// invalid where `piece` is not found or has no format.
QColor format_colour_at(QTextDocument* document, const QString& piece) {
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
QString megabyte_document() {
  QString big;
  for (int i = 0; big.size() < 800'000; ++i) {
    big += QStringLiteral("Sentence %1 of a pasted document.%2").arg(i).arg(i % 9 == 8 ? "\n\n" : " ");
  }
  return big + QStringLiteral("\n\n") + QString(200'000, QLatin1Char('y'));
}

const std::vector<std::string> k_answer = {
    "<think>", "Add", " digit", " by", " digit", ".", "\n\n", "2", " +", " 7", " =", " 9", ".",
    "</think>", "The", " answer", " is", " **19**", ".\n\n", "```", "text", "\n", "12 + 7 = 19", "\n", "```"};

// QTest::keyClicks exists only for widgets: type into a window one character at a time.
void type(QWindow* window, const char* text) {
  for (const char* c = text; *c; ++c) QTest::keyClick(window, *c);
}

} // namespace

class TestChatWindow : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  std::shared_ptr<test::FakeScript> script_ = std::make_shared<test::FakeScript>();
  std::unique_ptr<storage::History> history_;
  std::unique_ptr<ui::AppContext> context_;
  ui::ChatController* chat_ = nullptr;
  std::unique_ptr<QQmlApplicationEngine> engine_;
  QList<QQmlError> warnings_;
  qint64 reasoned_chat_ = 0;  // the chat with the reasoned answer
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
  static void report(const char* what, const Stalls& s) {
    qInfo("%s in %lld ms: UI thread at most %.1f ms CPU between 5 ms ticks (longest wall gap "
          "%lld ms); %d frames, longest frame gap %lld ms",
          what, s.elapsed_ms, s.worst_cpu_ms, s.worst_tick_ms, s.frames, s.worst_frame_ms);
  }

 private slots:
  void initTestCase() {
    script_->turns = {k_answer};
    script_->delay = 40ms;
    history_ = std::make_unique<storage::History>((dir_.path() + "/history.db").toStdString());
    // No models folder content and no bundled model: the first run.
    context_ = std::make_unique<ui::AppContext>(
        *history_, std::make_unique<test::FakeBackend>(script_),
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

  void with_no_model_the_window_shows_the_first_run_page() {
    QVERIFY(item("sidebar") && item("chatView") && item("composer") && item("searchField"));
    QTRY_VERIFY_WITH_TIMEOUT(!context_->models().scanning(), 10000);
    QVERIFY(context_->models().needsFirstRun());
    QVERIFY(item("firstRunPage")->isVisible());
    QVERIFY(!item("startupPanel")->isVisible());
    QVERIFY(!chat_->canSend());
    shoot("first-run");
    for (const auto& w : warnings_) qWarning() << w.toString();
    QVERIFY(warnings_.isEmpty());
  }

  // A load the user cancels reads as cancelled in the model manager and in the window, not as
  // a failed load.
  void a_cancelled_load_reads_as_cancelled() {
    auto& models = context_->models();
    models.load(fake_model());
    QCOMPARE(models.state(), ui::ModelManager::State::Loading);
    QTRY_VERIFY(item("statusLoading")->isVisible());
    models.cancel();  // the engine sees it at its next progress step
    QTRY_COMPARE_WITH_TIMEOUT(models.state(), ui::ModelManager::State::Cancelled, 5000);
    QCOMPARE(models.error()->kind, ui::ErrorKind::Cancelled);
    QTRY_COMPARE(item("statusModel")->property("text").toString(), QStringLiteral("Loading was cancelled."));
    QVERIFY(item("statusModel")->isVisible());
    QCOMPARE(item("firstRunLoadState")->property("text").toString(), QStringLiteral("Loading was cancelled."));
    QVERIFY(!chat_->canSend());
    QVERIFY(chat_->lastError().isEmpty());  // no error popup either
  }

  // The status bar, the start panel and the model manager all follow the one load.
  void a_load_through_the_model_manager_reaches_the_chat() {
    context_->models().load(fake_model());
    QCOMPARE(context_->models().state(), ui::ModelManager::State::Loading);
    QVERIFY(chat_->sendDisabledReason().contains("loading"));
    QTRY_VERIFY_WITH_TIMEOUT(chat_->canSend(), 5000);
    QCOMPARE(context_->models().state(), ui::ModelManager::State::Loaded);
    QCOMPARE(context_->models().loadedPath(), fake_model());
    QVERIFY(!context_->models().needsFirstRun());
    QTRY_VERIFY(item("startupPanel")->isVisible());
    QVERIFY(!item("firstRunPage")->isVisible());
    QVERIFY2(item("startupModelState")->property("text").toString().contains(context_->models().loadedName()),
             qPrintable(item("startupModelState")->property("text").toString()));
    QSettings stored(dir_.path() + "/settings.ini", QSettings::IniFormat);
    QCOMPARE(stored.value("models/last").toString(), fake_model());
    QVERIFY(warnings_.isEmpty());
  }

  void enter_sends_and_the_reasoned_answer_streams_into_the_window() {
    QVERIFY(chat_->canSend());
    QTest::keyClick(window_, Qt::Key_L, Qt::ControlModifier);  // focus the composer
    QTRY_VERIFY(item("composer")->hasActiveFocus());
    type(window_, "What is 12 + 7?");
    QTest::keyClick(window_, Qt::Key_Return, Qt::ShiftModifier);  // a new line, not a send
    QVERIFY(!chat_->generating());
    QCOMPARE(item("composer")->property("text").toString(), QStringLiteral("What is 12 + 7?\n"));
    type(window_, "Show the sum.");
    QTest::keyClick(window_, Qt::Key_Return);
    QVERIFY(chat_->generating());
    QCOMPARE(item("composer")->property("text").toString(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(chat_->messages()->data(chat_->messages()->index(1),
                                                      ui::MessageListModel::ReasoningStateRole).toString(),
                              QStringLiteral("streaming"), 5000);
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    QVERIFY(done.wait(10000));
    reasoned_chat_ = chat_->conversationId();
    const auto path = history_->active_path(chat_->conversationId());
    QCOMPARE(path[0].content, std::string("What is 12 + 7?\nShow the sum."));
    QCOMPARE(path[1].reasoning, std::string("Add digit by digit.\n\n2 + 7 = 9."));
    QVERIFY(warnings_.isEmpty());
  }

  void the_inspector_opens_beside_the_chat() {
    QQuickItem* inspector = item("inspector");
    QVERIFY(!inspector->isVisible());
    QMetaObject::invokeMethod(item("chatView"), "inspectRequested", Q_ARG(int, 1));
    QTRY_VERIFY(inspector->isVisible());
    QCOMPARE(chat_->inspector()->rowCount(), 2);
    QVERIFY(warnings_.isEmpty());
    inspector->setVisible(false);
  }

  void escape_stops_generation_ctrl_shift_c_copies_the_answer_and_ctrl_n_starts_a_new_chat() {
    std::vector<std::string> long_answer;
    for (int i = 0; i < 300; ++i) long_answer.push_back("w" + std::to_string(i) + " ");
    {
      std::lock_guard lock(script_->mutex);
      script_->turns.push_back(long_answer);
      script_->delay = 5ms;
    }
    QVERIFY(chat_->send(QStringLiteral("Tell a long story")));
    QTRY_VERIFY_WITH_TIMEOUT(chat_->messages()->data(chat_->messages()->index(3),
                                                     ui::MessageListModel::ContentRole).toString().contains("w2 "), 5000);
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    QTest::keyClick(window_, Qt::Key_Escape);
    // keyClick processes events: the stop may have been handled before it returns.
    QVERIFY(!done.isEmpty() || done.wait(10000));
    QCOMPARE(history_->active_path(chat_->conversationId())[3].status, storage::MessageStatus::Stopped);

    QTest::keyClick(window_, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QString::fromStdString(history_->active_path(chat_->conversationId())[3].content));

    const auto conversation = chat_->conversationId();
    QTest::keyClick(window_, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(chat_->conversationId(), 0);
    chat_->openConversation(conversation);
  }

  void search_results_show_in_the_sidebar() {
    QTest::keyClick(window_, Qt::Key_F, Qt::ControlModifier);
    QQuickItem* search = item("searchField");
    QTRY_VERIFY(search->hasActiveFocus());
    type(window_, "digit");
    QTRY_COMPARE_WITH_TIMEOUT(chat_->search()->rowCount(), 1, 3000);
    search->setProperty("text", QString());
    QVERIFY(warnings_.isEmpty());
  }

  void ctrl_comma_opens_the_settings_and_esc_goes_back_to_the_chat() {
    QTest::keyClick(window_, Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(item("settingsPage")->isVisible());
    QVERIFY(!item("chatView")->isVisible());
    QVERIFY(item("pageBar")->isVisible());
    QTest::keyClick(window_, Qt::Key_Escape);
    QTRY_VERIFY(item("chatView")->isVisible());
    QVERIFY(!item("settingsPage")->isVisible());
    QVERIFY(!item("pageBar")->isVisible());
    QVERIFY(warnings_.isEmpty());
  }

  void the_models_button_opens_the_model_manager_with_the_loaded_model() {
    QTRY_VERIFY(item("modelsButton")->isVisible());
    const QString demo_folder = QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model");
    context_->models().addFolder(demo_folder);  // a folder the user added: its models are listed
    QMetaObject::invokeMethod(item("modelsButton"), "clicked");
    QTRY_VERIFY(item("modelsPage")->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(context_->models().rowCount() == 1 && !context_->models().scanning(), 10000);
    QCOMPARE(context_->models().models().front().path,
             demo_folder + QStringLiteral("/sikao-demo-reasoner-F16.gguf"));
    context_->models().removeFolder(demo_folder);
    QMetaObject::invokeMethod(item("backToChat"), "clicked");
    QTRY_VERIFY(item("chatView")->isVisible());
    QVERIFY(warnings_.isEmpty());
  }

  // Ctrl+B folds the conversations into a rail of icons and back; the choice is kept, and the
  // search shortcut opens the sidebar again.
  void the_sidebar_collapses_to_a_rail_and_back() {
    // Whatever fails below, the next tests get the sidebar back.
    const auto restore = qScopeGuard([this] { context_->settings().setSidebarCollapsed(false); });
    QVERIFY(item("sidebar")->isVisible());
    QVERIFY(!item("sidebarRail")->isVisible());
    QTest::keyClick(window_, Qt::Key_B, Qt::ControlModifier);
    QTRY_VERIFY(item("sidebarRail")->isVisible());
    QVERIFY(!item("sidebar")->isVisible());
    QVERIFY(context_->settings().sidebarCollapsed());
    QTRY_VERIFY(item("chatView")->width() > window_->width() - 100);  // the chat takes the room, once laid out
    QTest::keyClick(window_, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(item("sidebar")->isVisible());
    QVERIFY(!context_->settings().sidebarCollapsed());
    QTRY_VERIFY(item("searchField")->hasActiveFocus());
    QMetaObject::invokeMethod(item("collapseSidebar"), "clicked");
    QTRY_VERIFY(item("sidebarRail")->isVisible());
    QMetaObject::invokeMethod(item("expandSidebar"), "clicked");
    QTRY_VERIFY(item("sidebar")->isVisible());
    QVERIFY(warnings_.isEmpty());
  }

  // Closing the window keeps its geometry for the next start (onClosing: rememberGeometry).
  void closing_the_window_keeps_its_geometry() {
    QVERIFY(context_->settings().windowGeometry().isNull());
    QVERIFY(QMetaObject::invokeMethod(window_, "rememberGeometry"));
    QCOMPARE(context_->settings().windowGeometry().size(), window_->size());
    context_->settings().setWindowGeometry({});
  }

  void the_theme_and_the_font_size_apply_to_the_whole_window() {
    const auto window_colour = [this] {
      return window_->property("palette").value<QObject*>()->property("window").value<QColor>();
    };
    // The palette is the design tokens' scheme; System follows the platform's lightness (light
    // under Xvfb) and still draws Sikao's own colours.
    const auto& design = context_->design();
    QCOMPARE(window_colour(), ui::ColourScheme::light().surface);
    context_->settings().setTheme(ui::Settings::Theme::Dark);
    QTRY_COMPARE(window_colour(), ui::ColourScheme::dark().surface);
    QVERIFY(design.dark());
    QCOMPARE(QGuiApplication::palette().color(QPalette::Text), ui::ColourScheme::dark().text);
    QCOMPARE(item("chatView")->property("background").value<QObject*>()->property("color").value<QColor>(),
             ui::ColourScheme::dark().background);
    shoot("dark-theme");
    context_->settings().setTheme(ui::Settings::Theme::Light);
    QTRY_COMPARE(window_colour(), ui::ColourScheme::light().surface);
    QVERIFY(!design.dark());
    context_->settings().setTheme(ui::Settings::Theme::System);
    QTRY_COMPARE(window_colour(), ui::ColourScheme::light().surface);

    const int before = item("composer")->property("font").value<QFont>().pointSize();
    context_->settings().setFontSize(before + 5);
    QTRY_COMPARE(item("composer")->property("font").value<QFont>().pointSize(), before + 5);
    context_->settings().setFontSize(before);
    QTRY_COMPARE(item("composer")->property("font").value<QFont>().pointSize(), before);
    QVERIFY(warnings_.isEmpty());
  }

  // Settings apply to the next answer and the next load; a chat keeps its own system prompt.
  void the_next_answer_and_the_next_load_use_the_settings() {
    auto& settings = context_->settings();
    settings.setSystemPrompt(QStringLiteral("Answer in one line."));
    settings.setMaxTokens(3);
    settings.setContextLength(4096);
    chat_->newChat();
    QCOMPARE(chat_->systemPrompt(), QStringLiteral("Answer in one line."));
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    QVERIFY(chat_->send(QStringLiteral("Hi")));
    QVERIFY(done.wait(10000));
    {
      std::lock_guard lock(script_->mutex);
      const auto& seen = script_->seen.back();
      QCOMPARE(seen.front().role, std::string("system"));
      QCOMPARE(seen.front().content, std::string("Answer in one line."));
    }
    const auto conversation = chat_->conversationId();
    QCOMPARE(history_->conversation(conversation).system_prompt, std::string("Answer in one line."));
    QCOMPARE(history_->active_path(conversation)[1].stats.generated_tokens, 3);

    chat_->setSystemPrompt(QStringLiteral("用中文回答。"));  // this chat only
    QCOMPARE(history_->conversation(conversation).system_prompt, std::string("用中文回答。"));
    chat_->newChat();
    QCOMPARE(chat_->systemPrompt(), QStringLiteral("Answer in one line."));
    chat_->openConversation(conversation);
    QCOMPARE(chat_->systemPrompt(), QStringLiteral("用中文回答。"));
    settings.setSystemPrompt({});
    settings.setMaxTokens(1024);

    context_->models().load(fake_model());
    QTRY_VERIFY_WITH_TIMEOUT(chat_->canSend(), 5000);
    std::lock_guard lock(script_->mutex);
    QCOMPARE(script_->loads.back().context_length, 4096u);
    QVERIFY(!script_->loads.back().device.has_value());
  }

  // Arabic from the settings: every string translated, the layout mirrored (the sidebar on the
  // right, the inspector on the left), and Arabic and Chinese text in messages and the composer.
  void in_arabic_the_window_is_translated_and_mirrored() {
    const auto x_of = [this](const char* name) { return item(name)->mapToScene({0, 0}).x(); };
    QVERIFY(x_of("sidebar") < x_of("chatView"));
    const QString english = item("settingsButton")->property("text").toString();
    context_->settings().setLanguage(QStringLiteral("ar"));
    QTRY_COMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
    QTRY_VERIFY(x_of("sidebar") > x_of("chatView"));
    QTRY_VERIFY(item("settingsButton")->property("text").toString() != english);
    QCOMPARE(item("settingsButton")->property("text").toString(), QStringLiteral("الإعدادات"));
    chat_->openConversation(reasoned_chat_);
    QMetaObject::invokeMethod(item("chatView"), "inspectRequested", Q_ARG(int, 1));
    QTRY_VERIFY(item("inspector")->isVisible());
    QTRY_VERIFY(x_of("inspector") < x_of("chatView"));
    item("composer")->setProperty("text", QStringLiteral("ما هو ١٢ + ٧؟ 十二加七是多少？"));
    // Arabic and Chinese have fonts (packaging/setup-debian.sh installs Noto) and take space.
    QVERIFY(!QFontDatabase::families(QFontDatabase::Arabic).isEmpty());
    QVERIFY(!QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty());
    QTRY_VERIFY(item("composer")->property("contentWidth").toReal() > 150);
    // Right to left in the dark theme, the inspector open (the real app photographs it light).
    context_->settings().setTheme(ui::Settings::Theme::Dark);
    QTRY_VERIFY(context_->design().dark());
    shoot("arabic-dark");
    context_->settings().setTheme(ui::Settings::Theme::System);
    item("inspector")->setVisible(false);
    item("composer")->setProperty("text", QString());
    context_->settings().setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
    QTRY_VERIFY(x_of("sidebar") < x_of("chatView"));
    QCOMPARE(item("settingsButton")->property("text").toString(), english);
    QVERIFY(warnings_.isEmpty());
  }

  // The view follows a streaming answer until the user scrolls up; then it stays where they put
  // it while the answer grows below, and follows again once they are back at the end.
  void scrolling_up_while_an_answer_streams_stops_following_it() {
    std::vector<std::string> lines;
    for (int i = 0; i < 400; ++i) lines.push_back("line " + std::to_string(i) + "\n\n");
    {
      std::lock_guard lock(script_->mutex);
      script_->turns.push_back(lines);
      script_->delay = 10ms;
    }
    chat_->newChat();
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    QVERIFY(chat_->send(QStringLiteral("Write many lines")));
    QQuickItem* list = item("messageList");
    // At the end, give or take the list's bottom margin.
    const auto at_end = [list] {
      const qreal bottom = list->property("contentY").toReal() - list->property("originY").toReal() + list->height();
      return bottom >= list->property("contentHeight").toReal() - 20;
    };
    QTRY_VERIFY_WITH_TIMEOUT(list->property("contentHeight").toReal() > list->height() * 2, 5000);
    QTRY_VERIFY(at_end());  // following the answer
    QVERIFY(done.isEmpty());

    // Drag the content down: the user scrolls up. The drag starts in the margin beside the
    // reading column: a drag that starts on text selects the text instead.
    const QPoint from = list->mapToScene(QPointF(8, list->height() / 4)).toPoint();
    QTest::mousePress(window_, Qt::LeftButton, {}, from);
    for (int step = 1; step <= 12; ++step) QTest::mouseMove(window_, from + QPoint(0, step * 25), 10);
    // Held still before the release: a drag, not a flick that would travel on by itself.
    QTest::mouseMove(window_, from + QPoint(0, 300), 300);
    QTest::mouseRelease(window_, Qt::LeftButton, {}, from + QPoint(0, 300), 10);
    QTRY_VERIFY(!list->property("moving").toBool());
    QVERIFY(!list->property("stickToBottom").toBool());
    const qreal held = list->property("contentY").toReal();
    const qreal height = list->property("contentHeight").toReal();
    QTRY_VERIFY_WITH_TIMEOUT(list->property("contentHeight").toReal() > height + 50, 5000);  // it grew
    QCOMPARE(list->property("contentY").toReal(), held);
    QVERIFY(!at_end());
    QVERIFY(done.isEmpty());

    // Back at the end, it follows again.
    QMetaObject::invokeMethod(list, "positionViewAtEnd");
    QMetaObject::invokeMethod(list, "movementEnded");
    QVERIFY(list->property("stickToBottom").toBool());
    QVERIFY(done.wait(20000));
    QTRY_VERIFY(at_end());
    QVERIFY(warnings_.isEmpty());
    chat_->newChat();
    QTest::qWait(100);  // the long answer's delegates are gone before the next test measures
  }

  // No UI freeze above 50 ms while an answer streams (600 tokens at ~1 per ms into an answer of
  // 3,000 characters), while a model loads, or while a search runs over thousands of messages.
  void the_ui_thread_never_stalls_while_an_answer_streams() {
    std::vector<std::string> fast;
    for (int i = 0; i < 600; ++i) fast.push_back(i % 40 == 39 ? "\n\n" : "word ");
    {
      std::lock_guard lock(script_->mutex);
      script_->turns.push_back(fast);
      script_->delay = 1ms;
    }
    chat_->newChat();
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    const Stalls s = probe([this] { QVERIFY(chat_->send(QStringLiteral("Stream fast"))); },
                           [&] { return !done.isEmpty(); });
    report("streamed 600 tokens", s);
    QVERIFY(s.frames > 5);  // the window kept presenting while tokens arrived
    QVERIFY2(s.worst_cpu_ms < 50, qPrintable(QString::number(s.worst_cpu_ms)));
  }

  // Issue 14: a 100,000-character answer (1,000 tokens of ~100 characters, at 1 ms each: faster
  // than any model) streams under the same bar: the answer is laid out in pieces and only the last
  // one changes with each token, so the work per token does not grow with the answer.
  void the_ui_thread_never_stalls_while_a_100_kb_answer_streams() {
    const std::string words = "forty-nine characters of a long, long answer, ";
    std::vector<std::string> tokens;
    for (int i = 0; i < 1000; ++i) {
      tokens.push_back(words + (i % 10 == 9 ? std::string("the end of a paragraph of a long answer.\n\n") : words));
    }
    {
      std::lock_guard lock(script_->mutex);
      script_->turns.push_back(tokens);
      script_->delay = 1ms;
    }
    chat_->newChat();
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    const Stalls s = probe([this] { QVERIFY(chat_->send(QStringLiteral("Write at length"))); },
                           [&] { return !done.isEmpty(); });
    report("streamed a 100 KB answer", s);
    QVERIFY(s.frames > 5);
    QVERIFY2(s.worst_cpu_ms < 50, qPrintable(QString::number(s.worst_cpu_ms)));
    const auto path = history_->active_path(chat_->conversationId());
    QVERIFY2(path[1].content.size() > 90'000, qPrintable(QString::number(path[1].content.size()) + " " + QString::fromStdString(path[1].error)));
    QVERIFY(warnings_.isEmpty());
  }

  // Issue 20: a 2,000-token reasoned answer with 50 formulas (10 in the reasoning, 30 inline and
  // 10 display ones in the answer, each streamed in several tokens as models write them) streams
  // under the same bar; the answer shows its formulas as pictures and Copy copies the LaTeX.
  void an_answer_with_50_formulas_streams_without_a_stall_and_shows_them_as_math() {
    const std::vector<std::vector<std::string>> inline_formulas = {
        {" $", "x", "^", "2", " +", " 1", "$"}, {" $\\frac", "{1}", "{2}", "$"},
        {" $\\sqrt", "{a^2", "+b^2}", "$"}, {" $\\binom", "{n}{k}", "$"},
        {" $\\sum_{k=1}", "^{n} k", "$"}};
    const std::vector<std::string> display_formula = {
        "\n\n$$", "\\int_0", "^1 x^2", "\\,dx = ", "\\frac{1}{3}", "$$\n\n"};
    std::vector<std::string> tokens = {"<think>"};
    int formulas = 0;
    const auto add_formula = [&](bool display) {
      const auto& pieces = display ? display_formula : inline_formulas[formulas % inline_formulas.size()];
      tokens.insert(tokens.end(), pieces.begin(), pieces.end());
      ++formulas;
    };
    for (int i = 0; tokens.size() < 2000; ++i) {
      if (formulas == 10 && tokens.size() > 300 && std::find(tokens.begin(), tokens.end(), "</think>") == tokens.end())
        tokens.push_back("</think>");
      if (i % 36 == 35 && formulas < 50) {
        const bool in_answer = formulas >= 10;
        add_formula(in_answer && formulas % 4 == 3 && formulas < 50);
      } else {
        tokens.push_back(i % 120 == 119 ? "\n\n" : " so");  // short: the answer stays under "Show all"
      }
    }
    QCOMPARE(formulas, 50);
    QVERIFY(std::find(tokens.begin(), tokens.end(), "</think>") != tokens.end());
    {
      std::lock_guard lock(script_->mutex);
      script_->turns.push_back(tokens);
      script_->delay = 1ms;
    }
    const int max_tokens = context_->settings().maxTokens();
    context_->settings().setMaxTokens(4096);  // the whole answer
    chat_->newChat();
    const int fallbacks_before = context_->math().fallbacks();
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    const Stalls s = probe([this] { QVERIFY(chat_->send(QStringLiteral("Stream math"))); },
                           [&] { return !done.isEmpty(); });
    report(qPrintable(QStringLiteral("streamed %1 tokens with 50 formulas").arg(tokens.size())), s);
    QVERIFY(s.frames > 5);
    QVERIFY2(s.worst_cpu_ms < 50, qPrintable(QString::number(s.worst_cpu_ms)));
    QCOMPARE(context_->math().fallbacks(), fallbacks_before);
    // The display formulas are pictures of their own; the inline ones are in the paragraphs.
    int display_pictures = 0, paragraphs_with_math = 0;
    const std::function<void(QQuickItem*)> count = [&](QQuickItem* root) {
      if (root->objectName() == QStringLiteral("displayFormula") && root->isVisible() && root->width() > 10) ++display_pictures;
      if (root->isVisible() && root->property("text").toString().contains(QStringLiteral("image://math/t/")))
        ++paragraphs_with_math;
      for (QQuickItem* child : root->childItems()) count(child);
    };
    QTRY_VERIFY_WITH_TIMEOUT((display_pictures = 0, paragraphs_with_math = 0, count(window_->contentItem()),
                              display_pictures == 10 && paragraphs_with_math > 5), 5000);
    qInfo("%d display formulas, %d paragraphs with inline ones", display_pictures, paragraphs_with_math);
    shoot("math-answer");
    chat_->copyLastAnswer();
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY(copied.contains(QStringLiteral("$$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$")));
    QVERIFY(copied.contains(QStringLiteral("$\\frac{1}{2}$")));
    // Ctrl+C on a selection across formulas copies them as LaTeX.
    QQuickItem* paragraph = nullptr;
    const std::function<void(QQuickItem*)> find_paragraph = [&](QQuickItem* root) {
      if (!paragraph && root->isVisible() && root->property("text").toString().contains(QStringLiteral("image://math/t/")))
        paragraph = root;
      for (QQuickItem* child : root->childItems()) find_paragraph(child);
    };
    find_paragraph(window_->contentItem());
    QVERIFY(paragraph);
    paragraph->forceActiveFocus();
    QMetaObject::invokeMethod(paragraph, "selectAll");
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(window_, Qt::Key_C, Qt::ControlModifier);
    const QString selection = QGuiApplication::clipboard()->text();
    QVERIFY2(selection.contains(QLatin1Char('$')) && selection.contains(QStringLiteral(" so so")), qPrintable(selection));
    QVERIFY(!selection.contains(QChar(0xFFFC)));
    QVERIFY(selection.contains(QStringLiteral("$x^2 + 1$")) || selection.contains(QStringLiteral("$\\frac{1}{2}$")) ||
            selection.contains(QStringLiteral("$\\sqrt{a^2+b^2}$")) || selection.contains(QStringLiteral("$\\binom{n}{k}$")) ||
            selection.contains(QStringLiteral("$\\sum_{k=1}^{n} k$")));
    // The reasoning, opened again, shows its formulas as pictures too.
    const std::function<QQuickItem*(QQuickItem*, const char*)> with_property = [&](QQuickItem* root, const char* name) -> QQuickItem* {
      if (root->isVisible() && root->property(name).isValid() && root->property("reasoningState").toString() != QStringLiteral("none"))
        return root;
      for (QQuickItem* child : root->childItems()) {
        if (QQuickItem* found = with_property(child, name)) return found;
      }
      return nullptr;
    };
    QQuickItem* reasoning = with_property(window_->contentItem(), "userExpanded");
    QVERIFY(reasoning);
    reasoning->setProperty("userExpanded", true);
    QTRY_VERIFY(with_property(reasoning, "withMath") &&
                with_property(reasoning, "withMath")->property("withMath").toString().count(QStringLiteral("image://math/t/")) == 10);
    {  // the top of the chat: the question and the reasoning with its formulas
      QQuickItem* list = item("messageList");
      list->setProperty("stickToBottom", false);
      list->setProperty("contentY", list->property("originY"));
      QTRY_VERIFY((reasoning = with_property(window_->contentItem(), "userExpanded")));
      reasoning->setProperty("userExpanded", true);  // the view may have made the item again
      QTRY_VERIFY(with_property(reasoning, "withMath") &&
                  with_property(reasoning, "withMath")->property("withMath").toString().count(QStringLiteral("image://math/t/")) == 10);
      shoot("math-reasoning");
      // Back at the end; the view may have made the message's items again on the way.
      list->setProperty("stickToBottom", true);
      QMetaObject::invokeMethod(list, "positionViewAtEnd");
      reasoning = with_property(window_->contentItem(), "userExpanded");
      QVERIFY(reasoning);
    }
    reasoning->setProperty("userExpanded", false);
    // In the dark theme the formulas are drawn again, in the dark scheme's text colour.
    const QString dark_text = ui::ColourScheme::dark().text.name(QColor::HexArgb).mid(1);
    const auto formulas_in = [&](const QString& colour) {
      int n = 0;
      const std::function<void(QQuickItem*)> visit = [&](QQuickItem* root) {
        if (root->objectName() == QStringLiteral("displayFormula") && root->isVisible() &&
            root->property("source").toString().contains(QLatin1Char('/') + colour + QLatin1Char('/')))
          ++n;
        for (QQuickItem* child : root->childItems()) visit(child);
      };
      visit(window_->contentItem());
      return n;
    };
    QCOMPARE(formulas_in(dark_text), 0);
    context_->settings().setTheme(ui::Settings::Theme::Dark);
    QTRY_COMPARE(formulas_in(dark_text), 10);
    shoot("math-answer-dark");
    context_->settings().setTheme(ui::Settings::Theme::System);
    QTRY_COMPARE(formulas_in(dark_text), 0);
    for (const auto& w : warnings_) qWarning() << w.toString();
    QVERIFY(warnings_.isEmpty());
    context_->settings().setMaxTokens(max_tokens);
    chat_->newChat();
    QTest::qWait(100);
  }

  // Issue 20: a code block names its language in its header, is highlighted in the theme's
  // colours (recoloured when the theme changes) and scrolls sideways instead of wrapping; a block
  // without a language is headed "Code".
  void a_code_block_is_highlighted_and_names_its_language() {
    const QString long_line = QStringLiteral("    values = [") + QStringLiteral("1, ").repeated(150) + QStringLiteral("2]\n");
    {
      std::lock_guard lock(script_->mutex);
      script_->turns.push_back({"Here:\n\n", "```python\n", "def area(r):\n",
                                "    \"\"\"The area;\n", "    if in a docstring.\"\"\"\n",
                                "    return 3.14 * r * r  # circle\n", long_line.toStdString(), "```\n",
                                "\n```\n", "plain words\n", "```"});
      script_->delay = 1ms;
    }
    chat_->newChat();
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    QVERIFY(chat_->send(QStringLiteral("The area of a circle in Python?")));
    QVERIFY(done.wait(10000));
    QTRY_COMPARE(visible_items("codeText").size(), 2);
    QStringList headers;
    for (QQuickItem* label : visible_items("codeLanguageLabel")) headers << label->property("text").toString();
    headers.sort();
    QCOMPARE(headers, QStringList({QStringLiteral("Code"), QStringLiteral("Python")}));

    QQuickItem* python = nullptr;
    for (QQuickItem* code : visible_items("codeText")) {
      if (code->property("text").toString().startsWith(QStringLiteral("def"))) python = code;
    }
    QVERIFY(python);
    QTextDocument* document = python->property("textDocument").value<QQuickTextDocument*>()->textDocument();
    const auto colour_at = [document](const QString& piece) { return format_colour_at(document, piece); };
    using ui::code::TokenClass;
    const bool dark = context_->design().dark();
    QCOMPARE(colour_at(QStringLiteral("def")), ui::code_token_colour(TokenClass::Keyword, dark));
    QCOMPARE(colour_at(QStringLiteral("if in a docstring")), ui::code_token_colour(TokenClass::String, dark));
    QCOMPARE(colour_at(QStringLiteral("3.14")), ui::code_token_colour(TokenClass::Number, dark));
    QCOMPARE(colour_at(QStringLiteral("# circle")), ui::code_token_colour(TokenClass::Comment, dark));
    QCOMPARE(colour_at(QStringLiteral("area")), ui::code_token_colour(TokenClass::Function, dark));
    QCOMPARE(colour_at(QStringLiteral("values")), QColor());  // a plain name: no format

    shoot(dark ? "code-answer-dark" : "code-answer");
    context_->settings().setTheme(dark ? ui::Settings::Theme::Light : ui::Settings::Theme::Dark);
    QTRY_COMPARE(colour_at(QStringLiteral("def")), ui::code_token_colour(TokenClass::Keyword, !dark));
    shoot(dark ? "code-answer" : "code-answer-dark");
    context_->settings().setTheme(ui::Settings::Theme::System);
    QTRY_COMPARE(colour_at(QStringLiteral("def")), ui::code_token_colour(TokenClass::Keyword, dark));

    // The long line is one line, wider than the block, which scrolls.
    QQuickItem* scroller = python->parentItem()->parentItem();
    QCOMPARE(scroller->objectName(), QStringLiteral("codeScroller"));
    QCOMPARE(document->blockCount(), 5);
    QVERIFY2(scroller->property("contentWidth").toReal() > scroller->width(),
             qPrintable(QStringLiteral("%1 <= %2").arg(scroller->property("contentWidth").toReal()).arg(scroller->width())));
    QTRY_VERIFY(find(scroller->parentItem(), QStringLiteral("codeScrollBar")));
    for (QQuickItem* code : visible_items("codeText")) {  // the short block needs no scroll bar
      if (code != python) QVERIFY(!find(code->parentItem()->parentItem()->parentItem(), QStringLiteral("codeScrollBar")));
    }
    QVERIFY(warnings_.isEmpty());
  }

  // A code block longer than a piece (ChatController::segments) is shown in several text items;
  // a docstring cut by a piece boundary goes on as a string in the next piece, and the code
  // after it is code again.
  void a_long_code_blocks_later_pieces_begin_inside_the_string_before_them() {
    std::vector<std::string> answer = {"```python\n", "def f():\n", "    \"\"\"A docstring\n"};
    for (int i = 0; i < 80; ++i) answer.push_back("    line " + std::to_string(i) + " of it, with if and for\n");
    answer.insert(answer.end(), {"    \"\"\"\n", "    return 1\n", "```"});
    {
      std::lock_guard lock(script_->mutex);
      script_->turns.push_back(answer);
      script_->delay = 1ms;
    }
    chat_->newChat();
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    QVERIFY(chat_->send(QStringLiteral("A long docstring")));
    QVERIFY(done.wait(10000));
    QTRY_VERIFY(visible_items("codeText").size() >= 2);
    QTextDocument* last = nullptr;
    for (QQuickItem* code : visible_items("codeText")) {
      if (code->property("text").toString().contains(QStringLiteral("return 1"))) {
        last = code->property("textDocument").value<QQuickTextDocument*>()->textDocument();
      }
    }
    QVERIFY(last);
    QVERIFY(!last->toPlainText().contains(QStringLiteral("A docstring")));  // a later piece
    const auto colour_at = [last](const QString& piece) { return format_colour_at(last, piece); };
    using ui::code::TokenClass;
    const bool dark = context_->design().dark();
    QCOMPARE(colour_at(QStringLiteral("if and for")), ui::code_token_colour(TokenClass::String, dark));
    QCOMPARE(colour_at(QStringLiteral("return")), ui::code_token_colour(TokenClass::Keyword, dark));
    QVERIFY(warnings_.isEmpty());
  }

  // A long code answer (C++ with block comments over lines) streams into its highlighted blocks
  // under the same bar as prose.
  void the_ui_thread_never_stalls_while_a_long_code_answer_streams() {
    std::vector<std::string> code = {"```cpp\n"};
    for (int i = 0; i < 600; ++i) {
      const std::string n = std::to_string(i);
      code.push_back(i % 10 == 9 ? "/* a comment\n   over two lines */\n"
                                 : "  total += weigh(values[" + n + "], \"item " + n + "\", 0x" + n + ");  // step\n");
    }
    code.push_back("```\n");
    {
      std::lock_guard lock(script_->mutex);
      script_->turns.push_back(code);
      script_->delay = 1ms;
    }
    chat_->newChat();
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    const Stalls s = probe([this] { QVERIFY(chat_->send(QStringLiteral("Stream code"))); },
                           [&] { return !done.isEmpty(); });
    report("streamed 600 lines of highlighted code", s);
    QVERIFY(s.frames > 5);
    QVERIFY2(s.worst_cpu_ms < 50, qPrintable(QString::number(s.worst_cpu_ms)));
    QVERIFY(!visible_items("codeText").isEmpty());
    shoot("code-long-answer");
    QVERIFY(warnings_.isEmpty());
  }

  void the_ui_thread_never_stalls_while_a_model_loads() {
    const Stalls s = probe([this] { context_->models().load(fake_model()); },
                           [this] { return context_->models().state() == ui::ModelManager::State::Loaded; });
    report("loaded a model", s);
    QVERIFY(chat_->canSend());
    QVERIFY2(s.worst_cpu_ms < 50, qPrintable(QString::number(s.worst_cpu_ms)));
  }

  void the_ui_thread_never_stalls_while_a_search_runs() {
    // 100 copies of a 30-message chat: 3,000 messages more in the history.
    storage::NewConversation c;
    c.title = "Long chat";
    const int64_t id = history_->create_conversation(c);
    std::optional<int64_t> parent;
    for (int i = 0; i < 30; ++i) {
      storage::NewMessage m;
      m.conversation_id = id;
      m.parent_id = parent;
      m.role = i % 2 ? storage::Role::Assistant : storage::Role::User;
      m.content = "Message " + std::to_string(i) + " about carrying digits when adding numbers, "
                  "and about how the model reasons through each column before answering.";
      parent = history_->append_message(m);
    }
    const std::string json = history_->export_json({id});
    for (int copy = 0; copy < 99; ++copy) history_->import_json(json);
    chat_->conversations()->reload();
    QQuickItem* search = item("searchField");
    const Stalls s = probe([search] { search->setProperty("text", QStringLiteral("carrying")); },
                           [this] { return chat_->search()->rowCount() > 0; });
    report("searched 3,000 messages", s);
    QVERIFY2(s.worst_cpu_ms < 50, qPrintable(QString::number(s.worst_cpu_ms)));
    search->setProperty("text", QString());
    QVERIFY(warnings_.isEmpty());
  }

  // Issue 14: a megabyte-long message (paragraphs, and one 200,000-character line with no break
  // at all) is sent, shown and reopened without a stall; it shows collapsed, and "Show all" adds
  // the rest a few thousand characters per tick. Before, 50 KB froze the window for minutes.
  void a_megabyte_message_is_sent_reopened_and_shown_whole_without_a_stall() {
    const QString big = megabyte_document();
    {
      std::lock_guard lock(script_->mutex);
      script_->turns.push_back({"Short", " answer."});
      script_->delay = 1ms;
    }
    chat_->newChat();
    QTest::qWait(50);
    QQuickItem* list = item("messageList");
    // Every message has one; only a long message's is visible.
    const std::function<QQuickItem*(QQuickItem*)> visible_button = [&](QQuickItem* root) -> QQuickItem* {
      if (root->objectName() == QStringLiteral("showAllButton") && root->isVisible()) return root;
      for (QQuickItem* child : root->childItems()) {
        if (QQuickItem* found = visible_button(child)) return found;
      }
      return nullptr;
    };
    const auto show_all_button = [&] { return visible_button(window_->contentItem()); };
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    const Stalls sent = probe([&] { QVERIFY(chat_->send(big)); },
                              [&] { return !done.isEmpty() && show_all_button(); });
    report("sent a 1 MB message", sent);
    QCOMPARE(QString::fromStdString(history_->active_path(chat_->conversationId())[0].content), big);
    QVERIFY(sent.frames > 0);
    QVERIFY2(sent.worst_cpu_ms < 50, qPrintable(QString::number(sent.worst_cpu_ms)));

    const auto conversation = chat_->conversationId();
    chat_->newChat();
    QTRY_VERIFY(!show_all_button());
    const Stalls reopened = probe([&] { chat_->openConversation(conversation); },
                                  [&] { return show_all_button() != nullptr; });
    report("reopened a chat with a 1 MB message", reopened);
    QVERIFY2(reopened.worst_cpu_ms < 50, qPrintable(QString::number(reopened.worst_cpu_ms)));
    QVERIFY(list->property("contentHeight").toReal() < 20000);  // collapsed: a few screens at most

    QQuickItem* button = show_all_button();
    QQuickItem* message = button->parentItem();
    QVERIFY(!find(message, QStringLiteral("longMessageView")));  // made when needed
    QQuickItem* box = nullptr;
    const Stalls expanded = probe([&] { QMetaObject::invokeMethod(button, "clicked"); }, [&] {
      box = find(message, QStringLiteral("longMessageView"));
      return box && box->isVisible() && box->property("count").toInt() > 100;
    });
    report("showed all of a 1 MB message", expanded);
    QVERIFY(message->property("expanded").toBool());
    QVERIFY2(expanded.worst_cpu_ms < 50, qPrintable(QString::number(expanded.worst_cpu_ms)));
    // The box is at most most of the window high, and holds items only for what is in sight.
    QVERIFY(box->height() <= window_->height());
    const auto created = [box] {
      int n = 0;
      for (QQuickItem* child : box->property("contentItem").value<QQuickItem*>()->childItems()) n += child->isVisible();
      return n;
    };
    QVERIFY2(created() < 60, qPrintable(QString::number(created())));
    const auto last_piece_shown = [box] {
      QQuickItem* last = nullptr;
      QMetaObject::invokeMethod(box, "itemAtIndex", Q_RETURN_ARG(QQuickItem*, last),
                                Q_ARG(int, box->property("count").toInt() - 1));
      return last != nullptr;
    };
    QVERIFY(!last_piece_shown());
    const Stalls scrolled = probe([&] { QMetaObject::invokeMethod(box, "positionViewAtEnd"); }, last_piece_shown);
    report("scrolled to the end of a 1 MB message", scrolled);
    QVERIFY2(scrolled.worst_cpu_ms < 50, qPrintable(QString::number(scrolled.worst_cpu_ms)));
    QVERIFY2(created() < 60, qPrintable(QString::number(created())));
    QMetaObject::invokeMethod(button, "clicked");  // Show less
    QTRY_VERIFY(!find(message, QStringLiteral("longMessageView")));
    QVERIFY(list->property("contentHeight").toReal() < 20000);
    QVERIFY(warnings_.isEmpty());
    chat_->newChat();
    QTest::qWait(100);
  }

  // Issue 14: a megabyte pasted into the composer waits above it as a card (its first words, its
  // lines and characters) instead of being laid out in the box; Enter sends the typed words and
  // the paste as one message; the close button leaves a paste out. A short paste goes into the
  // box as before.
  void a_megabyte_paste_waits_as_a_card_and_is_sent_with_the_typed_words() {
    const QString big = megabyte_document();
    {
      std::lock_guard lock(script_->mutex);
      script_->turns.push_back({"Short", " answer."});
      script_->delay = 1ms;
    }
    chat_->newChat();
    QQuickItem* composer = item("composer");
    composer->forceActiveFocus();
    QTRY_VERIFY(composer->hasActiveFocus());
    QGuiApplication::clipboard()->setText(QStringLiteral("a short paste"));
    QTest::keySequence(window_, QKeySequence::Paste);
    QTRY_COMPARE(composer->property("text").toString(), QStringLiteral("a short paste"));
    QVERIFY(visible_items("attachedText").isEmpty());
    composer->setProperty("text", QString());

    QGuiApplication::clipboard()->setText(big);
    const Stalls pasted = probe([&] { QTest::keySequence(window_, QKeySequence::Paste); },
                                [&] { return !visible_items("attachedText").isEmpty(); });
    report("pasted 1 MB into the composer", pasted);
    QVERIFY2(pasted.worst_cpu_ms < 50, qPrintable(QString::number(pasted.worst_cpu_ms)));
    QCOMPARE(composer->property("text").toString(), QString());
    const QString preview = visible_items("attachedTextPreview").first()->property("text").toString();
    QVERIFY2(preview.startsWith(QStringLiteral("Sentence 0 of a pasted document. Sentence 1")), qPrintable(preview));
    QVERIFY(item("sendButton")->isEnabled());  // a paste alone is a message

    QTest::keySequence(window_, QKeySequence::Paste);  // twice by mistake: the second is taken out
    QTRY_COMPARE(visible_items("attachedText").size(), 2);
    QMetaObject::invokeMethod(visible_items("removeAttachedText").last(), "clicked");
    QTRY_COMPARE(visible_items("attachedText").size(), 1);

    type(window_, "Summarise this");
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    const Stalls sent = probe([&] { QTest::keyClick(window_, Qt::Key_Return); }, [&] { return !done.isEmpty(); });
    report("sent the typed words and the 1 MB paste", sent);
    QVERIFY2(sent.worst_cpu_ms < 50, qPrintable(QString::number(sent.worst_cpu_ms)));
    QCOMPARE(QString::fromStdString(history_->active_path(chat_->conversationId())[0].content),
             QStringLiteral("Summarise this\n\n") + big);
    QVERIFY(visible_items("attachedText").isEmpty());
    QCOMPARE(composer->property("text").toString(), QString());
    QVERIFY(warnings_.isEmpty());
  }

  // Issue 14: Edit on a megabyte question puts its first paragraph in the box and keeps the
  // rest as a card, without a stall (the whole question in a text box held the window for over a
  // second); sent unchanged, the new branch asks the same bytes.
  void a_megabyte_question_is_edited_as_its_first_paragraph_and_a_card() {
    const QString question = QStringLiteral("Summarise this\n\n") + megabyte_document();
    {
      std::lock_guard lock(script_->mutex);
      script_->turns.push_back({"Short", " answer."});
      script_->delay = 1ms;
    }
    chat_->newChat();
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    QVERIFY(chat_->send(question));
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 20000);
    QTRY_VERIFY(!visible_items("editButton").isEmpty());
    QQuickItem* edit = visible_items("editButton").first();
    const Stalls opened = probe([&] { QMetaObject::invokeMethod(edit, "clicked"); },
                                [&] { return !visible_items("editArea").isEmpty(); });
    report("opened a 1 MB question for editing", opened);
    QVERIFY2(opened.worst_cpu_ms < 50, qPrintable(QString::number(opened.worst_cpu_ms)));
    QCOMPARE(visible_items("editArea").first()->property("text").toString(), QStringLiteral("Summarise this"));
    QCOMPARE(visible_items("attachedText").size(), 1);

    done.clear();
    const auto conversation = chat_->conversationId();
    QMetaObject::invokeMethod(visible_items("editSendButton").first(), "clicked");
    QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 20000);
    const auto path = history_->active_path(conversation);
    QCOMPARE(QString::fromStdString(path[0].content), question);
    QCOMPARE(path.size(), size_t{2});  // the edited question and its answer
    QTRY_VERIFY(visible_items("attachedText").isEmpty());
    QVERIFY(warnings_.isEmpty());
  }

  // The composer offers what the model's template takes: the switch (enable_thinking), the
  // effort levels (gpt-oss), or nothing where the model always reasons; the chosen effort is
  // stored with the chat and reaches the template's variables.
  void the_composer_offers_the_models_own_thinking_control() {
    using Kind = chat::ThinkingControl::Kind;
    const auto reload = [&](chat::ThinkingControl control) {
      {
        std::lock_guard lock(script_->mutex);
        script_->thinking = std::move(control);
      }
      context_->models().load(fake_model());
      return QTest::qWaitFor([&] { return context_->models().state() == ui::ModelManager::State::Loaded; }, 5000);
    };
    QQuickItem* toggle = item("thinkingSwitch");
    QQuickItem* effort = item("reasoningEffort");

    QVERIFY(reload({Kind::None, {}, {}, {}}));  // a model that always reasons (DeepSeek-R1 distills)
    QTRY_VERIFY(!toggle->isVisible());
    QVERIFY(!effort->isVisible());

    QVERIFY(reload({Kind::Effort, "reasoning_effort", {"low", "medium", "high"}, "medium"}));
    QTRY_VERIFY(effort->isVisible());
    QVERIFY(!toggle->isVisible());
    QCOMPARE(effort->property("displayText").toString(), QStringLiteral("Medium"));  // the template's default
    chat_->newChat();
    QVERIFY(QMetaObject::invokeMethod(effort, "activated", Q_ARG(int, 2)));
    QCOMPARE(chat_->reasoningEffort(), QStringLiteral("high"));
    QTRY_COMPARE(effort->property("displayText").toString(), QStringLiteral("High"));
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    QVERIFY(chat_->send(QStringLiteral("Think hard")));
    QVERIFY(done.wait(10000));
    {
      std::lock_guard lock(script_->mutex);
      const chat::jinja::Dict& sent = script_->thinking_variables_seen.back();
      QCOMPARE(sent.size(), size_t(1));
      QCOMPARE(sent[0].first.as_string(), std::string("reasoning_effort"));
      QCOMPARE(sent[0].second.as_string(), std::string("high"));
    }
    const QJsonObject stored = QJsonDocument::fromJson(QByteArray::fromStdString(
        history_->conversation(chat_->conversationId()).settings_json)).object();
    QCOMPARE(stored.value("reasoning_effort").toString(), QStringLiteral("high"));
    chat_->newChat();
    QCOMPARE(chat_->reasoningEffort(), QStringLiteral("medium"));  // a new chat: the default

    QVERIFY(reload({Kind::Switch, "enable_thinking", {}, {}}));
    QTRY_VERIFY(toggle->isVisible());
    QVERIFY(!effort->isVisible());
    QVERIFY(warnings_.isEmpty());
  }

  // Issue 15: under an answer cut by the context, and only there, the window offers to go on in
  // a new chat whose first answer is the model's summary of this one.
  void an_answer_cut_by_the_context_offers_a_new_chat_with_a_summary() {
    {
      std::lock_guard lock(script_->mutex);
      script_->turns = {std::vector<std::string>(400, "z"), {"A", " summary."}};
      script_->next = 0;
      script_->delay = 1ms;
      script_->context_length = 200;
    }
    chat_->newChat();
    QSignalSpy done(chat_, &ui::ChatController::generationFinished);
    QVERIFY(chat_->send(QStringLiteral("Fill the context")));
    QVERIFY(done.wait(10000));
    {
      std::lock_guard lock(script_->mutex);
      script_->context_length = 2048;
    }
    const qint64 full = chat_->conversationId();
    QCOMPARE(history_->active_path(full)[1].error, std::string("context full"));
    QTRY_COMPARE(visible_items("continueWithSummaryButton").size(), 1);
    QVERIFY(QMetaObject::invokeMethod(visible_items("continueWithSummaryButton").first(), "clicked"));
    QVERIFY(done.wait(10000));
    QVERIFY(chat_->conversationId() != full);
    QCOMPARE(history_->active_path(chat_->conversationId())[1].content, std::string("A summary."));
    QTRY_COMPARE(visible_items("continueWithSummaryButton").size(), 0);  // not under a complete answer
    chat_->openConversation(reasoned_chat_);  // nor under one the user stopped
    QTRY_VERIFY(chat_->messages()->rowCount() >= 4);
    QTest::qWait(50);
    QCOMPARE(visible_items("continueWithSummaryButton").size(), 0);
    QVERIFY(warnings_.isEmpty());
  }

  void cleanupTestCase() {
    engine_.reset();
    context_.reset();
  }
};

QTEST_MAIN(TestChatWindow)
#include "tst_chat_window.moc"
