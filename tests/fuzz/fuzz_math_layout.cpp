// libFuzzer target: the math found in a message and the TeX-subset layout engine
// (ui/chat/math_spans.h, math_layout.h) on any text. Every span found must lie inside the text,
// in order; every formula must lay out — as math or as its source in monospace — to finite
// boxes, and paint, without a crash or a stack overflow (deep nesting is capped).

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "chat/math_layout.h"
#include "chat/math_spans.h"

namespace {

void check_finite(const sikao::ui::MathBox& box, int depth) {
  if (!std::isfinite(box.x) || !std::isfinite(box.y) || !std::isfinite(box.width) || !std::isfinite(box.ascent) ||
      !std::isfinite(box.descent) || depth > 1000)
    std::abort();
  for (const auto& child : box.children) check_finite(child, depth + 1);
}

} // namespace

// fontconfig's caches (filled as fallback fonts are looked up for new characters) live as long
// as the process; they are not the engine's allocations.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  // Fonts need a GUI application; the offscreen platform needs no display.
  qputenv("QT_QPA_PLATFORM", "offscreen");
  static QGuiApplication app(*argc, *argv);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
  QStringList formulas = {text};  // the whole input as TeX, and each formula found in it
  qsizetype previous_end = 0;
  for (const sikao::ui::MathSpan& span : sikao::ui::find_math_spans(text)) {
    if (span.begin < previous_end || span.end > text.size() || span.begin >= span.end) std::abort();
    previous_end = span.end;
    formulas << span.tex;
  }
  QFont font;
  font.setPixelSize(16);
  for (int i = 0; i < formulas.size() * 2; ++i) {
    const sikao::ui::MathLayout layout = sikao::ui::layout_math(formulas[i / 2], i % 2 == 1, font);
    check_finite(layout.root, 0);
    if (layout.fallback == layout.error.isEmpty()) std::abort();
    QImage image(64, 32, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    sikao::ui::paint_math(painter, layout, QPointF(2, 20), Qt::black);
  }
  return 0;
}
