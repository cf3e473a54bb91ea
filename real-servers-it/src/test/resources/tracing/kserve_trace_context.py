#!/usr/bin/env python3
"""A KServe predictor, written as KServe's custom-model docs write one, whose one model, trace_context, answers
the W3C trace-context headers its call arrived with: BYTES outputs `traceparent` and `tracestate` (empty when
absent). KServe hands a model the HTTP headers of a REST call and the metadata of a gRPC call as `headers`.

Runs next to realservers/kserve_models.py (copied into the same folder), whose loopback bind and --max-seconds
it reuses. KServe reads its own --http_port/--grpc_port from the command line.
"""
import argparse

import numpy as np

from kserve_models import _arm_deadline, _patch_bind_addresses

TRACE_HEADERS = ("traceparent", "tracestate")


def main():
    own = argparse.ArgumentParser(add_help=False)
    own.add_argument("--max-seconds", type=float, default=600)
    args, _ = own.parse_known_args()
    _patch_bind_addresses()
    from kserve import Model, ModelServer
    from kserve.protocol.infer_type import InferOutput, InferResponse

    class TraceContext(Model):
        def __init__(self):
            super().__init__("trace_context")
            self.ready = True

        def predict(self, payload, headers=None):
            seen = {k.lower(): v for k, v in (headers or {}).items()}
            outputs = []
            for name in TRACE_HEADERS:
                value = np.array([seen.get(name, "").encode()], dtype=np.object_)
                out = InferOutput(name=name, shape=[1], datatype="BYTES")
                out.set_data_from_numpy(value, binary_data=False)
                outputs.append(out)
            return InferResponse(response_id=payload.id or "trace", model_name=self.name, infer_outputs=outputs)

    _arm_deadline(args.max_seconds)
    ModelServer().start([TraceContext()])


if __name__ == "__main__":
    main()
