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

pipeline_shape shape_for(unsigned threads, const output_sink& out) {
  constexpr std::size_t in_flight = std::size_t{8} << 20;
  pipeline_shape shape;
  shape.threads = std::max(1u, threads);
  shape.batches_per_worker = shape.threads == 1 ? 1 : 2;
  shape.batch_bytes = std::clamp<std::size_t>(in_flight / (shape.batches_per_worker * shape.threads),
                                              std::size_t{64} << 10, largest_batch_bytes);
  shape.calling_thread_writes = out.may_wait_for_reader();
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
    std::vector<job*> free;          // last in, first out: the warmest first
    std::condition_variable wakeup;  // one is free, or stop, or the end
  };

  explicit shared_state(std::size_t workers) : own(workers), running(workers) {}

  // Held by the worker that is reading, until its batch is queued: batches
  // queue in input order.
  std::mutex read_mutex;
  std::mutex mutex;
  // Every worker is done, or stop, or (when it writes) the oldest batch is converted.
  std::condition_variable caller_wakeup;

  std::vector<std::unique_ptr<job>> jobs;
  std::vector<worker_batches> own;
  std::deque<job*> in_order;   // read, in input order, not yet written
  bool writing = false;        // a thread is writing the converted front of in_order
  bool reading_done = false;
  bool stop = false;
  std::exception_ptr failure;  // an exception in reading, converting or writing
  std::size_t running;         // workers that have not finished

  void stop_with(std::exception_ptr error) {  // with mutex held
    if (error && !failure) failure = error;
    stop = true;
    for (auto& batches : own) batches.wakeup.notify_all();
    caller_wakeup.notify_all();
  }
};

// Runs work and returns what it threw, if anything: a thread's exception is
// handed to the caller through shared_state::failure.
template <class Work>
std::exception_ptr exception_from(Work&& work) {
  try {
    work();
  } catch (...) {
    return std::current_exception();
  }
  return nullptr;
}

// Reads the next batch into one of the worker's free batches and queues it;
// nullptr when there is nothing more to do.
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
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (s.stop || s.reading_done) {
      mine.free.push_back(j);
      return nullptr;
    }
  }
  bool more = false;
  const std::exception_ptr failure = exception_from([&] { more = reader.next(j->work); });
  std::lock_guard<std::mutex> lock(s.mutex);
  if (failure || !more) {
    mine.free.push_back(j);
    s.reading_done = true;
    if (failure) {
      s.stop_with(failure);
    } else {
      for (auto& batches : s.own) batches.wakeup.notify_all();
    }
    return nullptr;
  }
  j->converted = false;
  s.in_order.push_back(j);
  return j;
}

// Writes the converted batches at the front of the queue, unless another
// thread is at it already (it will see these too). Called with the lock held;
// releases it around each write.
void write_converted(shared_state& s, std::unique_lock<std::mutex>& lock, batch_writer& writer) {
  if (s.writing) return;
  s.writing = true;
  while (!s.stop && !s.in_order.empty() && s.in_order.front()->converted) {
    shared_state::job* j = s.in_order.front();
    s.in_order.pop_front();
    lock.unlock();
    bool go_on = false;
    const std::exception_ptr failure = exception_from([&] { go_on = writer.write(j->work); });
    lock.lock();
    s.own[j->owner].free.push_back(j);
    s.own[j->owner].wakeup.notify_one();
    if (failure || !go_on) s.stop_with(failure);  // no failure: --on-error fail
  }
  s.writing = false;
}

// Each worker reads its own batch, so the lines are in its core's cache when
// it converts them.
void worker_loop(shared_state& s, batch_reader& reader, batch_writer& writer, const conversion& how,
                 bool caller_writes, unsigned worker) {
  while (shared_state::job* j = read_next(s, reader, worker)) {
    // A batch with an input error stays as it is.
    const std::exception_ptr failure = exception_from([&] { convert_batch(j->work, how); });
    std::unique_lock<std::mutex> lock(s.mutex);
    if (failure) {
      s.stop_with(failure);
      break;
    }
    j->converted = true;
    if (!caller_writes) {
      write_converted(s, lock, writer);
    } else if (s.in_order.front() == j) {
      s.caller_wakeup.notify_one();
    }
  }
  std::lock_guard<std::mutex> lock(s.mutex);
  if (--s.running == 0) s.caller_wakeup.notify_all();
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
    workers.emplace_back([state, &reader, &writer, &how, caller_writes = shape.calling_thread_writes,
                          worker] { worker_loop(*state, reader, writer, how, caller_writes, worker); });
  }

  std::unique_lock<std::mutex> lock(s.mutex);
  const auto front_converted = [&] { return !s.in_order.empty() && s.in_order.front()->converted; };
  for (;;) {
    s.caller_wakeup.wait(lock, [&] {
      return s.stop || (s.running == 0 && s.in_order.empty()) ||
             (shape.calling_thread_writes && front_converted());
    });
    if (s.stop) {
      // A worker may be blocked reading a pipe or a terminal: leave them all.
      // The caller ends the process.
      const std::exception_ptr failure = s.failure;
      lock.unlock();
      for (auto& worker : workers) worker.detach();
      if (failure) std::rethrow_exception(failure);
      return run_outcome::stopped_threads;
    }
    if (s.running == 0 && s.in_order.empty()) break;
    write_converted(s, lock, writer);
  }
  lock.unlock();
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
