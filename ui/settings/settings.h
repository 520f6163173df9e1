#pragma once
// The user's settings, stored in QSettings: sampling, the default system prompt, appearance,
// language and the Vulkan device. Defaults come from the engine's own structs
// (sampling::SamplingParams, GenerateOptions, LoadOptions), so the app and sikao-cli agree.
// Every setter and every value read back from the file is clamped to the range the UI offers:
// a hand-edited or stale settings file can never reach the engine out of range.

#include <QObject>
#include <QRect>
#include <QSettings>
#include <QString>
#include <memory>

#include "sampling/sampler.h"

namespace sikao::ui {

class Settings : public QObject {
  Q_OBJECT
  Q_PROPERTY(double temperature READ temperature WRITE setTemperature NOTIFY changed)
  Q_PROPERTY(int topK READ topK WRITE setTopK NOTIFY changed)
  Q_PROPERTY(double topP READ topP WRITE setTopP NOTIFY changed)
  Q_PROPERTY(double minP READ minP WRITE setMinP NOTIFY changed)
  Q_PROPERTY(double repetitionPenalty READ repetitionPenalty WRITE setRepetitionPenalty NOTIFY changed)
  Q_PROPERTY(bool randomSeed READ randomSeed WRITE setRandomSeed NOTIFY changed)
  Q_PROPERTY(int seed READ seed WRITE setSeed NOTIFY changed)
  Q_PROPERTY(int maxTokens READ maxTokens WRITE setMaxTokens NOTIFY changed)
  Q_PROPERTY(int contextLength READ contextLength WRITE setContextLength NOTIFY changed)
  Q_PROPERTY(QString systemPrompt READ systemPrompt WRITE setSystemPrompt NOTIFY changed)
  Q_PROPERTY(Theme theme READ theme WRITE setTheme NOTIFY changed)
  Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
  Q_PROPERTY(int fontSize READ fontSize WRITE setFontSize NOTIFY changed)
  Q_PROPERTY(int device READ device WRITE setDevice NOTIFY changed)
  // The window as the user left it: its geometry (a null rect before the first close) and
  // whether the conversation sidebar is collapsed.
  Q_PROPERTY(QRect windowGeometry READ windowGeometry WRITE setWindowGeometry NOTIFY changed)
  Q_PROPERTY(bool sidebarCollapsed READ sidebarCollapsed WRITE setSidebarCollapsed NOTIFY changed)
  Q_PROPERTY(int deviceMemoryBudgetMb READ deviceMemoryBudgetMb WRITE setDeviceMemoryBudgetMb NOTIFY changed)

 public:
  enum class Theme { System, Light, Dark };
  Q_ENUM(Theme)

  // The ranges the settings page offers (QML reads them through the invokable below).
  struct Limits {
    static constexpr double temperature_max = 2.0;    // 0 is greedy
    static constexpr int top_k_max = 1000;            // 0 is off
    static constexpr double repetition_penalty_min = 0.5;
    static constexpr double repetition_penalty_max = 2.0;
    static constexpr int seed_max = 2147483647;       // QML's int
    static constexpr int max_tokens_max = 131072;
    static constexpr int context_length_min = 128;    // 0 is the model's own (capped by the engine)
    static constexpr int context_length_max = 1048576;
    static constexpr int device_memory_budget_mb_max = 1048576;  // 0 is automatic (LoadOptions)
    static constexpr int font_size_min = 8;
    static constexpr int font_size_max = 32;
    static constexpr int font_size_default = 11;  // points
    static constexpr int system_prompt_max_chars = 20000;
    static constexpr int window_width_min = 640;   // the layout's smallest useful size
    static constexpr int window_height_min = 420;
    static constexpr int window_side_max = 32768;
  };

  // The application's QSettings (organisation and application name set in main()).
  explicit Settings(QObject* parent = nullptr);
  // An explicit store, e.g. QSettings(path, QSettings::IniFormat) in tests.
  explicit Settings(std::unique_ptr<QSettings> store, QObject* parent = nullptr);
  ~Settings() override;

  double temperature() const { return temperature_; }
  int topK() const { return top_k_; }
  double topP() const { return top_p_; }
  double minP() const { return min_p_; }
  double repetitionPenalty() const { return repetition_penalty_; }
  bool randomSeed() const { return random_seed_; }
  int seed() const { return seed_; }
  int maxTokens() const { return max_tokens_; }
  int contextLength() const { return context_length_; }
  QString systemPrompt() const { return system_prompt_; }
  Theme theme() const { return theme_; }
  QString language() const { return language_; }
  int fontSize() const { return font_size_; }
  int device() const { return device_; }
  // LoadOptions::device_memory_budget in MB (10^6 bytes); 0: the engine's default.
  int deviceMemoryBudgetMb() const { return device_memory_budget_mb_; }
  QRect windowGeometry() const { return window_geometry_; }
  bool sidebarCollapsed() const { return sidebar_collapsed_; }

  void setTemperature(double v);
  void setTopK(int v);
  void setTopP(double v);
  void setMinP(double v);
  void setRepetitionPenalty(double v);
  void setRandomSeed(bool v);
  void setSeed(int v);
  void setMaxTokens(int v);
  void setContextLength(int v);
  void setSystemPrompt(const QString& v);
  void setTheme(Theme v);
  void setLanguage(const QString& v);  // "" follows the system locale
  void setFontSize(int v);
  void setDevice(int v);               // < 0: the engine's choice
  void setDeviceMemoryBudgetMb(int v);  // <= 0: the engine's default
  void setWindowGeometry(const QRect& v);  // held to the limits; a null rect forgets it
  void setSidebarCollapsed(bool v);

  // The sampler's parameters for one generation. With randomSeed on, each call draws a new
  // seed, so "regenerate" gives a different answer; off, the stored seed makes runs repeatable.
  sampling::SamplingParams samplingParams() const;

  // Puts the sampling settings back to the engine's defaults.
  Q_INVOKABLE void resetSampling();
  // {"min": .., "max": ..} of a numeric property, for the settings page's controls.
  Q_INVOKABLE QVariantMap range(const QString& property) const;

 signals:
  void changed();

 private:
  void load();
  template <typename T>
  void store(const char* key, T& field, T value);

  std::unique_ptr<QSettings> store_;
  double temperature_;
  int top_k_;
  double top_p_;
  double min_p_;
  double repetition_penalty_;
  bool random_seed_ = true;
  int seed_;
  int max_tokens_;
  int context_length_;
  QString system_prompt_;
  Theme theme_ = Theme::System;
  QString language_;
  int font_size_;
  int device_ = -1;
  int device_memory_budget_mb_ = 0;
  QRect window_geometry_;
  bool sidebar_collapsed_ = false;
};

} // namespace sikao::ui
