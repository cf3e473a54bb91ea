#!/usr/bin/env python3
"""Python tritonclient against the same PyTriton identity model the Java PeerBench calls.

Run by benchmarks/run with the realservers venv's python (tritonclient[all] and numpy are there):
  python peer_tritonclient.py --http 127.0.0.1:18000 --grpc 127.0.0.1:18001 \
      --warmup-seconds 3 --iterations 3 --seconds 1 --out peer.json

Measures what PeerBench measures: sync calls from one thread, FP32 [1,1,3,224,224] (the
[1,3,224,224] image under the r5 input, the only FP32 identity input of a rank that holds it) from a
numpy array built once, the output read back as numpy; HTTP with binary tensors both ways, gRPC as
tritonclient sends it (raw contents). The InferInput objects are built once and reused, as a careful
user would. Requests per second over fixed-time iterations after a warm-up, like JMH's throughput
mode, with a 99.9% confidence half-width ("error") as JMH computes it.
"""
import argparse
import json
import math
import statistics
import time

import numpy as np

# Student t quantiles for a two-sided 99.9% interval, by degrees of freedom (JMH's scoreError).
T999 = {1: 636.619, 2: 31.599, 3: 12.924, 4: 8.610, 5: 6.869, 6: 5.959, 7: 5.408, 8: 5.041, 9: 4.781,
        10: 4.587, 15: 4.073, 20: 3.850, 30: 3.646}


def t999(df):
    if df <= 0:
        return float("nan")
    keys = sorted(k for k in T999 if k <= df)
    return T999[keys[-1]] if keys else T999[1]


def measure(call, warmup_seconds, iterations, seconds):
    end = time.perf_counter() + warmup_seconds
    while time.perf_counter() < end:
        call()
    rates = []
    for _ in range(iterations):
        n = 0
        start = time.perf_counter()
        end = start + seconds
        while True:
            call()
            n += 1
            now = time.perf_counter()
            if now >= end:
                break
        rates.append(n / (now - start))
    mean = statistics.fmean(rates)
    err = t999(len(rates) - 1) * statistics.stdev(rates) / math.sqrt(len(rates)) if len(rates) > 1 else float("nan")
    return {"score": mean, "error": err, "unit": "ops/s", "iterations": rates}


def http_call(url):
    import tritonclient.http as httpclient
    client = httpclient.InferenceServerClient(url=url, verbose=False)
    data = image()
    inp = httpclient.InferInput("r5", list(data.shape), "FP32")
    inp.set_data_from_numpy(data, binary_data=True)
    out = httpclient.InferRequestedOutput("r5", binary_data=True)

    def call():
        result = client.infer("identity", inputs=[inp], outputs=[out])
        assert result.as_numpy("r5").shape == data.shape
    return client, call


def grpc_call(url):
    import tritonclient.grpc as grpcclient
    client = grpcclient.InferenceServerClient(url=url, verbose=False)
    data = image()
    inp = grpcclient.InferInput("r5", list(data.shape), "FP32")
    inp.set_data_from_numpy(data)
    out = grpcclient.InferRequestedOutput("r5")

    def call():
        result = client.infer("identity", inputs=[inp], outputs=[out])
        assert result.as_numpy("r5").shape == data.shape
    return client, call


def image():
    return np.random.default_rng(42).random((1, 1, 3, 224, 224), dtype=np.float32)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--http", required=True, help="host:port of Triton's HTTP endpoint")
    p.add_argument("--grpc", required=True, help="host:port of Triton's gRPC endpoint")
    p.add_argument("--warmup-seconds", type=float, default=3)
    p.add_argument("--iterations", type=int, default=3)
    p.add_argument("--seconds", type=float, default=1)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    from importlib.metadata import version
    results = {"tritonclient_version": version("tritonclient"), "numpy_version": np.__version__}
    for name, factory, url in (("http", http_call, a.http), ("grpc", grpc_call, a.grpc)):
        client, call = factory(url)
        try:
            results[name] = measure(call, a.warmup_seconds, a.iterations, a.seconds)
        finally:
            client.close()
        print(f"tritonclient {name}: {results[name]['score']:.1f} ± {results[name]['error']:.1f} req/s", flush=True)
    with open(a.out, "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
