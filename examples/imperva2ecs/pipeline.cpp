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
  shape.batches_per_worker = shape.threads == 1 ? 1 : 2;
  shape.batch_bytes = std::clamp<std::size_t>(in_flight / (shape.batches_per_worker * shape.threads),
                                              std::size_t{64} << 10, largest_batch_bytes);
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
    unsigned owner = 0;  // the worker that fills it, always the same one
    bool converted = false;
  };
  // A worker's own batches: their buffers stay in its core's cache (batches
  // shared between workers cost ~10 % more CPU time in cache misses).
  struct worker_batches {
    std::vector<job*> free;  // last in, first out: the warmest first
    std::condition_variable wakeup;  // one is free, or stop, or the end
  };

  explicit shared_state(std::size_t workers) : own(workers) {}

  // Held by the worker that is reading, until its batch is queued for the
  // writer: batches queue in input order.
  std::mutex read_mutex;
  std::mutex mutex;
  std::condition_variable writer_wakeup;  // the oldest batch is converted, or the end

  std::vector<std::unique_ptr<job>> jobs;
  std::vector<worker_batches> own;
  std::deque<job*> in_order;  // filled, in input order, for the writer
  bool reading_done = false;
  bool stop = false;
  std::exception_ptr failure;  // an unexpected exception in reading or converting

  void wake_all() {  // with mutex held
    for (auto& batches : own) batches.wakeup.notify_all();
    writer_wakeup.notify_all();
  }
};

// Reads the next batch into one of the worker's free batches and queues it
// for the writer; nullptr when there is nothing more to do.
shared_state::job* read_next(shared_state& s, batch_reader& reader, unsigned worker) {
  shared_state::worker_batches& mine = s.own[worker];
  shared_state::job* j;
  {
    std::unique_lock<std::mutex> lock(s.mutex);
    mine.wakeup.wait(lock, [&] { return s.stop || s.reading_done || !mine.free.empty(); });
    if (s.stop || s.reading_done) return nullptr;
    j = mine.free.back();
    mine.free.pop_back();
  }
  std::lock_guard<std::mutex> reading(s.read_mutex);
  bool more = false;
  std::exception_ptr failure;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (s.stop || s.reading_done) {
      mine.free.push_back(j);
      return nullptr;
    }
  }
  try {
    more = reader.next(j->work);
  } catch (...) {
    failure = std::current_exception();
  }
  std::lock_guard<std::mutex> lock(s.mutex);
  if (failure || !more) {
    if (failure && !s.failure) s.failure = failure;
    mine.free.push_back(j);
    s.reading_done = true;
    s.wake_all();
    return nullptr;
  }
  s.in_order.push_back(j);
  j->converted = false;
  return j;
}

// Each worker reads its own batch, so the lines are in its core's cache when
// it converts them.
void worker_loop(shared_state& s, batch_reader& reader, const conversion& how, unsigned worker) {
  while (shared_state::job* j = read_next(s, reader, worker)) {
    std::exception_ptr failure;
    try {
      convert_batch(j->work, how);  // a batch with an input error stays as it is
    } catch (...) {
      failure = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(s.mutex);
    if (failure) {
      if (!s.failure) s.failure = failure;
      s.stop = true;
      s.wake_all();
      return;
    }
    j->converted = true;
    if (s.in_order.front() == j) s.writer_wakeup.notify_one();
  }
}

run_outcome run_parallel(batch_reader& reader, batch_writer& writer, const conversion& how,
                         const pipeline_shape& shape) {
  auto state = std::make_shared<shared_state>(shape.threads);
  shared_state& s = *state;
  for (unsigned worker = 0; worker < shape.threads; ++worker) {
    for (std::size_t i = 0; i < shape.batches_per_worker; ++i) {
      s.jobs.push_back(std::make_unique<shared_state::job>());
      s.jobs.back()->owner = worker;
      s.own[worker].free.push_back(s.jobs.back().get());
    }
  }

  std::vector<std::thread> workers;
  for (unsigned worker = 0; worker < shape.threads; ++worker) {
    workers.emplace_back([state, &reader, &how, worker] { worker_loop(*state, reader, how, worker); });
  }

  // A worker may be blocked reading a pipe or a terminal: leave them all.
  // The caller ends the process.
  auto stop_all = [&] {
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      s.stop = true;
      s.wake_all();
    }
    for (auto& worker : workers) worker.detach();
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
      s.own[j->owner].free.push_back(j);
      s.own[j->owner].wakeup.notify_one();
    }
    if (!go_on) {
      stop_all();
      return run_outcome::stopped_threads;
    }
  }
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
