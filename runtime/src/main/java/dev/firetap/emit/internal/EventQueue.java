package dev.firetap.emit.internal;

import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The emitter's bounded queue: many application threads add, one sender thread takes. Adding takes
 * no lock and wakes the sender only when it sleeps, and then only once, so that an application
 * thread pays a few atomic operations per event instead of a lock and a signal.
 *
 * <p>Adders and the taker count on counters of their own, so that adding does not fight over a
 * cache line with taking, and the taker publishes its count once per drained batch. An event is
 * counted as added before it is added and as taken after it is taken, so the size may for a moment
 * include an event not yet visible, never the other way round: the queue is never over-filled, and
 * {@link #isEmpty()} never reports an event as gone before the sender has it. Only the sender
 * thread takes, drains or clears.
 */
final class EventQueue {
  private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();
  private final AtomicLong added = new AtomicLong();
  private volatile long taken;
  private final AtomicReference<Thread> sleeper = new AtomicReference<>();
  private final int capacity;

  EventQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queue capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds {@code event} unless the queue is full; never blocks. */
  boolean offer(Object event) {
    long count;
    do {
      count = added.get();
      if (count - taken >= capacity) {
        return false;
      }
    } while (!added.compareAndSet(count, count + 1));
    events.offer(event);
    Thread sleeping = sleeper.get();
    if (sleeping != null && sleeper.compareAndSet(sleeping, null)) {
      LockSupport.unpark(sleeping);
    }
    return true;
  }

  /**
   * Takes the oldest event, waiting at most {@code timeout} for one; only the sender thread calls
   * it.
   *
   * @return the event, or null when none came in time
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  Object poll(long timeout, TimeUnit unit) throws InterruptedException {
    Object event = take();
    if (event != null) {
      return event;
    }
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    Thread self = Thread.currentThread();
    try {
      while (true) {
        // Announce the sleep before looking again: an event added after the look wakes us.
        sleeper.set(self);
        event = take();
        if (event != null) {
          return event;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        LockSupport.parkNanos(this, left);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } finally {
      sleeper.compareAndSet(self, null);
    }
  }

  /** Moves up to {@code max} events, oldest first, to {@code target}; returns how many. */
  int drainTo(Collection<Object> target, int max) {
    int moved = 0;
    while (moved < max) {
      Object event = events.poll();
      if (event == null) {
        break;
      }
      target.add(event);
      moved++;
    }
    taken += moved;
    return moved;
  }

  /**
   * How many events were ever added, counting one being added at this moment; a refused event is
   * never counted, so this is the number the queue accepted.
   */
  long addedCount() {
    return added.get();
  }

  /** How many events are queued, counting one being added at this moment. */
  int size() {
    return (int) Math.max(0, added.get() - taken);
  }

  boolean isEmpty() {
    return size() == 0;
  }

  /** Drops everything queued. */
  void clear() {
    while (take() != null) {
      // Taking lowers the count.
    }
  }

  /** Takes one event; only the taker writes {@code taken}, so a plain increment is safe. */
  private Object take() {
    Object event = events.poll();
    if (event != null) {
      taken++;
    }
    return event;
  }
}
