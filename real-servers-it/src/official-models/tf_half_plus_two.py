#!/usr/bin/env python3
"""Write half_plus_two as a TensorFlow SavedModel for TF Serving: FP32 x (any shape) -> y = 0.5 * x + 2.

The model TF Serving's own docs serve in their first example, written anew here (their test data is not ours to
ship): one signature, serving_default, input "x", output "y"; a and b are variables so the SavedModel has the
variables/ folder a trained model has. Usage: tf_half_plus_two.py OUT_VERSION_DIR (e.g. .../half_plus_two/1)
"""
import sys

import tensorflow as tf


class HalfPlusTwo(tf.Module):
    def __init__(self):
        super().__init__()
        self.a = tf.Variable(0.5, dtype=tf.float32, name="a")
        self.b = tf.Variable(2.0, dtype=tf.float32, name="b")

    @tf.function(input_signature=[tf.TensorSpec(shape=None, dtype=tf.float32, name="x")])
    def serve(self, x):
        return {"y": self.a * x + self.b}


def main(out):
    model = HalfPlusTwo()
    tf.saved_model.save(model, out, signatures={"serving_default": model.serve})


if __name__ == "__main__":
    main(sys.argv[1])
