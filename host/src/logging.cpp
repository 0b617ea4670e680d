#include "logging.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>

#include <pthread.h>
#include <string>

#include <nlohmann/json.hpp>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "dossier/domain/utf8.hpp"
#include "progress.hpp"

namespace dossier::host {

namespace {

// Level names as the text format prints them ("warning", not spdlog's "warn").
const char* level_name(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace: return "trace";
    case spdlog::level::debug: return "debug";
    case spdlog::level::info: return "info";
    case spdlog::level::warn: return "warning";
    case spdlog::level::err: return "error";
    case spdlog::level::critical: return "critical";
    default: return "off";
  }
}

}  // namespace

std::string local_time_text(std::time_t when, bool iso) {
  std::tm tm{};
  char buffer[40];
  if (!localtime_r(&when, &tm) ||
      !std::strftime(buffer, sizeof buffer, iso ? "%Y-%m-%dT%H:%M:%S%z" : "%Y-%m-%d %H:%M:%S %z", &tm))
    return std::to_string(when) + " (seconds since 1970)";
  std::string text = buffer;
  if (iso && text.size() > 2) text.insert(text.size() - 2, ":");  // +0100 -> +01:00
  return text;
}

namespace {

std::string utc_time(spdlog::log_clock::time_point when) {
  const auto since = when.time_since_epoch();
  const std::time_t seconds = std::chrono::duration_cast<std::chrono::seconds>(since).count();
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[40];
  const std::size_t n = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buffer + n, sizeof buffer - n, ".%03dZ", static_cast<int>(millis));
  return buffer;
}

// One JSON object per message; nlohmann escapes the text (and replaces invalid UTF-8, which
// a damaged file name may carry) so that every line parses.
class JsonLinesSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    nlohmann::ordered_json line = {{"time", utc_time(msg.time)},
                                   {"level", level_name(msg.level)},
                                   {"message", std::string(msg.payload.data(), msg.payload.size())}};
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

// A sink that hands each message on to another, for a wrapper to change how or what.
class WrappingSink : public spdlog::sinks::sink {
 public:
  explicit WrappingSink(std::shared_ptr<spdlog::sinks::sink> inner) : inner_(std::move(inner)) {}
  void flush() override { inner_->flush(); }
  void set_pattern(const std::string& pattern) override { inner_->set_pattern(pattern); }
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override {
    inner_->set_formatter(std::move(formatter));
  }

 protected:
  std::shared_ptr<spdlog::sinks::sink> inner_;
};

// Hands the wrapped sink each message through printable(); the line end the pattern adds
// is the sink's, so it stays.
class PrintableSink final : public WrappingSink {
 public:
  using WrappingSink::WrappingSink;
  void log(const spdlog::details::log_msg& msg) override {
    const std::string_view payload(msg.payload.data(), msg.payload.size());
    const std::string escaped = printable(payload);
    if (escaped.size() == payload.size()) return inner_->log(msg);  // nothing escaped: same text
    spdlog::details::log_msg copy(msg);
    copy.payload = spdlog::string_view_t(escaped.data(), escaped.size());
    inner_->log(copy);
  }
};

// A child process starts with only the thread that forked; a lock another thread held at that
// moment stays locked in it for ever. A message holds the sinks' locks while it is written, so
// every message and flush passes this gate, which each fork takes first (pthread_atfork): no
// child starts with a message half-written and its sink locked.
std::mutex output_gate;

void close_gate() { output_gate.lock(); }
void open_gate() { output_gate.unlock(); }

// Takes a progress bar off the line before each message, so that the two never share a line;
// the message itself is the wrapped sink's, unchanged. The outermost sink: it holds the gate.
class BesideProgressSink final : public WrappingSink {
 public:
  using WrappingSink::WrappingSink;
  void log(const spdlog::details::log_msg& msg) override {
    std::lock_guard<std::mutex> gate(output_gate);
    Progress::print_log_line([&] { inner_->log(msg); });
  }
  void flush() override {
    std::lock_guard<std::mutex> gate(output_gate);
    inner_->flush();
  }
};

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto escape = [&](unsigned char c) {
    static const char hex[] = "0123456789abcdef";
    switch (c) {
      case '\n': out += "\\n"; return;
      case '\r': out += "\\r"; return;
      case '\t': out += "\\t"; return;
      default: out += {'\\', 'x', hex[c >> 4], hex[c & 15]};
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8::sequence_length(text, i);
    if (n == 0 || c < 0x20 || c == 0x7F) {
      escape(c);  // a control character, or a byte that begins no UTF-8 character
      ++i;
    } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      escape(c);  // C1 (U+0080..U+009F): U+009B is CSI, as ESC [ is
      escape(static_cast<unsigned char>(text[i + 1]));
      i += 2;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

void setup_logging(spdlog::level::level_enum level, LogFormat format) {
  static std::once_flag gate_at_fork;
  std::call_once(gate_at_fork, [] { ::pthread_atfork(close_gate, open_gate, open_gate); });
  std::shared_ptr<spdlog::sinks::sink> sink;
  if (format == LogFormat::json)
    sink = std::make_shared<JsonLinesSink>();
  else
    sink = std::make_shared<PrintableSink>(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  auto logger = std::make_shared<spdlog::logger>("dossier", std::make_shared<BesideProgressSink>(std::move(sink)));
  if (format == LogFormat::text) logger->set_pattern("dossier: %^%l%$: %v");
  logger->set_level(level);
  spdlog::set_default_logger(logger);
}

}  // namespace dossier::host
