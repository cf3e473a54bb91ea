#!/usr/bin/env python3
"""Python tritonclient against the same PyTriton identity model the Java PeerBench calls.

Run by benchmarks/run with the realservers venv's python (tritonclient[all] and numpy are there).
One case (what the lead's steady harness alternates with PeerBench):
  python peer_tritonclient.py --http 127.0.0.1:18000 --grpc 127.0.0.1:18001 \
      --transport http --in-flight 16 --warmup-seconds 3 --iterations 3 --seconds 1 --out peer.json
  -> {"tritonclient_version", "numpy_version", "transport", "in_flight", "score", "error", "unit",
      "iterations"} at the top level.
Without --transport/--in-flight it keeps the older behaviour: both transports at 1 in flight, the
JSON then holds {"tritonclient_version", "numpy_version", "http": {...}, "grpc": {...}} (what
benchmarks/run reads today). --transport alone runs that transport at 1 in flight; --in-flight alone
runs both transports at that window under the same per-transport keys.

Measures what PeerBench measures: FP32 [1,1,3,224,224] (the [1,3,224,224] image under the r5 input,
the only FP32 identity input of a rank that holds it) from a numpy array built once, the output read
back as numpy; HTTP with binary tensors both ways, gRPC as tritonclient sends it (raw contents). The
InferInput objects are built once and reused, as a careful user would.
  * 1 in flight: the sync clients (tritonclient.http / tritonclient.grpc), calls from one thread.
  * 16 in flight: each sync client's async_infer, 16 calls kept in flight from one issuing thread:
    tritonclient.http with concurrency=16 (its gevent pool of 16 connections; the oldest call's
    get_result() is awaited, then one more is issued) and tritonclient.grpc with a completion
    callback releasing a semaphore of 16 (PeerBench's model: one issuing thread, completions refill
    the window). Completed calls per second. Why async_infer and not the asyncio modules
    (tritonclient.http.aio / tritonclient.grpc.aio): tritonclient's reference docs mark both aio
    clients "currently in beta and may be subject to change", async_infer is the stable async API
    each client documents (and shows in its simple_*_async_infer_client.py examples), and it is the
    stronger baseline here: measured on this machine, http.aio made ~20 req/s at 1 and 16 in flight
    (~40 ms per call) against ~80 for the gevent async_infer; gRPC aio and async_infer were close.
    --async-api aio measures the asyncio clients instead (one event loop, 16 worker coroutines).
Requests per second over fixed-time iterations after a warm-up, like JMH's throughput mode, with a
99.9% confidence half-width ("error") as JMH computes it.
"""
import argparse
import asyncio
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


def summary(rates):
    mean = statistics.fmean(rates)
    err = t999(len(rates) - 1) * statistics.stdev(rates) / math.sqrt(len(rates)) if len(rates) > 1 else float("nan")
    return {"score": mean, "error": err, "unit": "ops/s", "iterations": rates}


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
    return summary(rates)


async def measure_async(call, in_flight, warmup_seconds, iterations, seconds):
    """Keeps in_flight calls outstanding; an iteration counts the calls completed in its window.

    Each of in_flight workers awaits one call, counts it, and issues the next, so the window stays
    full; the counter is read at the iteration boundaries (calls straddling a boundary count in the
    iteration they complete in, as JMH's throughput loop does for PeerBench's async variant).
    """
    done = 0
    stop = False

    async def worker():
        nonlocal done
        while not stop:
            await call()
            done += 1

    tasks = [asyncio.create_task(worker()) for _ in range(in_flight)]
    try:
        await asyncio.sleep(warmup_seconds)
        rates = []
        for _ in range(iterations):
            n0, t0 = done, time.perf_counter()
            await asyncio.sleep(seconds)
            n1, t1 = done, time.perf_counter()
            rates.append((n1 - n0) / (t1 - t0))
    finally:
        stop = True
        await asyncio.gather(*tasks)
    return summary(rates)


def window_rates(completed, warmup_seconds, iterations, seconds, pump):
    """Completed calls per second over fixed windows while pump() keeps the window full.

    pump(deadline) issues and completes calls until the deadline; completed() reads the number of
    calls completed so far. Calls straddling a boundary count in the window they complete in.
    """
    pump(time.perf_counter() + warmup_seconds)
    rates = []
    for _ in range(iterations):
        n0, t0 = completed(), time.perf_counter()
        pump(t0 + seconds)
        n1, t1 = completed(), time.perf_counter()
        rates.append((n1 - n0) / (t1 - t0))
    return summary(rates)


def measure_http_async_infer(url, in_flight, a):
    import collections
    import tritonclient.http as httpclient
    client = httpclient.InferenceServerClient(url=url, verbose=False, concurrency=in_flight)
    data = image()
    inp = httpclient.InferInput("r5", list(data.shape), "FP32")
    inp.set_data_from_numpy(data, binary_data=True)
    out = httpclient.InferRequestedOutput("r5", binary_data=True)
    pending = collections.deque()
    done = [0]

    def issue():
        pending.append(client.async_infer("identity", inputs=[inp], outputs=[out]))

    def complete_oldest():
        assert pending.popleft().get_result().as_numpy("r5").shape == data.shape
        done[0] += 1

    def pump(deadline):
        while len(pending) < in_flight:
            issue()
        while time.perf_counter() < deadline:
            complete_oldest()
            issue()

    try:
        return window_rates(lambda: done[0], a.warmup_seconds, a.iterations, a.seconds, pump)
    finally:
        while pending:
            complete_oldest()
        client.close()


