package io.inferlink.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version in the jar's manifest, if any; stateless. */
final class Versions implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return new String[] {"inferlink " + (v == null ? "(development build)" : v)};
  }
}
