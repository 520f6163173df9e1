#include "chat/math_render.h"

#include <QFontInfo>
#include <QGuiApplication>
#include <QMutexLocker>
#include <QPainter>
#include <QRegularExpression>
#include <QTextDocument>
#include <algorithm>
#include <cmath>

#include "chat/math_spans.h"

namespace sikao::ui {
namespace {

constexpr qreal k_picture_scale = 2.0;
constexpr qreal k_padding = 1.0;  // logical pixels around the ink (antialiasing, italic overhang)

int pixel_size_of(const QFont& font) {
  const int px = QFontInfo(font).pixelSize();
  return px > 0 ? px : 16;
}

QString encode_tex(const QString& tex) {
  return QString::fromLatin1(tex.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString decode_tex(QStringView encoded) {
  return QString::fromUtf8(QByteArray::fromBase64(encoded.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                          QByteArray::OmitTrailingEquals));
}

// A picture's URL, as math_image_url writes it: its style (1) and its TeX (2).
const QString k_url_pattern = QStringLiteral("image://math/([td])/\\d+/[0-9a-fA-F]+/([A-Za-z0-9_-]+)");

QString formula_source(const QRegularExpressionMatch& m) {
  const QString tex = decode_tex(m.capturedView(2));
  return m.capturedView(1) == u"d" ? QStringLiteral("$$") + tex + QStringLiteral("$$")
                                    : QLatin1Char('$') + tex + QLatin1Char('$');
}

// Every match of `pattern` in `text` replaced by `replace(match)`.
template <typename Replace>
QString replace_all(const QString& text, const QRegularExpression& pattern, Replace replace) {
  QString out;
  qsizetype at = 0;
  for (auto it = pattern.globalMatch(text); it.hasNext();) {
    const QRegularExpressionMatch m = it.next();
    out += QStringView(text).mid(at, m.capturedStart() - at);
    out += replace(m);
    at = m.capturedEnd();
  }
  out += QStringView(text).mid(at);
  return out;
}

// A code span that shows `source` as written, whatever backticks it holds.
QString code_span(const QString& source) {
  qsizetype longest = 0, run = 0;
  for (const QChar c : source) {
    run = c == QLatin1Char('`') ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const QString fence(longest + 1, QLatin1Char('`'));
  QString flat = source;
  flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
  return fence + QLatin1Char(' ') + flat + QLatin1Char(' ') + fence;
}

} // namespace

QFont math_font(int pixel_size) {
  QFont font = QGuiApplication::font();
  font.setPixelSize(std::max(pixel_size, 1));
  return font;
}

MathPicture math_picture(const MathLayout& layout, bool display) {
  const MathBox& root = layout.root;
  MathPicture p;
  p.fallback = layout.fallback;
  p.width = std::ceil(root.width + 2 * k_padding);
  if (display) {
    p.height = std::ceil(root.ascent + root.descent + 2 * k_padding);
    p.baseline = k_padding + root.ascent;
  } else {
    const qreal half = std::max(root.ascent, root.descent) + k_padding;
    p.height = std::ceil(2 * half);
    p.baseline = p.height / 2;
  }
  return p;
}

QString math_image_url(const QString& tex, bool display, int pixel_size, const QColor& color) {
  return QStringLiteral("image://math/%1/%2/%3/%4")
      .arg(display ? QLatin1Char('d') : QLatin1Char('t'))
      .arg(pixel_size)
      .arg(color.name(QColor::HexArgb).mid(1), encode_tex(tex));
}

QImage render_math_image(const QString& id, qreal scale) {
  const QStringList parts = id.split(QLatin1Char('/'));
  if (parts.size() != 4 || (parts[0] != QLatin1String("t") && parts[0] != QLatin1String("d"))) return {};
  bool ok = false;
  const int pixel_size = parts[1].toInt(&ok);
  if (!ok || pixel_size <= 0 || pixel_size > 400) return {};
  const QColor color = QColor::fromString(QLatin1Char('#') + parts[2]);
  if (!color.isValid()) return {};
  const QString tex = decode_tex(parts[3]);
  const bool display = parts[0] == QLatin1String("d");
  const MathLayout layout = layout_math(tex, display, math_font(pixel_size));
  const MathPicture picture = math_picture(layout, display);
  // Qt's raster engine cannot hold more than 32767 pixels a side; a formula that wide is clipped.
  const QSize pixels(std::clamp(qRound(picture.width * scale), 1, 32767),
                     std::clamp(qRound(picture.height * scale), 1, 32767));
  QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QPainter painter(&image);
  painter.scale(scale, scale);
  paint_math(painter, layout, QPointF(k_padding, picture.baseline), color);
  return image;
}

MathImageProvider::MathImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {
  cache_.setMaxCost(64 << 20);
}

QImage MathImageProvider::requestImage(const QString& id, QSize* size, const QSize& /*requested_size*/) {
  QMutexLocker lock(&mutex_);
  if (const QImage* cached = cache_.object(id)) {
    if (size) *size = cached->size();
    return *cached;
  }
  lock.unlock();
  QImage image = render_math_image(id, k_picture_scale);
  if (size) *size = image.size();
  lock.relock();
  cache_.insert(id, new QImage(image), std::max<qsizetype>(image.sizeInBytes(), 1));
  return image;
}

MathRenderer::MathRenderer(QObject* parent) : QObject(parent) { pictures_.setMaxCost(4096); }

MathPicture MathRenderer::picture(const QString& tex, bool display, int pixel_size) {
  const QString key = QString::number(pixel_size) + (display ? QLatin1Char('d') : QLatin1Char('t')) + tex;
  if (const MathPicture* cached = pictures_.object(key)) return *cached;
  const MathPicture p = math_picture(layout_math(tex, display, math_font(pixel_size)), display);
  ++laid_out_;
  if (p.fallback) ++fallbacks_;
  pictures_.insert(key, new MathPicture(p));
  return p;
}

QString MathRenderer::inline_html(const QString& tex, bool display, int pixel_size,
                                  const QColor& color) {
  const MathPicture p = picture(tex, display, pixel_size);
  if (p.fallback) return {};
  // Self-closing: Qt's Markdown reader drops the rest of the paragraph after an unclosed <img>.
  return QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\" style=\"vertical-align: middle\"/>")
      .arg(math_image_url(tex, display, pixel_size, color))
      .arg(qRound(p.width))
      .arg(qRound(p.height));
}

QString MathRenderer::markdown(const QString& text, const QFont& font, const QColor& color) {
  const std::vector<MathSpan> spans = find_math_spans(text);
  if (spans.empty()) return text;
  const int px = pixel_size_of(font);
  QString out;
  qsizetype at = 0;
  for (const MathSpan& span : spans) {
    out += QStringView(text).mid(at, span.begin - at);
    const QString source = text.mid(span.begin, span.end - span.begin);
    // Display math left in a paragraph (the view puts a paragraph's own ones in blocks) is drawn
    // inline, but in display style.
    const QString html = inline_html(span.tex, span.display, px, color);
    out += html.isEmpty() ? code_span(source) : html;
    at = span.end;
  }
  out += QStringView(text).mid(at);
  return out;
}

QString MathRenderer::richText(const QString& plain, const QFont& font, const QColor& color) {
  const std::vector<MathSpan> spans = find_math_spans(plain);
  if (spans.empty()) return {};
  const int px = pixel_size_of(font);
  QString out = QStringLiteral("<p style=\"white-space: pre-wrap\">");
  qsizetype at = 0;
  for (const MathSpan& span : spans) {
    out += plain.mid(at, span.begin - at).toHtmlEscaped();
    const QString source = plain.mid(span.begin, span.end - span.begin);
    const QString html = inline_html(span.tex, span.display, px, color);
    out += html.isEmpty() ? QStringLiteral("<code>") + source.toHtmlEscaped() + QStringLiteral("</code>") : html;
    at = span.end;
  }
  out += plain.mid(at).toHtmlEscaped();
  out += QStringLiteral("</p>");
  return out;
}

QVariantMap MathRenderer::display(const QString& tex, const QFont& font, const QColor& color) {
  const int px = pixel_size_of(font);
  const MathPicture p = picture(tex, true, px);
  return {{QStringLiteral("source"), math_image_url(tex, true, px, color)},
          {QStringLiteral("width"), p.width},
          {QStringLiteral("height"), p.height},
          {QStringLiteral("fallback"), p.fallback}};
}

} // namespace sikao::ui

namespace sikao::ui {

QString MathRenderer::sourceText(const QString& formatted) const {
  static const QRegularExpression html_picture(QStringLiteral("<img[^>]*src=\"") + k_url_pattern +
                                               QStringLiteral("\"[^>]*>"));
  static const QRegularExpression markdown_picture(QStringLiteral("!\\[[^\\]]*\\]\\(<?") + k_url_pattern +
                                                   QStringLiteral(">?(?: \"[^\"]*\")?\\)"));
  if (formatted.contains(QStringLiteral("<img")) || formatted.startsWith(QStringLiteral("<!DOCTYPE"))) {
    QTextDocument document;
    document.setHtml(replace_all(formatted, html_picture,
                                 [](const QRegularExpressionMatch& m) { return formula_source(m).toHtmlEscaped(); }));
    return document.toPlainText();
  }
  return replace_all(formatted, markdown_picture, formula_source);
}

} // namespace sikao::ui
