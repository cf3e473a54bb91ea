/**
 * The emulator's OpenVINO Model Server mode: {@link io.inferlink.emulator.ovms.OvmsFrontends}
 * serves one emulated OVMS on a REST and a gRPC port, built on the TF Serving and Open Inference
 * Protocol frontends with OVMS's path rules, resolution, encodings, messages and status table in front
 * of them, plus its configuration and metrics endpoints; {@link
 * io.inferlink.emulator.ovms.OvmsRelease} chooses between a server that still has the TF
 * Serving API and one that no longer has it, and {@link io.inferlink.emulator.ovms.OvmsImageModel}
 * plays a model fed with encoded pictures.
 */
package io.inferlink.emulator.ovms;
