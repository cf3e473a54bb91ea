package io.inferlink.spring.boot.example;

import io.inferlink.InferenceClient;
import io.inferlink.InferenceRequest;
import io.inferlink.Tensor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Scores features with the model {@code add_one} through the client bean {@code ranker}. Thread-safe. */
@Service
public class ScoringService {
  private final InferenceClient ranker;

  /** The client is the bean the starter made for {@code inferlink.clients.ranker}. */
  public ScoringService(@Qualifier("ranker") InferenceClient ranker) {
    this.ranker = ranker;
  }

  /** The model's score of each feature, in order. */
  public float[] score(float... features) {
    InferenceRequest request = InferenceRequest.builder("add_one")
        .input(Tensor.ofFloats("x", features, features.length, 1)).build();
    return ranker.infer(request).output("y").toFloatArray();
  }
}
