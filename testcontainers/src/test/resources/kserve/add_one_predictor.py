"""A custom KServe predictor, add_one (FP32 x -> x + 1), written as KServe's custom-model docs write one:
a kserve.Model whose load() sets ready, started with ModelServer().start([...]), which reads --http_port and
--grpc_port from the command line (KServeContainer passes them). It answers V1 ({"instances": ...}) and V2
(InferRequest) calls.

Two additions for our test machines, not needed by the docs' predictor: KServe binds every interface, and a
test server here must listen on 127.0.0.1 only (the container shares the host's network), so the REST and
gRPC binds are narrowed to loopback; and the process stops itself after --max-seconds.
"""
import argparse
import os
import signal
import threading
import time

import numpy as np

LOOPBACK = "127.0.0.1"


def bind_loopback_only():
    import grpc.aio._server as aio_server
    import kserve.protocol.rest.server as rest_server
    import uvicorn

    class LoopbackConfig(uvicorn.Config):
        def __init__(self, *args, **kwargs):
            kwargs["host"] = LOOPBACK
            super().__init__(*args, **kwargs)

    rest_server.uvicorn.Config = LoopbackConfig
    add_port = aio_server.Server.add_insecure_port
    aio_server.Server.add_insecure_port = lambda self, address: add_port(self, LOOPBACK + ":" + address.rsplit(":", 1)[1])


def stop_after(seconds):
    def fire():
        time.sleep(seconds)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)
        os._exit(3)

    threading.Thread(target=fire, daemon=True).start()


def add_one_model():
    from kserve import InferOutput, InferRequest, InferResponse, Model

    class AddOne(Model):
        def __init__(self, name):
            super().__init__(name)
            self.load()

        def load(self):
            self.ready = True

        def predict(self, payload, headers=None):
            if isinstance(payload, InferRequest):
                y = (payload.inputs[0].as_numpy().astype(np.float32) + 1).astype(np.float32)
                output = InferOutput(name="y", shape=list(y.shape), datatype="FP32", data=y)
                return InferResponse(response_id=payload.id or "", model_name=self.name, infer_outputs=[output])
            return {"predictions": (np.asarray(payload["instances"], dtype=np.float32) + 1).tolist()}

    return AddOne("add_one")


if __name__ == "__main__":
    own = argparse.ArgumentParser(add_help=False)
    own.add_argument("--max-seconds", type=float, default=300)
    args, _ = own.parse_known_args()
    bind_loopback_only()
    stop_after(args.max_seconds)
    from kserve import ModelServer

    ModelServer().start([add_one_model()])
