// sikao-startup-bench [--runs N] [--app PATH]: how long the real `sikao` takes from being started
// to an interactive window (its first frame on screen) without a model, measured from outside
// (process start to the line `sikao --quit-when-interactive` prints) and from inside (main() to
// that frame). Each run gets fresh data and settings folders, so no model is found and the
// first-run page shows; the QML cache folder is shared, so run 1 is a first start and later
// runs are what a user sees every day. Run it under a display (xvfb-run -a).

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct Run {
  double outside_ms = 0;
  double inside_ms = 0;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  int runs = 10;
  QString gui = QStringLiteral(SIKAO_GUI_PATH);
  const QStringList args = app.arguments();
  for (int i = 1; i < args.size(); ++i) {
    if (args[i] == QLatin1String("--runs") && i + 1 < args.size()) {
      runs = std::max(1, args[++i].toInt());
    } else if (args[i] == QLatin1String("--app") && i + 1 < args.size()) {
      gui = args[++i];
    } else {
      std::fprintf(stderr, "usage: sikao-startup-bench [--runs N] [--app PATH]\n");
      return 2;
    }
  }
  QTemporaryDir cache;
  const QRegularExpression line(QStringLiteral("interactive after (\\d+) ms"));
  std::vector<Run> results;
  for (int r = 0; r < runs; ++r) {
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    process.start(gui, {QStringLiteral("--no-model"), QStringLiteral("--quit-when-interactive")});
    QString out;
    QRegularExpressionMatch match;
    while (!(match = line.match(out)).hasMatch()) {
      if (!process.waitForReadyRead(30000)) break;
      out += QString::fromUtf8(process.readAllStandardOutput());
    }
    const double outside = clock.nsecsElapsed() / 1e6;
    process.waitForFinished(30000);
    if (!match.hasMatch()) {
      std::fprintf(stderr, "run %d: %s did not report an interactive window (exit %d)\n", r + 1,
                   qPrintable(gui), process.exitCode());
      return 1;
    }
    results.push_back({outside, match.captured(1).toDouble()});
    std::printf("run %2d: %7.1f ms to interactive (%4.0f ms inside main)%s\n", r + 1, outside,
                results.back().inside_ms, r == 0 ? "  [first start: empty QML cache]" : "");
  }
  if (results.size() > 1) {
    std::vector<double> outside, inside;
    for (size_t i = 1; i < results.size(); ++i) {
      outside.push_back(results[i].outside_ms);
      inside.push_back(results[i].inside_ms);
    }
    std::printf("runs 2-%zu: median %.1f ms (min %.1f, max %.1f) to interactive; median %.0f ms inside main\n",
                results.size(), median(outside), *std::min_element(outside.begin(), outside.end()),
                *std::max_element(outside.begin(), outside.end()), median(inside));
  }
  return 0;
}
