// Checks that input is UTF-8 text before anything else reads it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace factlint {

// Why `bytes` is not acceptable text, naming the byte offset (and line), or
// nullopt when it is valid UTF-8 without NUL bytes.
std::optional<std::string> CheckUtf8Text(std::string_view bytes);

}  // namespace factlint
