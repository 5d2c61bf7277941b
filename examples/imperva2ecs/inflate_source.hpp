// Decompresses a zlib (RFC 1950) or gzip (RFC 1952) stream as it is read,
// with zlib's streaming inflate API: memory stays at zlib's window plus one
// input block whatever the size of the data.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <memory>
#include <string>

#include "byte_source.hpp"

namespace imperva2ecs {

// True when two bytes open a zlib stream (RFC 1950 header check) or a gzip
// stream (magic 1f 8b).
bool looks_compressed(unsigned char first, unsigned char second) noexcept;

class inflate_source final : public byte_source {
 public:
  // `name` is how messages call the input.
  inflate_source(std::unique_ptr<byte_source> compressed, std::string name);
  ~inflate_source() override;
  inflate_source(const inflate_source&) = delete;
  inflate_source& operator=(const inflate_source&) = delete;

  std::size_t read_some(char* out, std::size_t size) override;
  bool more_ready() override;

 private:
  bool refill();  // false at the end of the compressed input
  [[noreturn]] void fail(const char* what) const;

  std::unique_ptr<byte_source> compressed_;
  std::string name_;
  std::unique_ptr<unsigned char[]> input_;
  z_stream stream_{};
  bool input_ended_ = false;
  bool stream_ended_ = false;
  unsigned long long consumed_ = 0;  // compressed bytes fed to inflate, for messages
};

}  // namespace imperva2ecs
