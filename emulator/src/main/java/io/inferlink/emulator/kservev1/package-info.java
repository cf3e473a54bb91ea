/**
 * The emulator's KServe V1 REST frontend (PROTOCOLS.md §3.1, §3.9): {@code instances} in,
 * {@code predictions} out, over the {@link io.inferlink.emulator.ModelScript}, answering as
 * KServe's Python model server does. Only {@link io.inferlink.emulator.kservev1.KServeV1RestFrontend}
 * is public.
 */
package io.inferlink.emulator.kservev1;
