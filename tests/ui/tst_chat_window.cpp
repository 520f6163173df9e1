// The chat window itself (Main.qml and its parts; chat_window_fixture.h): it loads without a QML
// warning, with no model it shows the first-run page, a load through the model manager reaches
// the chat, the composer sends on Enter and breaks lines on Shift+Enter, the shortcuts act, a
// reasoned answer streams into the window, the inspector and search results show, the settings
// page opens and its theme, font size and sampling apply, in Arabic the whole window is
// translated and mirrored, the view follows a streaming answer until the user scrolls up, the
// composer offers the model's own thinking control, and an answer cut by the context offers a
// new chat with a summary. What the chat shows (streaming, formulas, code, megabyte messages) is
// tst_chat_content. The first-run and dark-theme screenshots go to $SIKAO_SCREENSHOT_DIR when
// set (the real app photographs the other states itself: sikao --screenshots, see
// tests/ui/make_screenshots.sh).

#include "chat_window_fixture.h"

using namespace sikao;
using namespace sikao::test;
using namespace std::chrono_literals;

class TestChatWindow : public ChatWindowFixture {
  Q_OBJECT

  qint64 reasoned_chat_ = 0;  // the chat with the reasoned answer

 private slots:
  void initTestCase() { open_window({k_answer}); }


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

  void cleanupTestCase() { close_window(); }
};

QTEST_MAIN(TestChatWindow)
#include "tst_chat_window.moc"
