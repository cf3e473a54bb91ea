package io.inferlink.emulator.oip;

import io.inferlink.emulator.ModelScript;
import io.inferlink.emulator.ScriptedFailure;
import io.inferlink.emulator.ScriptedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model repository extension of the emulator's Open Inference Protocol frontends, in one of its two
 * wire forms, and which models are loaded. Give it to {@link OipRestFrontend.Builder#repository} and
 * {@link OipGrpcFrontend.Builder#repository}; handing the same instance to both makes them one server,
 * as REST and gRPC of a real server are. Every scripted model starts loaded. An unloaded model answers
 * as the real servers do: KServe's server forgets it (metadata, readiness and inference say NOT_FOUND,
 * as for a model it never had); Triton keeps it in its index as {@code UNAVAILABLE}, reports it not
 * ready, and refuses metadata and inference with NOT_FOUND {@code Request for unknown model: '<m>' has
 * no available versions}. Loading or unloading a model the script does not have is NOT_FOUND.
 * Thread-safe.
 */
public final class OipModelRepository {
  /** The two wire forms of the extension (PROTOCOLS.md §3.2, §3.6). */
  public enum Form {
    /** Triton's: REST index/load/unload under {@code /v2/repository}, gRPC RepositoryIndex and Triton's messages. */
    TRITON,
    /** KServe's Python server: {@code GET /v2/models}, load/unload answering {@code {"name", "load"}}; no gRPC index. */
    KSERVE
  }

  /** The index state of a loaded, ready model version (Triton's word). */
  public static final String READY = "READY";
  /** The index state of an unloaded or not ready model version (Triton's word). */
  public static final String UNAVAILABLE = "UNAVAILABLE";

  private final Form form;
  private final Set<String> unloaded = ConcurrentHashMap.newKeySet();

  private OipModelRepository(Form form) {
    this.form = Objects.requireNonNull(form, "form");
  }

  /**
   * Triton's form, every model loaded.
   *
   * @return a new repository in Triton's form
   */
  public static OipModelRepository triton() {
    return new OipModelRepository(Form.TRITON);
  }

  /**
   * KServe's form, every model loaded.
   *
   * @return a new repository in KServe's form
   */
  public static OipModelRepository kserve() {
    return new OipModelRepository(Form.KSERVE);
  }

  /**
   * The wire form.
   *
   * @return the form this repository answers in
   */
  public Form form() {
    return form;
  }

  /**
   * False once the model was unloaded (and not loaded again).
   *
   * @param model the model's name
   * @return true unless the model was unloaded since it was last loaded
   */
  public boolean isLoaded(String model) {
    return !unloaded.contains(model);
  }

  /** The extension name server metadata lists: Triton's and KServe's differ. */
  String extensionName() {
    return form == Form.TRITON ? "model_repository" : "model_repository_extension";
  }

  /** Loads (or reloads) a scripted model; NOT_FOUND when the script has none of this name. */
  void load(ModelScript script, String model) {
    requireScripted(script, model);
    unloaded.remove(model);
  }

  /**
   * Unloads a scripted model; NOT_FOUND when the script has none of this name, and for KServe also
   * when it is unloaded already (KServe's registry no longer has it).
   */
  void unload(ModelScript script, String model) {
    requireScripted(script, model);
    if (form == Form.KSERVE && !isLoaded(model)) {
      throw notLoaded(model);
    }
    unloaded.add(model);
  }

  private static void requireScripted(ModelScript script, String model) {
    if (script.model(model).isEmpty()) {
      throw ScriptedFailure.notFound("Model " + model + " not found");
    }
  }

  /** What metadata and inference of an unloaded model answer. */
  ScriptedFailure notLoaded(String model) {
    return ScriptedFailure.notFound(form == Form.TRITON
        ? "Request for unknown model: '" + model + "' has no available versions"
        : "Model " + model + " not found");
  }

  /** Triton's index: one entry per version, loaded or not; with {@code readyOnly} only the ready ones. */
  List<Entry> index(ModelScript script, boolean readyOnly) {
    List<Entry> out = new ArrayList<>();
    for (ScriptedModel m : script.models()) {
      for (String v : m.versions()) {
        boolean loaded = isLoaded(m.name());
        boolean ready = loaded && m.isReady(v);
        if (ready || !readyOnly) {
          out.add(new Entry(m.name(), v, ready ? READY : UNAVAILABLE, ready ? "" : loaded ? "not ready" : "unloaded"));
        }
      }
    }
    return out;
  }

  /** KServe's list: the names of the models it holds. */
  List<String> loadedNames(ModelScript script) {
    List<String> out = new ArrayList<>();
    script.models().forEach(m -> {
      if (isLoaded(m.name())) {
        out.add(m.name());
      }
    });
    return out;
  }

  /** One index entry. */
  record Entry(String name, String version, String state, String reason) {}
}
