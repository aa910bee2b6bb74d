package io.agentmetrics.aggregator;

import io.agentmetrics.api.MetricType;
import io.agentmetrics.api.Preconditions;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Remembers, for the most recent executions, which metric types each one recorded from its metrics
 * and which from its breakdown, so that one execution counts once per type however it is fed in.
 *
 * <p>Per execution and type, the first source to claim the type wins: {@link #claim} returns false
 * to the other source afterwards. Metrics may claim a type any number of times (an execution may
 * run two database queries); a breakdown holds one value per type. Only the {@code capacity} most
 * recently seen executions are remembered; an older one is forgotten and counted anew.
 *
 * <p>An execution's metrics arrive one after another, usually from one thread, so each stripe of
 * threads ({@link Stripes}) remembers the entry it claimed last and finds it again without the map:
 * a claim of the same execution as the stripe's previous claim reads one field of the stripe and
 * the entry's flags. An entry the ledger has forgotten is marked so, and a stripe that still holds
 * it looks the execution up afresh, so the cache never revives a forgotten execution.
 *
 * <p>Thread-safe and lock-free: per execution, one int of flags set by compare-and-set, so a metric
 * and a breakdown of the same execution racing for one type cannot both win.
 */
final class ExecutionLedger {

  /** Where a value came from. */
  enum Source {
    METRICS(0),
    BREAKDOWN(16);

    private final int shift;

    Source(int shift) {
      this.shift = shift;
    }

    int bit(MetricType type) {
      return 1 << (shift + type.ordinal());
    }

    Source other() {
      return this == METRICS ? BREAKDOWN : METRICS;
    }
  }

  /**
   * Array slots between two stripes' entries in {@link #lastClaimed}: 64 bytes or more, so that a
   * stripe writing its entry does not evict the cache line another stripe's thread reads.
   */
  private static final int PADDING = 16;

  /** The flag of an entry that the ledger has forgotten: a stripe's cache must not use it. */
  private static final int FORGOTTEN = 1 << 15;

  private static final VarHandle FLAGS;

  static {
    try {
      FLAGS = MethodHandles.lookup().findVarHandle(Entry.class, "flags", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    // The flags of both sources share one int, 16 bits each; the metrics' last bit is FORGOTTEN.
    if (MetricType.values().length > 15) {
      throw new ExceptionInInitializerError("more than 15 metric types do not fit the flags");
    }
  }

  private final ConcurrentHashMap<UUID, Entry> entries;
  private final AtomicReferenceArray<Entry> order;
  private final AtomicLong admitted = new AtomicLong();

  /**
   * Per stripe of threads, at every {@link #PADDING}th slot, the entry it claimed last. Read and
   * written without synchronization: an entry's execution id is final and its flags are read
   * through {@link #FLAGS}, so a thread that sees another stripe's entry (threads may share a
   * stripe) sees it whole, and a stale entry only sends the claim to the map.
   */
  private final @Nullable Entry[] lastClaimed;

  private final int stripeMask;

  ExecutionLedger(int capacity) {
    this(capacity, Stripes.forCores());
  }

  ExecutionLedger(int capacity, int stripeCount) {
    Preconditions.atLeast(capacity, 1, "capacity");
    this.entries = new ConcurrentHashMap<>();
    this.order = new AtomicReferenceArray<>(capacity);
    int stripes = Stripes.countFor(stripeCount);
    this.lastClaimed = new Entry[stripes * PADDING];
    this.stripeMask = stripes - 1;
  }

  /**
   * Claims {@code type} of execution {@code executionId} for {@code source}, on the stripe of the
   * thread numbered {@code thread} ({@link Stripes#threadNumber()}).
   *
   * @return true if the value should be recorded: the other source has not recorded this type for
   *     this execution
   */
  boolean claim(UUID executionId, MetricType type, Source source, int thread) {
    int stripe = (thread & stripeMask) * PADDING;
    Entry entry = lastClaimed[stripe];
    if (entry == null
        || !entry.executionId.equals(executionId)
        || ((int) FLAGS.getVolatile(entry) & FORGOTTEN) != 0) {
      entry = entries.get(executionId);
      if (entry == null) {
        entry = admit(executionId);
      }
      lastClaimed[stripe] = entry;
    }
    int own = source.bit(type);
    int other = source.other().bit(type);
    while (true) {
      int flags = (int) FLAGS.getVolatile(entry);
      if ((flags & other) != 0) {
        return false;
      }
      if ((flags & own) != 0 || FLAGS.compareAndSet(entry, flags, flags | own)) {
        return true;
      }
    }
  }

  /** How many executions are remembered now; at most the capacity, briefly more under races. */
  int size() {
    return entries.size();
  }

  private Entry admit(UUID executionId) {
    Entry fresh = new Entry(executionId);
    Entry existing = entries.putIfAbsent(executionId, fresh);
    if (existing != null) {
      return existing;
    }
    int slot = (int) (admitted.getAndIncrement() % order.length());
    Entry evicted = order.getAndSet(slot, fresh);
    if (evicted != null) {
      // Only the entry this slot admitted: a later entry of the same execution stays.
      entries.remove(evicted.executionId, evicted);
      FLAGS.getAndBitwiseOr(evicted, FORGOTTEN);
    }
    return fresh;
  }

  /** One object per execution: the flags are a field of the entry, set through {@link #FLAGS}. */
  private static final class Entry {
    final UUID executionId;

    @SuppressWarnings("unused") // read and written through FLAGS
    private volatile int flags;

    Entry(UUID executionId) {
      this.executionId = executionId;
    }
  }
}
