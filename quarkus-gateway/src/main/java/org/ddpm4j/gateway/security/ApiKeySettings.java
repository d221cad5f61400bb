package org.ddpm4j.gateway.security;

import java.util.List;

/**
 * Whether and how {@code /v1} requests must carry an API key.
 *
 * @param enabled off: every request passes
 * @param header the request header that carries the key
 * @param keys the accepted keys
 */
public record ApiKeySettings(boolean enabled, String header, List<String> keys) {
  /** Refuses an enabled check without keys (it would lock everyone out). */
  public ApiKeySettings {
    keys = List.copyOf(keys);
    if (enabled && keys.stream().noneMatch(k -> !k.isBlank())) {
      throw new IllegalArgumentException(
          "ddpm4j.gateway.auth.enabled is true but ddpm4j.gateway.auth.api-keys lists no key");
    }
  }
}
