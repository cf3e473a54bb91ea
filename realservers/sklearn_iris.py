#!/usr/bin/env python3
"""Trains scikit-learn iris classifiers and lays them out as an MLServer model repository, the way
MLServer's scikit-learn runtime docs do (a joblib file plus a model-settings.json naming
mlserver_sklearn.SKLearnModel), and writes what sklearn itself predicts for the tests to compare.

  "$VENV_ML"/bin/python sklearn_iris.py --out DIR

Deterministic: the iris data ships inside scikit-learn (no download) and LogisticRegression's
default lbfgs solver has no randomness; random_state is fixed anyway. DIR gets
  settings.json                    MLServer server settings: 127.0.0.1, and debug as in MLServer's
                                   example (also its default), so errors answer with tracebacks
  iris/model.joblib                LogisticRegression on the integer targets 0, 1, 2
  iris/model-settings.json         version "v0.1.0" (as in MLServer's example)
  iris-names/model.joblib          the same, trained on the species names (predict gives strings)
  iris-names/model-settings.json   no version
  iris-expected.json               the 150 iris rows and sklearn's own predict/predict_proba for them,
                                   also for the rows as float32 and as float32 then float16 (what the
                                   server sees when a Java client sends FP32 or FP16 features)
"""
import argparse
import json
import pathlib

import joblib
import numpy as np
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression


def settings(name, version=None):
    parameters = {"uri": "./model.joblib"}
    if version:
        parameters["version"] = version
    return {"name": name, "implementation": "mlserver_sklearn.SKLearnModel", "parameters": parameters}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    out = pathlib.Path(p.parse_args().out)
    iris = load_iris()
    x, y = iris.data, iris.target
    by_number = LogisticRegression(max_iter=1000, random_state=0).fit(x, y)
    by_name = LogisticRegression(max_iter=1000, random_state=0).fit(x, iris.target_names[y])
    (out / "iris").mkdir(parents=True, exist_ok=True)
    (out / "iris-names").mkdir(parents=True, exist_ok=True)
    joblib.dump(by_number, out / "iris" / "model.joblib")
    joblib.dump(by_name, out / "iris-names" / "model.joblib")
    (out / "iris" / "model-settings.json").write_text(json.dumps(settings("iris", "v0.1.0"), indent=2))
    (out / "iris-names" / "model-settings.json").write_text(json.dumps(settings("iris-names"), indent=2))
    (out / "settings.json").write_text(json.dumps({"debug": True, "host": "127.0.0.1"}, indent=2))
    expected = {
        "features": x.tolist(),
        "predict": by_number.predict(x).tolist(),
        "predict_proba": by_number.predict_proba(x).tolist(),
        "predict_names": by_name.predict(x).tolist(),
        "predict_fp32": by_number.predict(x.astype(np.float32)).tolist(),
        "predict_fp16": by_number.predict(x.astype(np.float32).astype(np.float16)).tolist(),
        "training_accuracy": float(by_number.score(x, y)),
    }
    (out / "iris-expected.json").write_text(json.dumps(expected))


if __name__ == "__main__":
    main()
