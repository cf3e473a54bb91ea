/**
 * The multi-protocol emulator on 127.0.0.1. The kit adapter ({@code io.inferlink.emulator.kit}) needs the
 * testkit, which stays optional so that the CLI runs the emulator without JUnit.
 */
module io.inferlink.emulator {
  requires transitive io.inferlink.core;
  requires io.inferlink.protos;
  requires static io.inferlink.testkit;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.google.protobuf;
  requires io.grpc;
  requires io.grpc.netty.shaded;
  requires io.grpc.protobuf;
  requires io.grpc.stub;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
  requires java.desktop; // the image models decode and draw images (javax.imageio, java.awt)

  exports io.inferlink.emulator;
  exports io.inferlink.emulator.kit;
  exports io.inferlink.emulator.kservev1;
  exports io.inferlink.emulator.oip;
  exports io.inferlink.emulator.ovms;
  exports io.inferlink.emulator.tfserving;
}
