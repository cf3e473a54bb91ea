#!/usr/bin/env python3
"""Serve the Inferlink kit models (testkit KitModels) with KServe's Python model server.

Usage (from realservers/, after ./setup.sh):
  "$VENV_MAIN"/bin/python  (see env.sh) kserve_models.py --http-port 18080 --grpc-port 18081 --max-seconds 300

Binds 127.0.0.1 only (KServe hard-codes every-interface listeners; both are patched here, never left open), or the
address in REALSERVERS_BIND_ADDRESS (0.0.0.0 only inside a bridge-network container, whose published ports reach
the container's own interface, never its loopback), and stops itself after --max-seconds (SIGTERM to itself, hard
exit 10 s later if that hangs).

Protocols: V1 REST (/v1/models/<m>:predict), V2 REST (/v2/models/<m>/infer), V2 gRPC.
Where KServe cannot meet a KitModels contract (see README.md):
  * versioned: KServe answers 501 to every /versions/<v> path (REST) and has no labels;
    the model is served at its unversioned path and answers as version "2" (the latest).
  * sleep: a client cancel/deadline does not stop the wait (no cancellation hook in the
    KServe model API); the call just runs to its end.
  * fail: REST statuses come from a handler installed here (gRPC code -> HTTP status as in
    io.inferlink.spi.HttpStatusTable), body {"error": "scripted failure: <CODE>"};
    gRPC uses grpc_interceptor's GrpcException so the real code goes on the wire.
  * identity: BF16 cannot be represented by numpy, so BF16 inputs are refused (400).
"""
import argparse
import asyncio
import logging
import os
import signal
import sys
import threading
import time
import uuid

import numpy as np

LOG = logging.getLogger("kit-kserve")

# Not an INFERLINK_* name: ClientOptions.fromEnvironment refuses INFERLINK_ keys it does not know.
BIND_ADDRESS_VARIABLE = "REALSERVERS_BIND_ADDRESS"
HOST = os.environ.get(BIND_ADDRESS_VARIABLE) or "127.0.0.1"


def _patch_bind_addresses():
    """KServe 0.21 binds REST and gRPC on every interface; force HOST (127.0.0.1 unless told otherwise)."""
    import uvicorn
    import kserve.protocol.rest.server as rest_server
    import grpc.aio._server as aio_server

    orig_config = uvicorn.Config

    class LocalConfig(orig_config):
        def __init__(self, *a, **kw):
            kw["host"] = HOST
            super().__init__(*a, **kw)

    rest_server.uvicorn.Config = LocalConfig  # module attribute used by RESTServer

    orig_add = aio_server.Server.add_insecure_port

    def add_insecure_port(self, address):
        port = address.rsplit(":", 1)[1]
        return orig_add(self, f"{HOST}:{port}")

    aio_server.Server.add_insecure_port = add_insecure_port


# gRPC canonical codes -> HTTP status (io.inferlink.spi.HttpStatusTable#toHttpStatus)
HTTP_OF_CODE = {0: 200, 1: 499, 2: 500, 3: 400, 4: 504, 5: 404, 6: 400, 7: 403, 8: 429,
                9: 412, 10: 409, 11: 400, 12: 501, 13: 500, 14: 503, 15: 500, 16: 401}


def _install_rest_handler():
    """REST: map GrpcException (raised by 'fail') to {"error": msg} with the table's status."""
    from fastapi.responses import JSONResponse
    from grpc_interceptor.exceptions import GrpcException
    import kserve.protocol.rest.server as rest_server

    orig = rest_server.RESTServer._add_exception_handlers

    async def grpc_exc_handler(_request, exc):
        code = exc.status_code.value[0]
        return JSONResponse(status_code=HTTP_OF_CODE.get(code, 500), content={"error": exc.details})

    def add_handlers(self, app):
        orig(self, app)
        app.add_exception_handler(GrpcException, grpc_exc_handler)

    rest_server.RESTServer._add_exception_handlers = add_handlers


