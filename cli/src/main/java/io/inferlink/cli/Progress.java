package io.inferlink.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The batch's progress on standard error: on a terminal, one line redrawn in place with a bar,
 * rate and ETA; otherwise (a log, a pipe, CI) a plain line every interval. Always a summary at the
 * end. Thread-safe: items complete on many threads; one daemon thread redraws until {@link #close()}.
 */
final class Progress implements AutoCloseable {
  private static final int BAR = 24;

  private final PrintWriter err;
  private final boolean interactive;
  private final long total;
  private final long start = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final ScheduledExecutorService ticker;

  Progress(PrintWriter err, boolean interactive, long total, Duration every) {
    this.err = err;
    this.interactive = interactive;
    this.total = total;
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "inferlink-batch-progress");
      t.setDaemon(true);
      return t;
    });
    long period = interactive ? 200 : Math.max(1, every.toMillis());
    ticker.scheduleAtFixedRate(this::draw, period, period, TimeUnit.MILLISECONDS);
  }

  /** Counts one finished item. */
  void completed(boolean ok) {
    done.incrementAndGet();
    if (!ok) {
      failed.incrementAndGet();
    }
  }

  /** Stops redrawing and prints the summary line. */
  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (interactive) {
        err.print("\r" + line(true) + "\n");
      }
      double seconds = elapsedSeconds();
      err.println(String.format("batch: %d items, %d ok, %d failed in %.1f s (%.1f items/s)", done.get(),
          done.get() - failed.get(), failed.get(), seconds, rate(seconds)));
      err.flush();
    }
  }

  private synchronized void draw() {
    if (interactive) {
      err.print("\r" + line(false));
    } else {
      err.println("batch: " + line(false));
    }
    err.flush();
  }

  /** E.g. {@code [##########--------------]  45/100  45%  12.3 items/s  ETA 0:04  1 failed}. */
  String line(boolean finished) {
    long d = done.get();
    double seconds = elapsedSeconds();
    double rate = rate(seconds);
    int percent = total == 0 ? 100 : (int) (100 * d / total);
    String eta = finished ? "done" : rate > 0 ? "ETA " + clock((long) Math.ceil((total - d) / rate)) : "ETA ?";
    String text = String.format("%d/%d  %3d%%  %.1f items/s  %s  %d failed", d, total, percent, rate, eta, failed.get());
    if (!interactive) {
      return text;
    }
    int filled = total == 0 ? BAR : (int) (BAR * d / total);
    return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]  " + text;
  }

  private double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  private double rate(double seconds) {
    return seconds <= 0 ? 0 : done.get() / seconds;
  }

  static String clock(long seconds) {
    return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format("%d:%02d", seconds / 60, seconds % 60);
  }
}
