package io.inferlink.testcontainers;

import java.nio.charset.StandardCharsets;
import org.testcontainers.images.builder.Transferable;

/**
 * A text file a container class writes at start (it depends on the ports chosen then). Registered once
 * and rewritten in place, so a restarted container copies the current text and never an older one.
 */
final class GeneratedFile implements Transferable {
  private final String description;
  private volatile byte[] content = new byte[0];

  GeneratedFile(String description) {
    this.description = description;
  }

  void set(String text) {
    this.content = text.getBytes(StandardCharsets.UTF_8);
  }

  String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public long getSize() {
    return content.length;
  }

  @Override
  public byte[] getBytes() {
    return content;
  }

  @Override
  public String getDescription() {
    return description;
  }
}
