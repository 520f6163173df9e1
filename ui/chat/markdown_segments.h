#pragma once
// Splits a message's Markdown into prose paragraphs and fenced code blocks (``` or ~~~,
// CommonMark-style: the closing fence uses the same character, at least as long, on its own
// line). The chat view renders prose as Markdown and each code block monospaced with its own copy
// button. An unclosed fence (an answer still streaming) runs to the end.
//
// Prose is split at blank lines so that a streaming answer re-renders only its last paragraph:
// rendering the whole message on every update costs time proportional to its length.

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
