#!/usr/bin/env python3
"""Serve the Inferlink kit models with Triton through PyTriton (nvidia-pytriton), CPU only.

Usage (from realservers/, after ./setup.sh):
  "$VENV_MAIN"/bin/python  (see env.sh) pytriton_models.py --http-port 18000 --grpc-port 18001 --metrics-port 18002 --max-seconds 300

Binds 127.0.0.1 only; stops itself after --max-seconds. Do NOT import kserve in this process:
tritonclient's and kserve's generated protos both define package `inference` and clash in the
default protobuf descriptor pool ("duplicate symbol 'inference.ServerLiveRequest'").

Where Triton/PyTriton cannot meet the KitModels contracts (see README.md):
  * every input must be declared with a fixed rank (batching disabled here, so the declared
    shape is the full shape): identity is declared for the KitModels.IDENTITY_TENSORS names,
    all optional, each with the rank the kit sends under that name (rank 1, rank 2 for the
    two-dimensional samples, 'r5' rank 5; the scalars 's' and 't' are not expressible -> [1]);
    add_one accepts rank 2 only ([-1,-1], as its metadata says); BF16 is not available.
  * type/shape mismatches are rejected by Triton itself, with Triton's messages.
  * fail: PyTriton maps any exception to one status; arbitrary gRPC codes are impossible.
  * versioned: only version "2" (PyTriton cannot bind two versions of one name); no labels.
  * sleep: no cancellation hook.
"""
import argparse
import logging
import os
import signal
import sysconfig
import threading
import time

import numpy as np
from pytriton.decorators import batch  # noqa: F401  (kept for reference; models are unbatched)
from pytriton.model_config import ModelConfig, Tensor
from pytriton.triton import Triton, TritonConfig

HOST = "127.0.0.1"
TRITON = None
UNBATCHED = ModelConfig(batching=False)
CLASSES = [b"setosa", b"versicolor", b"virginica"]
W = np.array([[1, 0, -1, 0], [0, 1, 0, 0], [0, -1, 1, 1]], dtype=np.float64)

IDENTITY_TYPES = {"x": np.float32, "a": np.float32, "b": np.int64, "c": np.bytes_, "s": np.float32,
                  "t": np.bytes_, "z": np.float32, "e": np.int64, "r5": np.float32, "big": np.float32,
                  "x_bool": np.bool_, "x_uint8": np.uint8, "x_uint16": np.uint16, "x_uint32": np.uint32,
                  "x_uint64": np.uint64, "x_int8": np.int8, "x_int16": np.int16, "x_int32": np.int32,
                  "x_int64": np.int64, "x_fp16": np.float16, "x_fp32": np.float32,
                  "x_fp64": np.float64, "x_bytes": np.bytes_}


def per_request(fn):
    """Without @batch, PyTriton calls infer_func(requests) with a list of Request mappings."""
    def infer(requests):
        return [fn(**{k: r[k] for k in r.keys()}) for r in requests]
    infer.__name__ = fn.__name__
    return infer


def identity(**inputs):
    return dict(inputs)


def add_one(x):
    return {"y": (x + np.float32(1)).astype(np.float32)}


def classifier(x):
    logits = x.astype(np.float64) @ W.T
    if len(x) == 0:
        return {"label": np.zeros((0,), dtype=np.bytes_), "scores": np.zeros((0, 3), dtype=np.float32)}
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    sm = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
    return {"label": np.array([CLASSES[i] for i in np.argmax(logits, axis=1)], dtype=np.bytes_), "scores": sm}


def fail(code):
    n = int(code.reshape(-1)[0])
    if n == 0:
        return {"code": code}
    names = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
             "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
             "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
             "UNAUTHENTICATED"]
    raise ValueError("scripted failure: " + (names[n] if 0 < n < len(names) else "UNKNOWN"))


def sleep(millis):
    ms = int(millis.reshape(-1)[0])
    if not 0 <= ms <= 60000:
        raise ValueError(f"sleep: input 'millis' must be 0..60000, got {ms}")
    time.sleep(ms / 1000.0)
    return {"millis": millis}


def versioned_fn(v):
    def f(x):
        return {"version": np.array([v], dtype=np.int64)}
    return f


def _env_port(name, default):
    value = os.environ.get("PYTRITON_TRITON_CONFIG_" + name)
    return int(value) if value else default


