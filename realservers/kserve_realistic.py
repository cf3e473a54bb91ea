#!/usr/bin/env python3
"""Custom KServe models written the way KServe's own custom-model quick-start writes them.

Unlike kserve_models.py (the kit's contracts, tuned so that every check can pass), nothing here
helps the client: each model is a kserve.Model subclass with no version, load() sets ready,
predict() returns what the docs' examples return, and ModelServer().start([...]) reads the ports
from KServe's own command line flags:

  "$VENV_MAIN"/bin/python kserve_realistic.py --http_port 19080 --grpc_port 19081 --max-seconds 600

V1 models (dict in, dict out, /v1/models/<m>:predict):
  * animal-labels     instances are rows of 3 logits (cat, dog, bird); predictions are a list of
                      dicts {"label": str, "score": float} (the row's softmax maximum).
  * animal-details    the same dicts with numpy values left in: "score" a np.float32 scalar and
                      "probabilities" the row's float32 np.ndarray (orjson serialises both).
  * softmax-ndarray   predictions is the raw float32 np.ndarray of softmax rows (KServe's
                      ORJSONResponse serialises numpy arrays itself).
  * softmax-tolist    predictions is the same float64 array through np.ndarray.tolist().
  * argmax-ndarray    predictions is a raw int64 np.ndarray of each row's argmax.
V2 model (InferRequest in, InferResponse out, REST /v2/models/<m>/infer and gRPC):
  * softmax-v2        input-0 FP32 [N, 3] -> output-0 FP32 [N, 3] (softmax rows), built as the docs
                      do: InferOutput(..., data=ndarray) and InferResponse(response_id=generate_uuid(),
                      model_name=..., infer_outputs=[...]): no model_version, so the REST answer says
                      "model_version": null.

The only departure from the quick-start: KServe binds every interface, and these servers must
listen on 127.0.0.1 only (kserve_models.py's patch is reused), and the process stops itself after
--max-seconds.
"""
import argparse
import logging
import os
import signal
import threading
import time

import numpy as np

from kserve_models import _patch_bind_addresses

LOG = logging.getLogger("realistic-kserve")
ANIMALS = ["cat", "dog", "bird"]


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def build_models():
    from kserve import InferOutput, InferRequest, InferResponse, Model
    from kserve.utils.utils import generate_uuid

    class AnimalLabels(Model):
        def __init__(self, name):
            super().__init__(name)
            self.load()

        def load(self):
            self.classes = ANIMALS
            self.ready = True

        def predict(self, payload, headers=None):
            probs = softmax(np.asarray(payload["instances"], dtype=np.float64))
            return {"predictions": [{"label": self.classes[int(i)], "score": float(p[i])}
                                    for p, i in zip(probs, probs.argmax(axis=1))]}

    class AnimalDetails(AnimalLabels):
        def predict(self, payload, headers=None):
            probs = softmax(np.asarray(payload["instances"], dtype=np.float64)).astype(np.float32)
            return {"predictions": [{"label": self.classes[int(i)], "score": p[i], "probabilities": p}
                                    for p, i in zip(probs, probs.argmax(axis=1))]}

    class SoftmaxNdarray(Model):
        def __init__(self, name):
            super().__init__(name)
            self.load()

        def load(self):
            self.ready = True

        def predict(self, payload, headers=None):
            x = np.asarray(payload["instances"], dtype=np.float32)
            return {"predictions": softmax(x).astype(np.float32)}

    class SoftmaxToList(SoftmaxNdarray):
        def predict(self, payload, headers=None):
            return {"predictions": softmax(np.asarray(payload["instances"], dtype=np.float64)).tolist()}

    class ArgmaxNdarray(SoftmaxNdarray):
        def predict(self, payload, headers=None):
            return {"predictions": np.asarray(payload["instances"]).argmax(axis=1).astype(np.int64)}

    class SoftmaxV2(Model):
        def __init__(self, name):
            super().__init__(name)
            self.load()

        def load(self):
            self.ready = True

        def predict(self, payload: InferRequest, headers=None) -> InferResponse:
            x = payload.inputs[0].as_numpy().astype(np.float32)
            result = softmax(x).astype(np.float32)
            output = InferOutput(name="output-0", shape=list(result.shape), datatype="FP32", data=result)
            return InferResponse(response_id=generate_uuid(), model_name=self.name, infer_outputs=[output])

    return [AnimalLabels("animal-labels"), AnimalDetails("animal-details"), SoftmaxNdarray("softmax-ndarray"),
            SoftmaxToList("softmax-tolist"), ArgmaxNdarray("argmax-ndarray"), SoftmaxV2("softmax-v2")]


def _arm_deadline(seconds):
    def fire():
        time.sleep(seconds)
        LOG.warning("--max-seconds %s reached, stopping", seconds)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)
        os._exit(3)

    threading.Thread(target=fire, daemon=True, name="max-seconds").start()


if __name__ == "__main__":
    # KServe parses --http_port/--grpc_port itself (parse_known_args on import); ours is the lifetime.
    own = argparse.ArgumentParser(add_help=False)
    own.add_argument("--max-seconds", type=float, default=600)
    args, _ = own.parse_known_args()
    _patch_bind_addresses()
    from kserve import ModelServer

    _arm_deadline(args.max_seconds)
    ModelServer().start(build_models())
