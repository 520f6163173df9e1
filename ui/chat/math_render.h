#pragma once
// Math in the chat view: formulas (math_spans.h) become images drawn by the layout engine
// (math_layout.h), served by an image provider at
//
//   image://math/<t|d>/<pixel size>/<colour AARRGGBB>/<TeX, base64url>
//
// (t: inline, text style; d: display style). The URL names everything the picture depends on,
// so it is the cache key, and a change of font size or theme (the text colour) asks for new
// pictures. Pictures are drawn at twice their size (crisp on HiDPI screens).
//
// Inline formulas go into the paragraph's rich text as <img width height> with vertical-align
// middle: Qt centres such an image on the baseline, so each picture is padded to put the
// formula's baseline at its middle. The text around them stays selectable; Copy copies the
// message as written, LaTeX source included. A formula outside the engine's subset shows as its
// source in a monospace code span.

#include <QCache>
#include <QColor>
#include <QFont>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QQuickImageProvider>
#include <QString>
#include <QVariantMap>

#include "chat/math_layout.h"

namespace sikao::ui {

// The UI font at `pixel_size`: formulas take the window's family, as do the provider's pictures.
QFont math_font(int pixel_size);

struct MathPicture {
  qreal width = 0;     // logical pixels
  qreal height = 0;
  qreal baseline = 0;  // from the top
  bool fallback = false;
};

// The picture's geometry: inline pictures put the baseline at the middle, display ones are tight.
MathPicture math_picture(const MathLayout& layout, bool display);
QString math_image_url(const QString& tex, bool display, int pixel_size, const QColor& color);
// The picture at `scale` device pixels per logical pixel; null for a URL id that is not ours.
QImage render_math_image(const QString& id, qreal scale);

class MathImageProvider : public QQuickImageProvider {
 public:
  MathImageProvider();
  QImage requestImage(const QString& id, QSize* size, const QSize& requested_size) override;

 private:
  QMutex mutex_;
  QCache<QString, QImage> cache_;  // cost: bytes
};

// What the QML views call (context property "math").
class MathRenderer : public QObject {
  Q_OBJECT

 public:
  explicit MathRenderer(QObject* parent = nullptr);

  // Markdown with its math replaced by <img> (inline) — unchanged when it has none.
  Q_INVOKABLE QString markdown(const QString& text, const QFont& font, const QColor& color);
  // Plain text (the reasoning) as HTML with its math as pictures; empty when it has none (show
  // it as plain text then).
  Q_INVOKABLE QString richText(const QString& plain, const QFont& font, const QColor& color);
  // A display formula: {source, width, height, fallback} for an Image.
  Q_INVOKABLE QVariantMap display(const QString& tex, const QFont& font, const QColor& color);
  // What copying a selection of the views' rich text puts on the clipboard: the selection
  // (TextEdit.getFormattedText: Markdown for answers, HTML for the reasoning) with each formula
  // picture back as its LaTeX ($…$, $$…$$) — copied as is, a picture is U+FFFC.
  Q_INVOKABLE QString sourceText(const QString& formatted) const;

  // How many formulas were laid out and how many fell back (cached layouts count once).
  int formulasLaidOut() const { return laid_out_; }
  int fallbacks() const { return fallbacks_; }

 private:
  MathPicture picture(const QString& tex, bool display, int pixel_size);
  QString inline_html(const QString& tex, bool display, int pixel_size, const QColor& color);

  QCache<QString, MathPicture> pictures_;
  int laid_out_ = 0;
  int fallbacks_ = 0;
};

} // namespace sikao::ui
