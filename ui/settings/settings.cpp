#include "settings/settings.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cmath>

#include "engine.h"

namespace sikao::ui {
namespace {

using L = Settings::Limits;

const sampling::SamplingParams k_sampling_defaults{};
const GenerateOptions k_generate_defaults{};
const LoadOptions k_load_defaults{};

constexpr const char* k_temperature = "sampling/temperature";
constexpr const char* k_top_k = "sampling/topK";
constexpr const char* k_top_p = "sampling/topP";
constexpr const char* k_min_p = "sampling/minP";
constexpr const char* k_repetition_penalty = "sampling/repetitionPenalty";
constexpr const char* k_random_seed = "sampling/randomSeed";
constexpr const char* k_seed = "sampling/seed";
constexpr const char* k_max_tokens = "sampling/maxTokens";
constexpr const char* k_context_length = "engine/contextLength";
constexpr const char* k_device = "engine/device";
constexpr const char* k_device_memory_budget = "engine/deviceMemoryBudgetMb";
constexpr const char* k_system_prompt = "chat/systemPrompt";
constexpr const char* k_theme = "appearance/theme";
constexpr const char* k_language = "appearance/language";
constexpr const char* k_font_size = "appearance/fontSize";
constexpr const char* k_window_geometry = "window/geometry";
constexpr const char* k_sidebar_collapsed = "window/sidebarCollapsed";

// Non-finite input (NaN from a broken file or a QML binding) falls back to the default.
double clamp_real(double v, double lo, double hi, double fallback) {
  return std::isfinite(v) ? std::clamp(v, lo, hi) : fallback;
}

int clamp_int(int v, int lo, int hi) { return std::clamp(v, lo, hi); }

// A remembered window: its size held between the layout's minimum and a sane maximum, its
// position kept (the window decides whether it is still on a screen); anything else forgotten.
QRect clamp_geometry(const QRect& r) {
  if (!r.isValid()) return {};
  return {r.x(), r.y(), clamp_int(r.width(), L::window_width_min, L::window_side_max),
          clamp_int(r.height(), L::window_height_min, L::window_side_max)};
}

// 0 means "the model's own context length"; anything else is held inside the offered range.
int clamp_context(int v) {
  return v <= 0 ? 0 : clamp_int(v, L::context_length_min, L::context_length_max);
}

const char* theme_key(Settings::Theme t) {
  switch (t) {
    case Settings::Theme::Light: return "light";
    case Settings::Theme::Dark: return "dark";
    case Settings::Theme::System: break;
  }
  return "system";
}

Settings::Theme theme_from_key(const QString& s) {
  if (s == QLatin1String("light")) return Settings::Theme::Light;
  if (s == QLatin1String("dark")) return Settings::Theme::Dark;
  return Settings::Theme::System;
}

double read_real(const QSettings& s, const char* key, double fallback) {
  bool ok = false;
  const double v = s.value(QLatin1String(key), fallback).toDouble(&ok);
  return ok ? v : fallback;
}

int read_int(const QSettings& s, const char* key, int fallback) {
  bool ok = false;
  const int v = s.value(QLatin1String(key), fallback).toInt(&ok);
  return ok ? v : fallback;
}

// INI files hold booleans as text: "true"/"false" (or 1/0); anything else is the default.
bool read_bool(const QSettings& s, const char* key, bool fallback) {
  const QString v = s.value(QLatin1String(key)).toString().trimmed().toLower();
  if (v == QLatin1String("true") || v == QLatin1String("1")) return true;
  if (v == QLatin1String("false") || v == QLatin1String("0")) return false;
  return fallback;
}

} // namespace

Settings::Settings(QObject* parent) : Settings(std::make_unique<QSettings>(), parent) {}

Settings::Settings(std::unique_ptr<QSettings> store, QObject* parent)
    : QObject(parent), store_(std::move(store)) {
  load();
}

Settings::~Settings() { store_->sync(); }

void Settings::load() {
  const QSettings& s = *store_;
  const auto& d = k_sampling_defaults;
  temperature_ = clamp_real(read_real(s, k_temperature, d.temperature), 0.0, L::temperature_max, d.temperature);
  top_k_ = clamp_int(read_int(s, k_top_k, d.top_k), 0, L::top_k_max);
  top_p_ = clamp_real(read_real(s, k_top_p, d.top_p), 0.0, 1.0, d.top_p);
  min_p_ = clamp_real(read_real(s, k_min_p, d.min_p), 0.0, 1.0, d.min_p);
  repetition_penalty_ = clamp_real(read_real(s, k_repetition_penalty, d.repetition_penalty),
                                   L::repetition_penalty_min, L::repetition_penalty_max,
                                   d.repetition_penalty);
  random_seed_ = read_bool(s, k_random_seed, true);
  seed_ = clamp_int(read_int(s, k_seed, static_cast<int>(d.seed)), 0, L::seed_max);
  max_tokens_ = clamp_int(read_int(s, k_max_tokens, k_generate_defaults.max_tokens), 1, L::max_tokens_max);
  context_length_ = clamp_context(read_int(s, k_context_length, static_cast<int>(k_load_defaults.context_length)));
  system_prompt_ = s.value(QLatin1String(k_system_prompt)).toString().left(L::system_prompt_max_chars);
  theme_ = theme_from_key(s.value(QLatin1String(k_theme)).toString());
  language_ = s.value(QLatin1String(k_language)).toString();
  font_size_ = clamp_int(read_int(s, k_font_size, L::font_size_default), L::font_size_min, L::font_size_max);
  device_ = std::max(-1, read_int(s, k_device, -1));
  device_memory_budget_mb_ = clamp_int(read_int(s, k_device_memory_budget, 0), 0,
                                       L::device_memory_budget_mb_max);
  window_geometry_ = clamp_geometry(s.value(QLatin1String(k_window_geometry)).toRect());
  sidebar_collapsed_ = read_bool(s, k_sidebar_collapsed, false);
}

template <typename T>
void Settings::store(const char* key, T& field, T value) {
  if (field == value) {
    return;
  }
  field = std::move(value);
  store_->setValue(QLatin1String(key), field);
  emit changed();
}

void Settings::setTemperature(double v) {
  store(k_temperature, temperature_, clamp_real(v, 0.0, L::temperature_max, temperature_));
}
void Settings::setTopK(int v) { store(k_top_k, top_k_, clamp_int(v, 0, L::top_k_max)); }
void Settings::setTopP(double v) { store(k_top_p, top_p_, clamp_real(v, 0.0, 1.0, top_p_)); }
void Settings::setMinP(double v) { store(k_min_p, min_p_, clamp_real(v, 0.0, 1.0, min_p_)); }
void Settings::setRepetitionPenalty(double v) {
  store(k_repetition_penalty, repetition_penalty_,
        clamp_real(v, L::repetition_penalty_min, L::repetition_penalty_max, repetition_penalty_));
}
void Settings::setRandomSeed(bool v) { store(k_random_seed, random_seed_, v); }
void Settings::setSeed(int v) { store(k_seed, seed_, clamp_int(v, 0, L::seed_max)); }
void Settings::setMaxTokens(int v) { store(k_max_tokens, max_tokens_, clamp_int(v, 1, L::max_tokens_max)); }
void Settings::setContextLength(int v) { store(k_context_length, context_length_, clamp_context(v)); }
void Settings::setSystemPrompt(const QString& v) {
  store(k_system_prompt, system_prompt_, v.left(L::system_prompt_max_chars));
}
void Settings::setLanguage(const QString& v) { store(k_language, language_, v.trimmed()); }
void Settings::setFontSize(int v) {
  store(k_font_size, font_size_, clamp_int(v, L::font_size_min, L::font_size_max));
}
void Settings::setDevice(int v) { store(k_device, device_, std::max(-1, v)); }
void Settings::setDeviceMemoryBudgetMb(int v) {
  store(k_device_memory_budget, device_memory_budget_mb_,
        clamp_int(v, 0, L::device_memory_budget_mb_max));
}

void Settings::setWindowGeometry(const QRect& v) {
  store(k_window_geometry, window_geometry_, clamp_geometry(v));
}
void Settings::setSidebarCollapsed(bool v) { store(k_sidebar_collapsed, sidebar_collapsed_, v); }

void Settings::setTheme(Theme v) {
  if (theme_ == v) {
    return;
  }
  theme_ = v;
  store_->setValue(QLatin1String(k_theme), QLatin1String(theme_key(v)));
  emit changed();
}

sampling::SamplingParams Settings::samplingParams() const {
  sampling::SamplingParams p;
  p.temperature = static_cast<float>(temperature_);
  p.top_k = top_k_;
  p.top_p = static_cast<float>(top_p_);
  p.min_p = static_cast<float>(min_p_);
  p.repetition_penalty = static_cast<float>(repetition_penalty_);
  p.seed = random_seed_ ? QRandomGenerator::global()->generate64() : static_cast<uint64_t>(seed_);
  return p;
}

void Settings::resetSampling() {
  const auto& d = k_sampling_defaults;
  setTemperature(d.temperature);
  setTopK(d.top_k);
  setTopP(d.top_p);
  setMinP(d.min_p);
  setRepetitionPenalty(d.repetition_penalty);
  setSeed(static_cast<int>(d.seed));
  setMaxTokens(k_generate_defaults.max_tokens);
}

QVariantMap Settings::range(const QString& property) const {
  const auto pair = [](QVariant lo, QVariant hi) {
    return QVariantMap{{QStringLiteral("min"), lo}, {QStringLiteral("max"), hi}};
  };
  if (property == QLatin1String("temperature")) return pair(0.0, L::temperature_max);
  if (property == QLatin1String("topK")) return pair(0, L::top_k_max);
  if (property == QLatin1String("topP") || property == QLatin1String("minP")) return pair(0.0, 1.0);
  if (property == QLatin1String("repetitionPenalty"))
    return pair(L::repetition_penalty_min, L::repetition_penalty_max);
  if (property == QLatin1String("seed")) return pair(0, L::seed_max);
  if (property == QLatin1String("maxTokens")) return pair(1, L::max_tokens_max);
  if (property == QLatin1String("contextLength")) return pair(0, L::context_length_max);
  if (property == QLatin1String("deviceMemoryBudgetMb"))
    return pair(0, L::device_memory_budget_mb_max);
  if (property == QLatin1String("fontSize")) return pair(L::font_size_min, L::font_size_max);
  return {};
}

} // namespace sikao::ui
