#include "chat/markdown_segments.h"

#include <QStringList>
#include <optional>

namespace sikao::ui {
namespace {

struct Fence {
  QChar ch;
  int length = 0;
  QString info;
};

// A fence line: up to 3 spaces of indent, then 3+ backticks or tildes.
bool parse_fence(const QString& line, Fence& fence) {
  int i = 0;
  while (i < line.size() && i < 3 && line[i] == QLatin1Char(' ')) ++i;
  if (i >= line.size() || (line[i] != QLatin1Char('`') && line[i] != QLatin1Char('~'))) return false;
  const QChar ch = line[i];
  int n = 0;
  while (i + n < line.size() && line[i + n] == ch) ++n;
  if (n < 3) return false;
  fence.ch = ch;
  fence.length = n;
  fence.info = line.mid(i + n).trimmed();
  return !(ch == QLatin1Char('`') && fence.info.contains(QLatin1Char('`')));
}

} // namespace

std::vector<MarkdownSegment> split_code_blocks(const QString& markdown) {
  std::vector<MarkdownSegment> out;
  QStringList prose;
  QStringList code;
  std::optional<Fence> open;
  const auto flush_paragraph = [&] {
    const QString text = prose.join(QLatin1Char('\n'));
    if (!text.trimmed().isEmpty()) out.push_back({false, text, {}});
    prose.clear();
  };
  const auto flush_prose = flush_paragraph;
  for (const QString& line : markdown.split(QLatin1Char('\n'))) {
    Fence fence;
    if (!open) {
      if (parse_fence(line, fence)) {
        flush_prose();
        open = fence;
      } else if (line.trimmed().isEmpty()) {
        flush_paragraph();
      } else {
        prose << line;
      }
    } else if (parse_fence(line, fence) && fence.ch == open->ch && fence.length >= open->length &&
               fence.info.isEmpty()) {
      out.push_back({true, code.join(QLatin1Char('\n')), open->info.section(QLatin1Char(' '), 0, 0)});
      code.clear();
      open.reset();
    } else {
      code << line;
    }
  }
  if (open) out.push_back({true, code.join(QLatin1Char('\n')), open->info.section(QLatin1Char(' '), 0, 0)});
  flush_prose();
  return out;
}

} // namespace sikao::ui
