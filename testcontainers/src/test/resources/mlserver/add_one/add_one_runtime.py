"""add_one (FP32 x -> y = x + 1) as an MLServer custom runtime, written as MLServer's custom-runtime docs write
one: an MLModel whose load() returns True and whose predict() decodes with NumpyCodec. MLServer imports it
from this model folder, named by model-settings.json's "implementation"."""
import numpy as np
from mlserver import MLModel
from mlserver.codecs import NumpyCodec
from mlserver.types import InferenceRequest, InferenceResponse


class AddOne(MLModel):
    async def load(self) -> bool:
        return True

    async def predict(self, payload: InferenceRequest) -> InferenceResponse:
        x = NumpyCodec.decode_input(payload.inputs[0]).astype(np.float32)
        y = NumpyCodec.encode_output(name="y", payload=(x + 1).astype(np.float32))
        return InferenceResponse(model_name=self.name, outputs=[y])
