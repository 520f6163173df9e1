#pragma once
// Where a message's text holds math, by the delimiters reasoning models write: $…$ and \(…\)
// inline, $$…$$ and \[…\] in display style.
//
// $ is also money ("costs $5 and $10"), so a single $ follows the rule Pandoc and most Markdown
// math renderers use: the opening $ is not followed by white space, the closing $ is not
// preceded by white space nor followed by a digit, and the two are in one paragraph (no blank
// line between); a formula holds no unescaped $, so a $ that cannot close means the opening one
// was money ("Pay $5, then $x$": only x is math). \$ is a dollar sign. Nothing inside a code span (`…`) or a fenced code block
// is math. A formula still streaming (no closing delimiter yet) is not math yet.

#include <QString>
#include <QStringView>
#include <vector>

namespace sikao::ui {

struct MathSpan {
  qsizetype begin = 0;  // the span in the text, delimiters included: [begin, end)
  qsizetype end = 0;
  QString tex;          // between the delimiters
  bool display = false; // $$…$$ or \[…\]
};

std::vector<MathSpan> find_math_spans(QStringView text);

} // namespace sikao::ui
