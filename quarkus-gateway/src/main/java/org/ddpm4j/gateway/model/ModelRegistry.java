package org.ddpm4j.gateway.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ddpm4j.gateway.problem.ProblemException;
import org.jboss.logging.Logger;

/** The models loaded so far, loaded on first use and kept until shutdown. */
public final class ModelRegistry implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

  private final ModelCatalog catalog;
  private final Map<String, LoadedModel> loaded = new ConcurrentHashMap<>();

  /** A registry over the models of a catalog. */
  public ModelRegistry(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  /** The catalog the models come from. */
  public ModelCatalog catalog() {
    return catalog;
  }

  /**
   * A model, loading it if this is its first use.
   *
   * @throws ProblemException 400 for an id that is not a plain name, 404 for an unknown model, 500 naming the file
   *     and fault when the folder cannot be loaded
   */
  public LoadedModel get(String id) {
    LoadedModel model = loaded.get(id);
    if (model != null) {
      return model;
    }
    var folder = catalog.resolve(id);
    return loaded.computeIfAbsent(id, k -> {
      long start = System.nanoTime();
      try {
        LoadedModel m = LoadedModel.load(k, folder);
        LOG.infof("model '%s' loaded from %s in %d ms (%s per image)", k, folder,
            (System.nanoTime() - start) / 1_000_000, m.sampleShape());
        return m;
      } catch (RuntimeException e) {
        LOG.errorf("model '%s' cannot be loaded: %s", k, e.getMessage());
        throw ProblemException.modelUnloadable(k, e.getMessage());
      }
    });
  }

  /** Whether a model is loaded. */
  public boolean isLoaded(String id) {
    return loaded.containsKey(id);
  }

  /** Frees every loaded model. */
  @Override
  public void close() {
    loaded.values().forEach(LoadedModel::close);
    loaded.clear();
  }
}