def main():
    p = argparse.ArgumentParser()
    # PyTriton's own PYTRITON_TRITON_CONFIG_* variables give the defaults (how TritonServerContainer passes ports)
    p.add_argument("--http-port", type=int, default=_env_port("HTTP_PORT", 18000))
    p.add_argument("--grpc-port", type=int, default=_env_port("GRPC_PORT", 18001))
    p.add_argument("--metrics-port", type=int, default=_env_port("METRICS_PORT", 18002))
    p.add_argument("--max-seconds", type=float, default=600)
    a = p.parse_args()
    logging.basicConfig(level=logging.INFO)

    def deadline():
        time.sleep(a.max_seconds)
        logging.warning("--max-seconds reached, stopping")
        # Triton.stop() shuts tritonserver and the model stubs down in order; a plain SIGTERM to
        # this process kills it at once and leaves tritonserver to notice the loss by itself.
        if TRITON is not None:
            TRITON.stop()
        else:
            os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(20)
        os._exit(3)

    threading.Thread(target=deadline, daemon=True).start()
    # The bundled python_backend_stubs/3.11 stub links libpython3.11.so.1.0 from the *system*
    # (/lib/x86_64-linux-gnu, Debian 3.11.2) but runs this interpreter's stdlib (pyenv 3.11.7):
    # models then fail to load with "AttributeError: '_thread.RLock' object has no attribute
    # '_recursion_count'". Put this interpreter's own libpython first for the stub processes.
    libdir = sysconfig.get_config_var("LIBDIR")
    if libdir:
        os.environ["LD_LIBRARY_PATH"] = libdir + (":" + os.environ["LD_LIBRARY_PATH"] if os.environ.get("LD_LIBRARY_PATH") else "")
    cfg = TritonConfig(http_address=HOST, http_port=a.http_port, grpc_address=HOST, grpc_port=a.grpc_port,
                       metrics_address=HOST, metrics_port=a.metrics_port, allow_sagemaker=False,
                       allow_vertex_ai=False, log_verbose=0)
    global TRITON
    with Triton(config=cfg) as t:
        TRITON = t
        # the rank the kit sends under each name (KitTensors.sample, the multi-input, zero-size and
        # large checks); Triton needs one rank per declared input
        rank2 = ("x_bool", "x_fp16", "x_fp32", "x_fp64", "x_bytes", "a", "z", "big")
        shapes = {"s": (1,), "t": (1,), "r5": (-1, -1, -1, -1, -1), **{n: (-1, -1) for n in rank2}}
        ident = [Tensor(name=n, dtype=d, shape=shapes.get(n, (-1,)), optional=True)
                 for n, d in IDENTITY_TYPES.items()]
        t.bind("identity", per_request(identity), inputs=ident,
               outputs=[Tensor(name=n, dtype=d, shape=shapes.get(n, (-1,))) for n, d in IDENTITY_TYPES.items()],
               config=UNBATCHED)
        t.bind("add_one", per_request(add_one), inputs=[Tensor(name="x", dtype=np.float32, shape=(-1, -1))],
               outputs=[Tensor(name="y", dtype=np.float32, shape=(-1, -1))], config=UNBATCHED)
        t.bind("classifier", per_request(classifier), inputs=[Tensor(name="x", dtype=np.float32, shape=(-1, 4))],
               outputs=[Tensor(name="label", dtype=np.bytes_, shape=(-1,)),
                        Tensor(name="scores", dtype=np.float32, shape=(-1, 3))], config=UNBATCHED)
        t.bind("fail", per_request(fail), inputs=[Tensor(name="code", dtype=np.int32, shape=(1,))],
               outputs=[Tensor(name="code", dtype=np.int32, shape=(1,))], config=UNBATCHED)
        t.bind("sleep", per_request(sleep), inputs=[Tensor(name="millis", dtype=np.int64, shape=(1,))],
               outputs=[Tensor(name="millis", dtype=np.int64, shape=(1,))], config=UNBATCHED)
        # Two bind()s of one name (v1 + v2) fail: both versions' proxies use the same socket
        # ("OSError: [Errno 98] Address already in use") and PyTriton aborts. Only "2" is served.
        for v in (2,):
            t.bind("versioned", per_request(versioned_fn(v)), model_version=v,
                   inputs=[Tensor(name="x", dtype=np.float32, shape=(-1,))],
                   outputs=[Tensor(name="version", dtype=np.int64, shape=(1,))], config=UNBATCHED)
        t.serve()


if __name__ == "__main__":
    main()
