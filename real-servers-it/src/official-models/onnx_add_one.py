#!/usr/bin/env python3
"""Write add_one as an ONNX model for OVMS: FP32 x [1, 3] -> y = x + 1, one Add node with a constant.

The shape is fixed ([1, 3], what OfficialImagesIT sends) so that OVMS serves it with no shape setting; IR version
8 and opset 13 are old enough for every OpenVINO release that reads ONNX. Usage: onnx_add_one.py OUT.onnx
"""
import sys

import onnx
from onnx import TensorProto, helper


def main(out):
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3])
    one = helper.make_tensor("one", TensorProto.FLOAT, [1], [1.0])
    graph = helper.make_graph([helper.make_node("Add", ["x", "one"], ["y"])], "add_one", [x], [y], [one])
    model = helper.make_model(graph, producer_name="inferlink-official-models",
                              opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, out)


if __name__ == "__main__":
    main(sys.argv[1])
