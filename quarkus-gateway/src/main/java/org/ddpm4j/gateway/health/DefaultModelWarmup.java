package org.ddpm4j.gateway.health;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.ddpm4j.gateway.api.RequestRules;
import org.ddpm4j.gateway.model.ModelRegistry;
import org.jboss.logging.Logger;

/** Loads the default model in the background at start-up, and remembers why it failed if it did. */
@Singleton
public final class DefaultModelWarmup {
  private static final Logger LOG = Logger.getLogger(DefaultModelWarmup.class);

  private final ModelRegistry models;
  private final String defaultModel;
  private volatile String failure;

  /** A warm-up of the default model of the rules. */
  @Inject
  public DefaultModelWarmup(ModelRegistry models, RequestRules rules) {
    this.models = models;
    this.defaultModel = rules.defaultModel();
  }

  void onStart(@Observes StartupEvent start) {
    Thread loader = new Thread(this::load, "ddpm4j-warmup");
    loader.setDaemon(true);
    loader.start();
  }

  private void load() {
    try {
      models.get(defaultModel);
    } catch (RuntimeException e) {
      failure = e.getMessage();
      LOG.errorf("the default model '%s' could not be loaded; the service stays unready: %s", defaultModel,
          e.getMessage());
    }
  }

  /** The default model's id. */
  public String defaultModel() {
    return defaultModel;
  }

  /** Whether the default model is loaded. */
  public boolean ready() {
    return models.isLoaded(defaultModel);
  }

  /** Why loading failed, or null if it did not (yet). */
  public String failure() {
    return failure;
  }
}
