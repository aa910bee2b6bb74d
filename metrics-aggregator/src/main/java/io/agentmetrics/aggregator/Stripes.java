package io.agentmetrics.aggregator;

import io.agentmetrics.api.Preconditions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One {@code T} per stripe, the stripe picked by the calling thread, so that threads on different
 * stripes write to different objects and share no cache line. Each thread is numbered the first
 * time it asks for a stripe (of any {@code Stripes}), so the first threads take different stripes.
 * A stripe's object is made when a thread first asks for it, so one thread uses one object.
 *
 * <p>Thread-safe and lock-free: two threads making a stripe's object at once keep the one that was
 * published first.
 *
 * @param <T> the striped object, thread-safe itself: threads may share a stripe
 */
final class Stripes<T> {

  private static final int MAX_STRIPES = 64;
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** Each thread's number, in the order threads first ask; an array, so reading never boxes. */
  private static final ThreadLocal<int[]> THREAD_NUMBER =
      ThreadLocal.withInitial(() -> new int[] {THREADS.getAndIncrement()});

  private final int mask;
  private final AtomicReferenceArray<@Nullable T> stripes;
  private final Supplier<T> factory;

  /** {@code count} stripes, rounded up to a power of two, at most 64. */
  Stripes(int count, Supplier<T> factory) {
    int stripeCount = countFor(count);
    this.mask = stripeCount - 1;
    this.stripes = new AtomicReferenceArray<>(stripeCount);
    this.factory = factory;
  }

  /** How many stripes {@code count} asks for: rounded up to a power of two, at most 64. */
  static int countFor(int count) {
    Preconditions.atLeast(count, 1, "stripe count");
    return Math.min(MAX_STRIPES, count == 1 ? 1 : Integer.highestOneBit(count - 1) << 1);
  }

  /** The stripe count for this machine: its cores, so that each core's thread has a stripe. */
  static int forCores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * The calling thread's number, in the order threads first asked: read it once per record and hand
   * it to every striped structure the record touches ({@link #of}), so that a record looks the
   * thread up once rather than once per structure.
   */
  static int threadNumber() {
    return THREAD_NUMBER.get()[0];
  }

  /** The calling thread's stripe, made now if no thread used it yet. */
  T current() {
    return of(threadNumber());
  }

  /**
   * The stripe of the thread numbered {@code thread} ({@link #threadNumber()}), made now if no
   * thread used it yet.
   */
  T of(int thread) {
    int index = thread & mask;
    T stripe = stripes.get(index);
    if (stripe != null) {
      return stripe;
    }
    T created = factory.get();
    T raced = stripes.compareAndExchange(index, null, created);
    return raced == null ? created : raced;
  }

  /** How many stripes there are; {@link #get} takes an index below it. */
  int count() {
    return mask + 1;
  }

  /** Stripe {@code index}'s object, or null if no thread has used the stripe. */
  @Nullable T get(int index) {
    return stripes.get(index);
  }
}
