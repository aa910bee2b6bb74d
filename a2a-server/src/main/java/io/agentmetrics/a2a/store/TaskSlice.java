package io.agentmetrics.a2a.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param tasks the tasks, in {@link StoredTask#LISTING_ORDER}
 * @param total how many tasks pass the filters, on every page
 * @param more whether tasks follow this page
 * @since 0.1.0
 */
public record TaskSlice(List<StoredTask> tasks, long total, boolean more) {

  /** Copies the tasks. */
  public TaskSlice {
    tasks = List.copyOf(tasks);
  }
}
