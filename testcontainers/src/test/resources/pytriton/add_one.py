"""A PyTriton server with one model, add_one (FP32 x -> x + 1), for TritonServerContainer's unit tests.

Written as PyTriton's quick-start writes one: Triton() takes its ports from the PYTRITON_TRITON_CONFIG_*
environment variables the container sets.
"""
import numpy as np
from pytriton.decorators import batch
from pytriton.model_config import ModelConfig, Tensor
from pytriton.triton import Triton


@batch
def add_one(x):
    return {"y": x + 1}


with Triton() as triton:
    triton.bind(model_name="add_one", infer_func=add_one,
                inputs=[Tensor(name="x", dtype=np.float32, shape=(-1,))],
                outputs=[Tensor(name="y", dtype=np.float32, shape=(-1,))],
                config=ModelConfig(max_batch_size=8))
    triton.serve()
