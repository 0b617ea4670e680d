// The build history the host gives exporters (Context::history()): what it computed from
// the job's last recorded build in its store.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include <dossier/context.hpp>

namespace dossier::host {

class RecordedHistory final : public BuildHistory {
 public:
  bool available() const override { return available_; }
  std::int64_t previous_build_time() const override { return previous_build_time_; }
  ItemHistory recommendation(std::string_view address) const override {
    const auto it = recommendations_.find(address);
    return it != recommendations_.end() ? it->second : ItemHistory{};
  }

  void set_available(bool available) { available_ = available; }
  void set_previous_build_time(std::int64_t build_time) { previous_build_time_ = build_time; }
  void set_recommendation(std::string address, ItemHistory history) {
    recommendations_[std::move(address)] = history;
  }

 private:
  bool available_ = false;
  std::int64_t previous_build_time_ = -1;
  std::map<std::string, ItemHistory, std::less<>> recommendations_;
};

}  // namespace dossier::host
