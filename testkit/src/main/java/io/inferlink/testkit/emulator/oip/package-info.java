/**
 * The emulator's Open Inference Protocol (KServe V2) gRPC frontend: {@code inference.GRPCInferenceService}
 * over the {@link io.inferlink.testkit.emulator.ModelScript}, answering as a KServe or Triton server
 * would (PROTOCOLS.md §3.6, §3.9). Only {@link io.inferlink.testkit.emulator.oip.OipGrpcFrontend} is
 * public.
 */
package io.inferlink.testkit.emulator.oip;
