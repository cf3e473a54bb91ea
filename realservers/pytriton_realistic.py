#!/usr/bin/env python3
"""Triton models bound the way PyTriton's quick-start binds them (nvidia-pytriton), CPU only.

Unlike pytriton_models.py (the kit's contracts, unbatched, one fixed rank per input), each model
here has a @batch-decorated infer function and ModelConfig(max_batch_size=...), so Triton adds the
batch dimension itself: a Tensor declared with shape (-1,) is sent and answered as [batch, n].

  "$VENV_MAIN"/bin/python pytriton_realistic.py --http-port 19000 --grpc-port 19001 --metrics-port 19002 --max-seconds 600

Models:
  * digest  BYTES in, BYTES out: input "data" (-1,) of byte strings; outputs "sha256" (-1,), the
            raw 32-byte digest of each element (not UTF-8: a digest byte is >= 0x80 as often as
            not), and "upper" (-1,), each element upper-cased (ASCII letters only, other bytes as they
            are).
  * half    FP32 in, FP16 out: input "x" (-1,); output "y" (-1,), x cast to float16 (numpy's
            round-to-nearest-even, overflow to infinity). NaN or infinite inputs raise ValueError,
            which PyTriton reports with the whole Python traceback as the error message.

Binds 127.0.0.1 only; stops itself after --max-seconds. Do NOT import kserve in this process (both
kserve's and tritonclient's protos define package `inference`).
"""
import argparse
import hashlib
import logging
import os
import signal
import sysconfig
import threading
import time

import numpy as np
from pytriton.decorators import batch
from pytriton.model_config import ModelConfig, Tensor
from pytriton.triton import Triton, TritonConfig

HOST = "127.0.0.1"


@batch
def digest(data):
    sha = np.array([[hashlib.sha256(v).digest() for v in row] for row in data], dtype=np.object_)
    upper = np.array([[bytes(v).upper() for v in row] for row in data], dtype=np.object_)
    return {"sha256": sha, "upper": upper}


@batch
def half(x):
    if not np.isfinite(x).all():
        raise ValueError("half: x must be finite, got " + np.array2string(x[~np.isfinite(x)]))
    return {"y": x.astype(np.float16)}


def _env_port(name, default):
    value = os.environ.get("PYTRITON_TRITON_CONFIG_" + name)
    return int(value) if value else default


def main():
    p = argparse.ArgumentParser()
    # PyTriton's own PYTRITON_TRITON_CONFIG_* variables give the defaults (how TritonServerContainer passes ports)
    p.add_argument("--http-port", type=int, default=_env_port("HTTP_PORT", 19000))
    p.add_argument("--grpc-port", type=int, default=_env_port("GRPC_PORT", 19001))
    p.add_argument("--metrics-port", type=int, default=_env_port("METRICS_PORT", 19002))
    p.add_argument("--max-seconds", type=float, default=600)
    a = p.parse_args()
    logging.basicConfig(level=logging.INFO)
    # the Python-backend stub must load this interpreter's libpython (see pytriton_models.py)
    libdir = sysconfig.get_config_var("LIBDIR")
    if libdir:
        os.environ["LD_LIBRARY_PATH"] = libdir + (":" + os.environ["LD_LIBRARY_PATH"] if os.environ.get("LD_LIBRARY_PATH") else "")
    config = TritonConfig(http_address=HOST, http_port=a.http_port, grpc_address=HOST, grpc_port=a.grpc_port,
                          metrics_address=HOST, metrics_port=a.metrics_port, allow_sagemaker=False,
                          allow_vertex_ai=False, log_verbose=0)
    running = []

    def deadline():
        time.sleep(a.max_seconds)
        logging.warning("--max-seconds reached, stopping")
        if running:
            running[0].stop()  # tritonserver and the model stubs in order
        else:
            os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(20)
        os._exit(3)

    threading.Thread(target=deadline, daemon=True).start()
    with Triton(config=config) as triton:
        running.append(triton)
        triton.bind(model_name="digest", infer_func=digest,
                    inputs=[Tensor(name="data", dtype=np.bytes_, shape=(-1,))],
                    outputs=[Tensor(name="sha256", dtype=np.bytes_, shape=(-1,)),
                             Tensor(name="upper", dtype=np.bytes_, shape=(-1,))],
                    config=ModelConfig(max_batch_size=16))
        triton.bind(model_name="half", infer_func=half,
                    inputs=[Tensor(name="x", dtype=np.float32, shape=(-1,))],
                    outputs=[Tensor(name="y", dtype=np.float16, shape=(-1,))],
                    config=ModelConfig(max_batch_size=16))
        triton.serve()


if __name__ == "__main__":
    main()
