// Settings: defaults are the engine's, values survive a restart (a second object on the same
// file), out-of-range and garbage values are clamped on write and on read, and the sampler's
// parameters are what the user chose.

#include <QtTest>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <cmath>
#include <limits>

#include "engine.h"
#include "settings/settings.h"

using sikao::ui::Settings;

namespace {

std::unique_ptr<QSettings> ini(const QString& path) {
  return std::make_unique<QSettings>(path, QSettings::IniFormat);
}

} // namespace

class TestSettings : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }

 private slots:
  void defaults_are_the_engines_defaults() {
    Settings s(ini(path("defaults.ini")));
    const sikao::sampling::SamplingParams d;
    QCOMPARE(float(s.temperature()), d.temperature);
    QCOMPARE(s.topK(), d.top_k);
    QCOMPARE(float(s.topP()), d.top_p);
    QCOMPARE(float(s.minP()), d.min_p);
    QCOMPARE(float(s.repetitionPenalty()), d.repetition_penalty);
    QCOMPARE(s.seed(), int(d.seed));
    QCOMPARE(s.maxTokens(), sikao::GenerateOptions{}.max_tokens);
    QCOMPARE(s.contextLength(), int(sikao::LoadOptions{}.context_length));
    QCOMPARE(s.device(), -1);
    QCOMPARE(s.deviceMemoryBudgetMb(), 0);
    QVERIFY(!sikao::LoadOptions{}.device_memory_budget);
    QCOMPARE(s.theme(), Settings::Theme::System);
    QCOMPARE(s.language(), QString());
    QVERIFY(s.randomSeed());
  }

  void every_setting_survives_a_restart() {
    const QString file = path("roundtrip.ini");
    {
      Settings s(ini(file));
      s.setTemperature(0.25);
      s.setTopK(7);
      s.setTopP(0.5);
      s.setMinP(0.125);
      s.setRepetitionPenalty(1.25);
      s.setRandomSeed(false);
      s.setSeed(1234);
      s.setMaxTokens(99);
      s.setContextLength(2048);
      s.setSystemPrompt(QStringLiteral("Réponds en français. 用中文回答。"));
      s.setTheme(Settings::Theme::Dark);
      s.setLanguage(QStringLiteral("ar"));
      s.setFontSize(14);
      s.setDevice(1);
      s.setDeviceMemoryBudgetMb(6000);
    }
    Settings s(ini(file));
    QCOMPARE(s.temperature(), 0.25);
    QCOMPARE(s.topK(), 7);
    QCOMPARE(s.topP(), 0.5);
    QCOMPARE(s.minP(), 0.125);
    QCOMPARE(s.repetitionPenalty(), 1.25);
    QVERIFY(!s.randomSeed());
    QCOMPARE(s.seed(), 1234);
    QCOMPARE(s.maxTokens(), 99);
    QCOMPARE(s.contextLength(), 2048);
    QCOMPARE(s.systemPrompt(), QStringLiteral("Réponds en français. 用中文回答。"));
    QCOMPARE(s.theme(), Settings::Theme::Dark);
    QCOMPARE(s.language(), QStringLiteral("ar"));
    QCOMPARE(s.fontSize(), 14);
    QCOMPARE(s.device(), 1);
    QCOMPARE(s.deviceMemoryBudgetMb(), 6000);
  }

  void setters_clamp_to_the_offered_ranges() {
    using L = Settings::Limits;
    Settings s(ini(path("clamp.ini")));
    s.setTemperature(-1.0);
    QCOMPARE(s.temperature(), 0.0);
    s.setTemperature(50.0);
    QCOMPARE(s.temperature(), L::temperature_max);
    s.setTemperature(std::numeric_limits<double>::quiet_NaN());
    QCOMPARE(s.temperature(), L::temperature_max);  // NaN is ignored, the value stays
    s.setTopK(-5);
    QCOMPARE(s.topK(), 0);
    s.setTopK(1 << 30);
    QCOMPARE(s.topK(), L::top_k_max);
    s.setTopP(1.5);
    QCOMPARE(s.topP(), 1.0);
    s.setMinP(-0.1);
    QCOMPARE(s.minP(), 0.0);
    s.setRepetitionPenalty(0.0);
    QCOMPARE(s.repetitionPenalty(), L::repetition_penalty_min);
    s.setRepetitionPenalty(9.0);
    QCOMPARE(s.repetitionPenalty(), L::repetition_penalty_max);
    s.setSeed(-3);
    QCOMPARE(s.seed(), 0);
    s.setMaxTokens(0);
    QCOMPARE(s.maxTokens(), 1);
    s.setMaxTokens(1 << 30);
    QCOMPARE(s.maxTokens(), L::max_tokens_max);
    s.setContextLength(5);  // nonzero: at least the minimum; 0 stays "the model's own"
    QCOMPARE(s.contextLength(), L::context_length_min);
    s.setContextLength(-7);
    QCOMPARE(s.contextLength(), 0);
    s.setContextLength(1 << 30);
    QCOMPARE(s.contextLength(), L::context_length_max);
    s.setFontSize(2);
    QCOMPARE(s.fontSize(), L::font_size_min);
    s.setFontSize(300);
    QCOMPARE(s.fontSize(), L::font_size_max);
    s.setDevice(-9);
    QCOMPARE(s.device(), -1);
    s.setDeviceMemoryBudgetMb(-9);  // 0: the engine's default
    QCOMPARE(s.deviceMemoryBudgetMb(), 0);
    s.setDeviceMemoryBudgetMb(1 << 30);
    QCOMPARE(s.deviceMemoryBudgetMb(), L::device_memory_budget_mb_max);
    s.setSystemPrompt(QString(L::system_prompt_max_chars + 10, QChar('x')));
    QCOMPARE(s.systemPrompt().size(), L::system_prompt_max_chars);
  }

  void a_hand_edited_file_is_clamped_on_read() {
    const QString file = path("edited.ini");
    {
      QSettings raw(file, QSettings::IniFormat);
      raw.setValue("sampling/temperature", "hot");
      raw.setValue("sampling/topK", -40);
      raw.setValue("sampling/topP", 7.5);
      raw.setValue("sampling/minP", "nan");
      raw.setValue("sampling/maxTokens", "lots");
      raw.setValue("engine/contextLength", 3);
      raw.setValue("appearance/theme", "purple");
      raw.setValue("appearance/fontSize", 1000);
    }
    Settings s(ini(file));
    const sikao::sampling::SamplingParams d;
    QCOMPARE(float(s.temperature()), d.temperature);
    QCOMPARE(s.topK(), 0);
    QCOMPARE(s.topP(), 1.0);
    QCOMPARE(float(s.minP()), d.min_p);
    QCOMPARE(s.maxTokens(), sikao::GenerateOptions{}.max_tokens);
    QCOMPARE(s.contextLength(), Settings::Limits::context_length_min);
    QCOMPARE(s.theme(), Settings::Theme::System);
    QCOMPARE(s.fontSize(), Settings::Limits::font_size_max);
  }

  void changed_is_emitted_only_for_a_real_change() {
    Settings s(ini(path("signals.ini")));
    QSignalSpy changed(&s, &Settings::changed);
    s.setTopK(s.topK());
    s.setTheme(s.theme());
    QCOMPARE(changed.count(), 0);
    s.setTopK(s.topK() + 1);
    s.setTheme(Settings::Theme::Light);
    QCOMPARE(changed.count(), 2);
  }

  void sampling_params_carry_the_chosen_values() {
    Settings s(ini(path("sampling.ini")));
    s.setTemperature(0.0);
    s.setTopK(3);
    s.setTopP(0.75);
    s.setMinP(0.2);
    s.setRepetitionPenalty(1.5);
    s.setRandomSeed(false);
    s.setSeed(42);
    const sikao::sampling::SamplingParams p = s.samplingParams();
    QCOMPARE(p.temperature, 0.0f);
    QCOMPARE(p.top_k, 3);
    QCOMPARE(p.top_p, 0.75f);
    QCOMPARE(p.min_p, 0.2f);
    QCOMPARE(p.repetition_penalty, 1.5f);
    QCOMPARE(p.seed, uint64_t(42));
    // Settings the page does not offer keep the engine's defaults.
    const sikao::sampling::SamplingParams d;
    QCOMPARE(p.frequency_penalty, d.frequency_penalty);
    QCOMPARE(p.presence_penalty, d.presence_penalty);
    QCOMPARE(p.penalty_last_n, d.penalty_last_n);
  }

  void random_seed_draws_a_new_seed_per_generation() {
    Settings s(ini(path("random.ini")));
    s.setRandomSeed(true);
    s.setSeed(42);
    const uint64_t a = s.samplingParams().seed;
    const uint64_t b = s.samplingParams().seed;
    QVERIFY(a != b);  // 2^-64 chance of a false failure
  }

  void reset_sampling_restores_the_engine_defaults() {
    Settings s(ini(path("reset.ini")));
    s.setTemperature(1.9);
    s.setTopK(1);
    s.setMaxTokens(5);
    s.setLanguage(QStringLiteral("ja"));
    s.resetSampling();
    const sikao::sampling::SamplingParams d;
    QCOMPARE(float(s.temperature()), d.temperature);
    QCOMPARE(s.topK(), d.top_k);
    QCOMPARE(s.maxTokens(), sikao::GenerateOptions{}.max_tokens);
    QCOMPARE(s.language(), QStringLiteral("ja"));  // not a sampling setting
  }

  // The window comes back where the user left it; a broken or tiny geometry is held to the
  // layout's minimum, and no geometry at all means "first start".
  void the_window_geometry_and_the_sidebar_are_remembered() {
    {
      Settings s(ini(path("window.ini")));
      QVERIFY(s.windowGeometry().isNull());
      QVERIFY(!s.sidebarCollapsed());
      s.setWindowGeometry(QRect(-40, 30, 1300, 900));
      s.setSidebarCollapsed(true);
    }
    {
      Settings s(ini(path("window.ini")));
      QCOMPARE(s.windowGeometry(), QRect(-40, 30, 1300, 900));  // a screen left of the primary
      QVERIFY(s.sidebarCollapsed());
      s.setWindowGeometry(QRect(10, 10, 100, 50));
      QCOMPARE(s.windowGeometry().size(),
               QSize(Settings::Limits::window_width_min, Settings::Limits::window_height_min));
      s.setWindowGeometry(QRect());
      QVERIFY(s.windowGeometry().isNull());
    }
    {
      auto store = ini(path("window-broken.ini"));
      store->setValue(QStringLiteral("window/geometry"), QStringLiteral("not a rectangle"));
      store->setValue(QStringLiteral("window/sidebarCollapsed"), QStringLiteral("maybe"));
      Settings s(std::move(store));
      QVERIFY(s.windowGeometry().isNull());
      QVERIFY(!s.sidebarCollapsed());
    }
  }

  void range_reports_the_limits_for_the_page() {
    Settings s(ini(path("range.ini")));
    QCOMPARE(s.range("temperature").value("max").toDouble(), Settings::Limits::temperature_max);
    QCOMPARE(s.range("topK").value("max").toInt(), Settings::Limits::top_k_max);
    QVERIFY(s.range("noSuchSetting").isEmpty());
  }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
