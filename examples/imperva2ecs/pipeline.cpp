#include "pipeline.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace imperva2ecs {

pipeline_shape shape_for(unsigned threads) {
  constexpr std::size_t in_flight = std::size_t{8} << 20;
  pipeline_shape shape;
  shape.threads = std::max(1u, threads);
  shape.batches = shape.threads == 1 ? 1 : 2 * std::size_t{shape.threads} + 2;
  shape.batch_bytes = std::clamp<std::size_t>(in_flight / shape.batches, std::size_t{64} << 10, largest_batch_bytes);
  return shape;
}

namespace {

run_outcome run_sequential(batch_reader& reader, batch_writer& writer, const conversion& how) {
  batch b;
  while (reader.next(b)) {
    convert_batch(b, how);
    if (!writer.write(b)) return run_outcome::stopped;
  }
  return run_outcome::completed;
}

// State shared by the threads; it outlives run_parallel when a thread has to
// be left behind (see run_outcome::stopped_threads).
struct shared_state {
  struct job {
    batch work;
    bool converted = false;
  };

  std::mutex mutex;
  std::condition_variable reader_wakeup;  // a batch is free, or stop
  std::condition_variable worker_wakeup;  // a batch to convert, or the end
  std::condition_variable writer_wakeup;  // the oldest batch is converted, or the end

  std::vector<std::unique_ptr<job>> jobs;
  std::deque<job*> free;      // for the reader to fill
  std::deque<job*> to_do;     // for a worker to convert
  std::deque<job*> in_order;  // filled, in input order, for the writer
  bool reading_done = false;
  bool stop = false;
  std::exception_ptr failure;  // an unexpected exception in the reader or a worker
};

void reader_loop(shared_state& s, batch_reader& reader) {
  for (;;) {
    shared_state::job* j;
    {
      std::unique_lock<std::mutex> lock(s.mutex);
      s.reader_wakeup.wait(lock, [&] { return s.stop || !s.free.empty(); });
      if (s.stop) return;
      j = s.free.front();
      s.free.pop_front();
    }
    bool more = false;
    std::exception_ptr failure;
    try {
      more = reader.next(j->work);
    } catch (...) {
      failure = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(s.mutex);
    if (failure || !more) {
      if (failure && !s.failure) s.failure = failure;
      s.free.push_back(j);
      s.reading_done = true;
      s.worker_wakeup.notify_all();
      s.writer_wakeup.notify_all();
      return;
    }
    s.in_order.push_back(j);
    if (j->work.input_error.empty()) {
      j->converted = false;
      s.to_do.push_back(j);
      s.worker_wakeup.notify_one();
    } else {
      j->converted = true;  // nothing to convert: a message for the writer
      if (s.in_order.front() == j) s.writer_wakeup.notify_one();
    }
  }
}

void worker_loop(shared_state& s, const conversion& how) {
  for (;;) {
    shared_state::job* j;
    {
      std::unique_lock<std::mutex> lock(s.mutex);
      s.worker_wakeup.wait(lock, [&] { return s.stop || !s.to_do.empty() || s.reading_done; });
      if (s.stop || s.to_do.empty()) return;
      j = s.to_do.front();
      s.to_do.pop_front();
    }
    std::exception_ptr failure;
    try {
      convert_batch(j->work, how);
    } catch (...) {
      failure = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(s.mutex);
    if (failure) {
      if (!s.failure) s.failure = failure;
      s.stop = true;
      s.reader_wakeup.notify_all();
      s.worker_wakeup.notify_all();
      s.writer_wakeup.notify_all();
      return;
    }
    j->converted = true;
    if (s.in_order.front() == j) s.writer_wakeup.notify_one();
  }
}

run_outcome run_parallel(batch_reader& reader, batch_writer& writer, const conversion& how,
                         const pipeline_shape& shape) {
  auto state = std::make_shared<shared_state>();
  shared_state& s = *state;
  for (std::size_t i = 0; i < shape.batches; ++i) {
    s.jobs.push_back(std::make_unique<shared_state::job>());
    s.free.push_back(s.jobs.back().get());
  }

  std::thread reading([state, &reader] { reader_loop(*state, reader); });
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < shape.threads; ++i) {
    workers.emplace_back([state, &how] { worker_loop(*state, how); });
  }

  auto stop_all = [&] {
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      s.stop = true;
    }
    s.reader_wakeup.notify_all();
    s.worker_wakeup.notify_all();
    for (auto& worker : workers) worker.join();
    // The reader may be blocked reading a pipe or a terminal: leave it. The
    // caller ends the process.
    reading.detach();
  };

  for (;;) {
    shared_state::job* j;
    {
      std::unique_lock<std::mutex> lock(s.mutex);
      s.writer_wakeup.wait(lock, [&] {
        return s.failure || (!s.in_order.empty() && s.in_order.front()->converted) ||
               (s.reading_done && s.in_order.empty());
      });
      if (s.failure) {
        const std::exception_ptr failure = s.failure;
        lock.unlock();
        stop_all();
        std::rethrow_exception(failure);
      }
      if (s.in_order.empty()) break;
      j = s.in_order.front();
      s.in_order.pop_front();
    }
    bool go_on;
    try {
      go_on = writer.write(j->work);
    } catch (...) {
      stop_all();
      throw;
    }
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      s.free.push_back(j);
    }
    s.reader_wakeup.notify_one();
    if (!go_on) {
      stop_all();
      return run_outcome::stopped_threads;
    }
  }
  reading.join();
  for (auto& worker : workers) worker.join();
  return run_outcome::completed;
}

}  // namespace

run_outcome run_pipeline(batch_reader& reader, batch_writer& writer, const conversion& how,
                         const pipeline_shape& shape) {
  if (shape.threads <= 1) return run_sequential(reader, writer, how);
  return run_parallel(reader, writer, how, shape);
}

}  // namespace imperva2ecs
