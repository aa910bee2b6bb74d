package io.agentmetrics.a2a.http;

import io.agentmetrics.api.TimeSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * Starts the disconnect watch of each blocking send whose turn has run on its request thread for
 * longer than {@link #AFTER}. Most turns end sooner, and watching costs a selector update and a
 * wake-up, so a send is only tracked (a map entry) while its turn runs; one sweep every {@link
 * #AFTER} arms the watches of the turns that have outlasted it. A client that leaves is therefore
 * noticed within about twice {@link #AFTER}. Started and stopped with the server.
 *
 * <p>Thread-safe.
 */
final class CallerTurnWatches extends AbstractLifeCycle {

  /** How long a turn runs before its client is watched, and how often the sweep runs. */
  static final Duration AFTER = Duration.ofMillis(100);

  private final Map<DisconnectWatch, Long> running = new ConcurrentHashMap<>();
  private final Scheduler scheduler;
  private final TimeSource time;
  private Scheduler.@Nullable Task sweep;

  CallerTurnWatches(Scheduler scheduler, TimeSource time) {
    this.scheduler = scheduler;
    this.time = time;
  }

  /** Tracks {@code watch} from now until {@link #untrack}. */
  void track(DisconnectWatch watch) {
    running.put(watch, time.nanoTime());
  }

  void untrack(DisconnectWatch watch) {
    running.remove(watch);
  }

  @Override
  protected synchronized void doStart() {
    scheduleSweep();
  }

  @Override
  protected synchronized void doStop() {
    if (sweep != null) {
      sweep.cancel();
    }
    running.clear();
  }

  private synchronized void scheduleSweep() {
    if (isRunning() || isStarting()) {
      sweep = scheduler.schedule(this::sweep, AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void sweep() {
    long since = time.nanoTime() - AFTER.toNanos();
    running.forEach(
        (watch, tracked) -> {
          if (tracked <= since) {
            watch.arm();
          }
        });
    scheduleSweep();
  }
}
