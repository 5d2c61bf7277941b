// Builds an nlohmann::json document: convenient, slower than string_writer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "utf8.hpp"

namespace imperva_cef::json {

class nlohmann_writer {
 public:
  void begin_object() { stack_.push_back(&put(nlohmann::json::object())); }
  void end_object() { stack_.pop_back(); }
  void begin_array() { stack_.push_back(&put(nlohmann::json::array())); }
  void end_array() { stack_.pop_back(); }

  void key(std::string_view name) {
    key_.clear();
    append_utf8_repaired(key_, name);
  }
  void string(std::string_view text) {
    std::string repaired;
    append_utf8_repaired(repaired, text);
    put(std::move(repaired));
  }
  void integer(std::int64_t value) { put(value); }
  void number(double value) { put(value); }
  void boolean(bool value) { put(value); }
  void raw_json(std::string_view json_text) { put(nlohmann::json::parse(json_text)); }

  // The finished document (null before anything was written).
  nlohmann::json& result() noexcept { return root_; }

 private:
  nlohmann::json& put(nlohmann::json value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return root_;
    }
    nlohmann::json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return parent.back();
    }
    nlohmann::json& slot = parent[key_];
    slot = std::move(value);
    return slot;
  }

  nlohmann::json root_;
  std::vector<nlohmann::json*> stack_;
  std::string key_;
};

}  // namespace imperva_cef::json
