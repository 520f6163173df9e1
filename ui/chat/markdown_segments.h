#pragma once
// Splits a message's Markdown into prose and fenced code blocks (``` or ~~~, CommonMark-style:
// the closing fence uses the same character, at least as long, on its own line). The chat view
// renders prose as Markdown and each code block monospaced with its own copy button. An
// unclosed fence (an answer still streaming) runs to the end.

#include <QString>
#include <vector>

namespace sikao::ui {

struct MarkdownSegment {
  bool code = false;
  QString text;      // prose: Markdown; code: the code, without the fences
  QString language;  // the fence's info string (code only)
};

std::vector<MarkdownSegment> split_code_blocks(const QString& markdown);

} // namespace sikao::ui
