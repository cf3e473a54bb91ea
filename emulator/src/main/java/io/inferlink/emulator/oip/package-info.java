/**
 * The emulator's Open Inference Protocol (KServe V2) frontends: REST ({@link
 * io.inferlink.emulator.oip.OipRestFrontend}) and gRPC ({@link
 * io.inferlink.emulator.oip.OipGrpcFrontend}, {@code inference.GRPCInferenceService}) over the
 * {@link io.inferlink.emulator.ModelScript}, answering as a KServe or Triton server would
 * (PROTOCOLS.md §3.2–§3.9), optionally with the model repository extension in either of its forms
 * ({@link io.inferlink.emulator.oip.OipModelRepository}). Only those three types are public.
 */
package io.inferlink.emulator.oip;
