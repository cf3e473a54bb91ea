"""TorchServe custom handler, add_one: each request's first input (FP32) plus one, as one FP32 output.

A module-level handle(data, context), the form TorchServe's custom-service docs give: no model file, so the
archive needs no torch to build. Under the KServe V2 service envelope TorchServe hands it, per request, the
first input as a dict (name, shape, datatype, data) and names the answer's output "predict".
"""
import numpy as np


def handle(data, context):
    if data is None:  # the call TorchServe makes once when it loads the model
        return None
    answers = []
    for tensor in data:
        x = np.asarray(tensor["data"], dtype=np.float32).reshape(tensor["shape"])
        answers.append(x + np.float32(1))
    return answers
