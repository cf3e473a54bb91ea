package io.inferlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The terminal form of progress: a bar redrawn in place, with rate and ETA, and a summary. */
class ProgressTest {

  @Test
  void drawsABarWithRateAndEtaOnATerminal() throws InterruptedException {
    StringWriter text = new StringWriter();
    try (Progress p = new Progress(new PrintWriter(text), true, 8, Duration.ofSeconds(5))) {
      for (int i = 0; i < 4; i++) {
        p.completed(i != 2);
      }
      Thread.sleep(50);
      String line = p.line(false);
      assertTrue(line.startsWith("[############------------]  4/8   50%"), line);
      assertTrue(line.matches(".*items/s  ETA \\d+:\\d\\d  1 failed"), line);
      Thread.sleep(450);
    }
    String all = text.toString();
    assertTrue(all.contains("\r["), "redrawn in place: " + all);
    assertTrue(all.contains("]  4/8   50%") && all.contains("done"), "the final bar says done: " + all);
    assertTrue(all.contains("\nbatch: 4 items, 3 ok, 1 failed in "), all);
  }

  @Test
  void formatsEtaAsAClock() {
    assertEquals("0:04", Progress.clock(4));
    assertEquals("2:05", Progress.clock(125));
    assertEquals("1:00:01", Progress.clock(3601));
  }
}