def measure_grpc_async_infer(url, in_flight, a):
    import threading
    import tritonclient.grpc as grpcclient
    client = grpcclient.InferenceServerClient(url=url, verbose=False)
    data = image()
    inp = grpcclient.InferInput("r5", list(data.shape), "FP32")
    inp.set_data_from_numpy(data)
    out = grpcclient.InferRequestedOutput("r5")
    window = threading.Semaphore(in_flight)
    lock = threading.Lock()
    state = {"done": 0, "error": None}

    def on_done(result, error):
        try:
            if error is not None:
                state["error"] = error
            else:
                assert result.as_numpy("r5").shape == data.shape
            with lock:
                state["done"] += 1
        finally:
            window.release()

    def pump(deadline):
        while time.perf_counter() < deadline:
            window.acquire()
            client.async_infer("identity", inputs=[inp], callback=on_done, outputs=[out])
        if state["error"] is not None:
            raise state["error"]

    try:
        return window_rates(lambda: state["done"], a.warmup_seconds, a.iterations, a.seconds, pump)
    finally:
        for _ in range(in_flight):
            window.acquire()
        client.close()


def image():
    return np.random.default_rng(42).random((1, 1, 3, 224, 224), dtype=np.float32)


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


def http_aio_call(url, in_flight):
    import tritonclient.http.aio as httpaio
    # conn_limit defaults to 100 (aiohttp's pool), above any window measured here: one connection per
    # call in flight, as aiohttp opens them.
    client = httpaio.InferenceServerClient(url=url, verbose=False)
    data = image()
    inp = httpaio.InferInput("r5", list(data.shape), "FP32")
    inp.set_data_from_numpy(data, binary_data=True)
    out = httpaio.InferRequestedOutput("r5", binary_data=True)

    async def call():
        result = await client.infer("identity", inputs=[inp], outputs=[out])
        assert result.as_numpy("r5").shape == data.shape
    return client, call


def grpc_aio_call(url, in_flight):
    import tritonclient.grpc.aio as grpcaio
    client = grpcaio.InferenceServerClient(url=url, verbose=False)
    data = image()
    inp = grpcaio.InferInput("r5", list(data.shape), "FP32")
    inp.set_data_from_numpy(data)
    out = grpcaio.InferRequestedOutput("r5")

    async def call():
        result = await client.infer("identity", inputs=[inp], outputs=[out])
        assert result.as_numpy("r5").shape == data.shape
    return client, call


def run_case(transport, in_flight, url, a):
    if in_flight == 1:
        client, call = (http_call if transport == "http" else grpc_call)(url)
        try:
            return measure(call, a.warmup_seconds, a.iterations, a.seconds)
        finally:
            client.close()
    if a.async_api == "async_infer":
        return (measure_http_async_infer if transport == "http" else measure_grpc_async_infer)(url, in_flight, a)

    async def go():
        client, call = (http_aio_call if transport == "http" else grpc_aio_call)(url, in_flight)
        try:
            return await measure_async(call, in_flight, a.warmup_seconds, a.iterations, a.seconds)
        finally:
            await client.close()
    return asyncio.run(go())


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--http", required=True, help="host:port of Triton's HTTP endpoint")
    p.add_argument("--grpc", required=True, help="host:port of Triton's gRPC endpoint")
    p.add_argument("--transport", choices=("http", "grpc"), help="run this transport only")
    p.add_argument("--in-flight", type=int, choices=(1, 16), help="calls in flight (1: sync, 16: asyncio)")
    p.add_argument("--async-api", choices=("async_infer", "aio"), default="async_infer",
                   help="the API for more than 1 in flight (see the header)")
    p.add_argument("--warmup-seconds", type=float, default=3)
    p.add_argument("--iterations", type=int, default=3)
    p.add_argument("--seconds", type=float, default=1)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    from importlib.metadata import version
    results = {"tritonclient_version": version("tritonclient"), "numpy_version": np.__version__}
    urls = {"http": a.http, "grpc": a.grpc}
    in_flight = a.in_flight or 1
    if a.transport is not None and a.in_flight is not None:
        r = run_case(a.transport, in_flight, urls[a.transport], a)
        results.update({"transport": a.transport, "in_flight": in_flight,
                        "async_api": a.async_api if in_flight > 1 else "sync", **r})
        print(f"tritonclient {a.transport} in_flight={in_flight}: {r['score']:.1f} ± {r['error']:.1f} req/s",
              flush=True)
    else:
        for name in ((a.transport,) if a.transport else ("http", "grpc")):
            results[name] = run_case(name, in_flight, urls[name], a)
            print(f"tritonclient {name} in_flight={in_flight}: {results[name]['score']:.1f} ± "
                  f"{results[name]['error']:.1f} req/s", flush=True)
    with open(a.out, "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
