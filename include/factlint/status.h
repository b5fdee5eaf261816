// Status: the outcome of an operation that can fail on bad input.
//
// Modelled on LevelDB's Status: cheap to return when OK, and when not OK it
// carries a code and a message that names the file, line or byte at fault and
// says what to do.  Functions that can fail return Status (or StatusOr<T>)
// instead of throwing, so that one bad document never stops the others.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace factlint {

class Status {
 public:
  enum class Code { kOk, kInvalidInput, kNotFound, kIOError, kInvalidRule, kUsage };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status InvalidRule(std::string msg) { return Status(Code::kInvalidRule, std::move(msg)); }
  static Status Usage(std::string msg) { return Status(Code::kUsage, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The message alone, e.g. "a.txt: byte 17: invalid UTF-8; re-save the file as UTF-8".
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace factlint
