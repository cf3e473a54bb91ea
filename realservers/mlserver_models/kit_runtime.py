"""Inferlink kit models (testkit KitModels) as MLServer custom runtimes (mlserver 1.7.1).

Loaded by MLServer from the model-settings.json files next to this file; see ../mlserver_serve.sh.
Errors: MLServerError(msg, http_status); MLServer maps the HTTP status to gRPC only for
400->INVALID_ARGUMENT, 404->NOT_FOUND, 422->FAILED_PRECONDITION, 500->INTERNAL (else UNKNOWN).
"""
import asyncio

import numpy as np
from mlserver import MLModel
from mlserver.codecs import NumpyCodec
from mlserver.errors import MLServerError
from mlserver.types import InferenceRequest, InferenceResponse, ResponseOutput

HTTP_OF_CODE = {1: 499, 2: 500, 3: 400, 4: 504, 5: 404, 6: 400, 7: 403, 8: 429, 9: 412, 10: 409,
                11: 400, 12: 501, 13: 500, 14: 503, 15: 500, 16: 401}
CODE_NAMES = ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
              "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
              "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
              "UNAUTHENTICATED"]


def out(name, datatype, arr):
    arr = np.asarray(arr)
    data = [x.decode() if isinstance(x, bytes) else x for x in arr.reshape(-1).tolist()]
    return ResponseOutput(name=name, shape=list(arr.shape), datatype=datatype, data=data)


class Kit(MLModel):
    def single(self, req: InferenceRequest, name: str, dtype: str):
        if len(req.inputs) != 1 or req.inputs[0].name != name:
            raise MLServerError(f"{self.name}: expected exactly input '{name}', got {[i.name for i in req.inputs]}")
        inp = req.inputs[0]
        if inp.datatype != dtype:
            raise MLServerError(f"{self.name}: input '{name}' must be {dtype}, got {inp.datatype}")
        try:
            return NumpyCodec.decode_input(inp).reshape(inp.shape)
        except ValueError as e:
            raise MLServerError(f"{self.name}: input '{name}': {e}")

    def respond(self, req, outputs):
        if req.outputs:
            by = {o.name: o for o in outputs}
            outputs = [by[o.name] for o in req.outputs if o.name in by]
        return InferenceResponse(id=req.id, model_name=self.name, model_version=self.version, outputs=outputs)


class Identity(Kit):
    async def predict(self, req: InferenceRequest) -> InferenceResponse:
        outs = [ResponseOutput(name=i.name, shape=i.shape, datatype=i.datatype, data=i.data) for i in req.inputs]
        return self.respond(req, outs)


class AddOne(Kit):
    async def predict(self, req):
        x = self.single(req, "x", "FP32")
        return self.respond(req, [out("y", "FP32", (x + np.float32(1)).astype(np.float32))])


class Classifier(Kit):
    W = np.array([[1, 0, -1, 0], [0, 1, 0, 0], [0, -1, 1, 1]], dtype=np.float64)
    CLASSES = ["setosa", "versicolor", "virginica"]

    async def predict(self, req):
        x = self.single(req, "x", "FP32")
        if x.ndim != 2 or x.shape[1] != 4:
            raise MLServerError(f"classifier: input 'x' must be [N, 4], got {list(x.shape)}")
        logits = x.astype(np.float64) @ self.W.T
        if len(x):
            e = np.exp(logits - logits.max(axis=1, keepdims=True))
            sm = e / e.sum(axis=1, keepdims=True)
            # bytes, not str: MLServer's gRPC encoder of typed bytes_contents takes only bytes
            # ("expected bytes, str found"); its REST side writes either as a JSON string
            labels = [self.CLASSES[i].encode() for i in np.argmax(logits, axis=1)]
        else:
            sm, labels = np.zeros((0, 3)), []
        return self.respond(req, [ResponseOutput(name="label", shape=[len(labels)], datatype="BYTES", data=labels),
                                  out("scores", "FP32", sm.astype(np.float32))])


class Fail(Kit):
    async def predict(self, req):
        c = self.single(req, "code", "INT32")
        if c.size != 1:
            raise MLServerError(f"fail: input 'code' must have 1 element, got {c.size}")
        n = int(c.reshape(-1)[0])
        if n == 0:
            return self.respond(req, [out("code", "INT32", c)])
        name = CODE_NAMES[n] if 0 < n < len(CODE_NAMES) else "UNKNOWN"
        raise MLServerError("scripted failure: " + name, HTTP_OF_CODE.get(n, 500))


class Sleep(Kit):
    async def predict(self, req):
        m = self.single(req, "millis", "INT64")
        ms = int(m.reshape(-1)[0]) if m.size == 1 else -1
        if not 0 <= ms <= 60000:
            raise MLServerError(f"sleep: input 'millis' must be one value 0..60000")
        await asyncio.sleep(ms / 1000.0)
        return self.respond(req, [out("millis", "INT64", m)])


class Versioned(Kit):
    async def predict(self, req):
        self.single(req, "x", "FP32")
        return self.respond(req, [out("version", "INT64", np.array([int(self.version)], dtype=np.int64))])
