// A growable byte buffer that does not zero what it allocates: the reader
// fills it straight from read(2) or inflate().
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>

namespace imperva2ecs {

class byte_buffer {
 public:
  char* data() noexcept { return data_.get(); }
  const char* data() const noexcept { return data_.get(); }
  std::size_t size() const noexcept { return size_; }
  std::size_t capacity() const noexcept { return capacity_; }
  bool empty() const noexcept { return size_ == 0; }

  // The free space after the contents, for a read to fill.
  char* tail() noexcept { return data_.get() + size_; }
  std::size_t room() const noexcept { return capacity_ - size_; }

  void clear() noexcept { size_ = 0; }

  // Shrinks the contents, or extends them over bytes written into tail().
  void resize(std::size_t size) noexcept { size_ = std::min(size, capacity_); }

  // Makes capacity at least `capacity`, keeping the contents.
  void reserve(std::size_t capacity) {
    if (capacity <= capacity_) return;
    std::unique_ptr<char[]> bigger(new char[capacity]);
    if (size_ != 0) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = capacity;
  }

  void append(const char* bytes, std::size_t count) {
    if (count == 0) return;
    if (room() < count) reserve(std::max(size_ + count, capacity_ * 2));
    std::memcpy(data_.get() + size_, bytes, count);
    size_ += count;
  }

  void push_back(char c) { append(&c, 1); }

  // Gives the memory back (after an unusually long line went through).
  void release() noexcept {
    data_.reset();
    size_ = 0;
    capacity_ = 0;
  }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace imperva2ecs