def build_models():
    import grpc
    import kserve
    from grpc_interceptor.exceptions import GrpcException
    from kserve.errors import InvalidInput
    from kserve.protocol.infer_type import InferOutput, InferRequest, InferResponse

    class Scripted(GrpcException):
        def __init__(self, code: grpc.StatusCode, details: str):
            super().__init__(details=details, status_code=code)

    def to_numpy(inp):
        if inp.datatype == "BF16":
            raise InvalidInput(f"input '{inp.name}': BF16 is not supported by this server")
        try:
            arr = inp.as_numpy()
            return arr.reshape(list(inp.shape))
        except (ValueError, TypeError) as e:
            raise InvalidInput(f"input '{inp.name}': {e}")

    def out_of(name, datatype, arr):
        out = InferOutput(name=name, shape=list(arr.shape), datatype=datatype)
        out.set_data_from_numpy(arr, binary_data=False)
        return out

    def respond(model, req: InferRequest, outputs, version="1"):
        if req.request_outputs:
            wanted = [o.name for o in req.request_outputs]
            by_name = {o.name: o for o in outputs}
            missing = [w for w in wanted if w not in by_name]
            if missing:
                raise InvalidInput(f"{model.name}: unknown requested output '{missing[0]}'")
            outputs = [by_name[w] for w in wanted]
        # KServe leaves req.id None when the request has none, and then fails validating
        # its own response (500 'id Input should be a valid string'): generate one.
        return InferResponse(response_id=req.id or str(uuid.uuid4()), model_name=model.name, infer_outputs=outputs,
                             model_version=version, use_binary_outputs=req.use_binary_outputs,
                             requested_outputs=req.request_outputs)

    def single_input(model, req, name, dtype):
        if len(req.inputs) != 1 or req.inputs[0].name != name:
            names = [i.name for i in req.inputs]
            raise InvalidInput(f"{model.name}: expected exactly input '{name}', got {names}")
        inp = req.inputs[0]
        if inp.datatype != dtype:
            raise InvalidInput(f"{model.name}: input '{name}' must be {dtype}, got {inp.datatype}")
        return to_numpy(inp)

    def meta(name, dtype, shape):
        return {"name": name, "datatype": dtype, "shape": shape}

    class Base(kserve.Model):
        inputs_meta = []
        outputs_meta = []

        def __init__(self, name):
            super().__init__(name)
            self.ready = True

        def get_input_types(self):
            return self.inputs_meta

        def get_output_types(self):
            return self.outputs_meta

    class Identity(Base):
        # Metadata of KitModels.IDENTITY_TENSORS, shape [-1]
        _types = {"x": "FP32", "a": "FP32", "b": "INT64", "c": "BYTES", "s": "FP32", "t": "BYTES",
                  "z": "FP32", "e": "INT64", "r5": "FP32", "big": "FP32"}
        for _t in ["BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "INT32",
                   "INT64", "FP16", "FP32", "FP64", "BYTES", "BF16"]:
            _types["x_" + _t.lower()] = _t
        inputs_meta = [meta(n, t, [-1]) for n, t in _types.items()]
        outputs_meta = inputs_meta

        def predict(self, payload, headers=None):
            if isinstance(payload, dict):  # V1: echo instances
                return {"predictions": payload.get("instances", payload.get("inputs"))}
            outs = [out_of(i.name, i.datatype, to_numpy(i)) for i in payload.inputs]
            return respond(self, payload, outs)

    class AddOne(Base):
        inputs_meta = [meta("x", "FP32", [-1, -1])]
        outputs_meta = [meta("y", "FP32", [-1, -1])]

        def predict(self, payload, headers=None):
            if isinstance(payload, dict):  # V1: instances are rows of x
                try:
                    x = np.asarray(payload["instances"], dtype=np.float32)
                except (KeyError, TypeError, ValueError) as e:
                    raise InvalidInput(f"add_one: bad instances: {e}")
                return {"predictions": (x + np.float32(1)).tolist()}
            x = single_input(self, payload, "x", "FP32")
            return respond(self, payload, [out_of("y", "FP32", (x + np.float32(1)).astype(np.float32))])

    class Classifier(Base):
        inputs_meta = [meta("x", "FP32", [-1, 4])]
        outputs_meta = [meta("label", "BYTES", [-1]), meta("scores", "FP32", [-1, 3])]
        W = np.array([[1, 0, -1, 0], [0, 1, 0, 0], [0, -1, 1, 1]], dtype=np.float64)
        CLASSES = ["setosa", "versicolor", "virginica"]

        def _run(self, x):
            if x.ndim != 2 or x.shape[1] != 4:
                raise InvalidInput(f"classifier: input 'x' must be [N, 4], got {list(x.shape)}")
            logits = x.astype(np.float64) @ self.W.T
            best = np.argmax(logits, axis=1) if len(x) else np.zeros((0,), dtype=np.int64)
            e = np.exp(logits - logits.max(axis=1, keepdims=True)) if len(x) else logits
            sm = (e / e.sum(axis=1, keepdims=True)) if len(x) else logits
            labels = np.array([self.CLASSES[i].encode() for i in best], dtype=np.object_)
            return labels, sm.astype(np.float32)

        def predict(self, payload, headers=None):
            if isinstance(payload, dict):
                labels, sm = self._run(np.asarray(payload["instances"], dtype=np.float32))
                return {"predictions": [{"label": l.decode(), "scores": s.tolist()}
                                        for l, s in zip(labels, sm)]}
            x = single_input(self, payload, "x", "FP32")
            labels, sm = self._run(x)
            return respond(self, payload, [out_of("label", "BYTES", labels), out_of("scores", "FP32", sm)])

    class Fail(Base):
        inputs_meta = [meta("code", "INT32", [1])]
        outputs_meta = inputs_meta

        def predict(self, payload, headers=None):
            if isinstance(payload, dict):
                raise InvalidInput("fail: V1 is not supported, use V2")
            c = single_input(self, payload, "code", "INT32")
            if c.size != 1:
                raise InvalidInput(f"fail: input 'code' must have 1 element, got {c.size}")
            n = int(c.reshape(-1)[0])
            if n == 0:
                return respond(self, payload, [out_of("code", "INT32", c)])
            code = next((s for s in grpc.StatusCode if s.value[0] == n), grpc.StatusCode.UNKNOWN)
            if code == grpc.StatusCode.OK:
                code = grpc.StatusCode.UNKNOWN
            raise Scripted(code, "scripted failure: " + code.name)

    class Sleep(Base):
        inputs_meta = [meta("millis", "INT64", [1])]
        outputs_meta = inputs_meta

        async def predict(self, payload, headers=None):
            if isinstance(payload, dict):
                raise InvalidInput("sleep: V1 is not supported, use V2")
            m = single_input(self, payload, "millis", "INT64")
            if m.size != 1:
                raise InvalidInput(f"sleep: input 'millis' must have 1 element, got {m.size}")
            ms = int(m.reshape(-1)[0])
            if not 0 <= ms <= 60000:
                raise InvalidInput(f"sleep: input 'millis' must be 0..60000, got {ms}")
            await asyncio.sleep(ms / 1000.0)
            return respond(self, payload, [out_of("millis", "INT64", m)])

    class Versioned(Base):
        inputs_meta = [meta("x", "FP32", [-1])]
        outputs_meta = [meta("version", "INT64", [1])]

        def predict(self, payload, headers=None):
            if isinstance(payload, dict):
                return {"predictions": [2]}
            single_input(self, payload, "x", "FP32")
            return respond(self, payload, [out_of("version", "INT64", np.array([2], dtype=np.int64))],
                           version="2")

    return [Identity("identity"), AddOne("add_one"), Classifier("classifier"), Fail("fail"),
            Sleep("sleep"), Versioned("versioned")]


def _arm_deadline(seconds: float):
    def fire():
        time.sleep(seconds)
        LOG.warning("--max-seconds %s reached, stopping", seconds)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)
        os._exit(3)

    threading.Thread(target=fire, daemon=True, name="max-seconds").start()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    # KServe's own spelling (--http_port) too: how a container runner such as KServeContainer passes ports
    p.add_argument("--http-port", "--http_port", dest="http_port", type=int, default=18080)
    p.add_argument("--grpc-port", "--grpc_port", dest="grpc_port", type=int, default=18081)
    p.add_argument("--max-seconds", type=float, default=600)
    args = p.parse_args()
    # kserve parses sys.argv at import time (its own parser, parse_known_args): hide ours.
    sys.argv = sys.argv[:1]
    _patch_bind_addresses()
    _install_rest_handler()
    import kserve

    _arm_deadline(args.max_seconds)
    kserve.ModelServer(http_port=args.http_port, grpc_port=args.grpc_port, workers=1,
                       enable_docs_url=False).start(build_models())


if __name__ == "__main__":
    main()
