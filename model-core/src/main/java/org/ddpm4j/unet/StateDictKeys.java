package org.ddpm4j.unet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where checkpoint key names are translated. Older diffusers checkpoints name the attention projections
 * {@code query}, {@code key}, {@code value} and {@code proj_attn}; diffusers renames them on load (its
 * {@code _convert_deprecated_attention_blocks}) to {@code to_q}, {@code to_k}, {@code to_v} and {@code to_out.0}, and
 * so does ddpm4j. {@code group_norm} keeps its name.
 */
public final class StateDictKeys {
  private static final Pattern LEGACY =
      Pattern.compile("^(.*\\.attentions\\.\\d+\\.)(query|key|value|proj_attn)\\.(weight|bias)$");

  private StateDictKeys() {}

  /** The current diffusers name of a key: legacy attention names translated, every other key unchanged. */
  public static String canonical(String key) {
    Matcher m = LEGACY.matcher(key);
    if (!m.matches()) {
      return key;
    }
    String renamed = switch (m.group(2)) {
      case "query" -> "to_q";
      case "key" -> "to_k";
      case "value" -> "to_v";
      default -> "to_out.0";
    };
    return m.group(1) + renamed + "." + m.group(3);
  }
}
