package org.ddpm4j.unet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration of a diffusers {@code UNet2DModel} (v0.21.4), as read from its {@code config.json}. Fields missing
 * from the JSON take diffusers' defaults (so a config saved by an old diffusers version means what it meant there).
 * The fields ddpm4j does not implement must have their default value; any other value is rejected with an error that
 * names the field and the value.
 *
 * @param sampleSize {@code sample_size}: empty (null in JSON), one value (an int) or two (height, width); metadata only
 * @param inChannels {@code in_channels}
 * @param outChannels {@code out_channels}
 * @param centerInputSample {@code center_input_sample}: the input is mapped to {@code 2x - 1} first
 * @param freqShift {@code freq_shift} of the sinusoidal timestep embedding
 * @param flipSinToCos {@code flip_sin_to_cos}: {@code [cos, sin]} instead of {@code [sin, cos]}
 * @param downBlockTypes {@code down_block_types}
 * @param upBlockTypes {@code up_block_types}
 * @param blockOutChannels {@code block_out_channels}
 * @param layersPerBlock {@code layers_per_block} (resnets per down block; up blocks have one more)
 * @param midBlockScaleFactor {@code mid_block_scale_factor}: divides the mid block's resnet and attention outputs
 * @param downsamplePadding {@code downsample_padding}: 0 = pad right and bottom by one, then convolve unpadded; 1 =
 *     convolve with padding 1
 * @param dropout {@code dropout} of the resnets (training only)
 * @param attentionHeadDim {@code attention_head_dim}: null = one head over all channels, else channels / this heads
 * @param normNumGroups {@code norm_num_groups} of every GroupNorm
 * @param normEps {@code norm_eps} of every GroupNorm
 * @param addAttention {@code add_attention}: whether the mid block has self-attention
 */
public record UNetConfig(
    List<Integer> sampleSize,
    int inChannels,
    int outChannels,
    boolean centerInputSample,
    int freqShift,
    boolean flipSinToCos,
    List<BlockType> downBlockTypes,
    List<BlockType> upBlockTypes,
    List<Integer> blockOutChannels,
    int layersPerBlock,
    double midBlockScaleFactor,
    int downsamplePadding,
    double dropout,
    Integer attentionHeadDim,
    int normNumGroups,
    double normEps,
    boolean addAttention) {

  /** The diffusers class this config describes. */
  public static final String CLASS_NAME = "UNet2DModel";
  /** The diffusers version whose behaviour ddpm4j reproduces and writes into saved configs. */
  public static final String DIFFUSERS_VERSION = "0.21.4";

  /** Fields whose only supported value is diffusers' default, with that default (JSON null for none). */
  private static final Map<String, JsonElement> FIXED = Map.of(
      "time_embedding_type", new JsonPrimitive("positional"),
      "act_fn", new JsonPrimitive("silu"),
      "resnet_time_scale_shift", new JsonPrimitive("default"),
      "downsample_type", new JsonPrimitive("conv"),
      "upsample_type", new JsonPrimitive("conv"),
      "class_embed_type", JsonNull.INSTANCE,
      "num_class_embeds", JsonNull.INSTANCE);

  /** Fields of newer diffusers versions that are accepted when they leave the network unchanged (null). */
  private static final Set<String> NULL_ONLY = Set.of("num_train_timesteps");

  private static final Set<String> KNOWN = Set.of("sample_size", "in_channels", "out_channels",
      "center_input_sample", "freq_shift", "flip_sin_to_cos", "down_block_types", "up_block_types",
      "block_out_channels", "layers_per_block", "mid_block_scale_factor", "downsample_padding", "dropout",
      "attention_head_dim", "norm_num_groups", "norm_eps", "add_attention", "attn_norm_num_groups");

  /**
   * Creates and validates a config.
   *
   * @throws IllegalArgumentException naming the field of an invalid value (e.g. channels not divisible by the groups)
   */
  public UNetConfig(List<Integer> sampleSize, int inChannels, int outChannels, boolean centerInputSample,
      int freqShift, boolean flipSinToCos, List<BlockType> downBlockTypes, List<BlockType> upBlockTypes,
      List<Integer> blockOutChannels, int layersPerBlock, double midBlockScaleFactor, int downsamplePadding,
      double dropout, Integer attentionHeadDim, int normNumGroups, double normEps, boolean addAttention) {
    this.sampleSize = List.copyOf(sampleSize);
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.centerInputSample = centerInputSample;
    this.freqShift = freqShift;
    this.flipSinToCos = flipSinToCos;
    this.downBlockTypes = List.copyOf(downBlockTypes);
    this.upBlockTypes = List.copyOf(upBlockTypes);
    this.blockOutChannels = List.copyOf(blockOutChannels);
    this.layersPerBlock = layersPerBlock;
    this.midBlockScaleFactor = midBlockScaleFactor;
    this.downsamplePadding = downsamplePadding;
    this.dropout = dropout;
    this.attentionHeadDim = attentionHeadDim;
    this.normNumGroups = normNumGroups;
    this.normEps = normEps;
    this.addAttention = addAttention;
    validate(this, "UNetConfig");
  }

  /** The channels of the timestep embedding, {@code 4 * block_out_channels[0]}. */
  public int timeEmbedDim() {
    return 4 * blockOutChannels.get(0);
  }

  /** The number of resolution levels (= number of down blocks = number of up blocks). */
  public int levels() {
    return blockOutChannels.size();
  }

  /** The number of attention heads of a self-attention over {@code channels} channels. */
  public int heads(int channels) {
    return attentionHeadDim == null ? 1 : channels / attentionHeadDim;
  }

  /**
   * Parses a diffusers {@code config.json} object.
   *
   * @param json the parsed JSON object
   * @param source where it came from (e.g. the file), for error messages
   * @throws IllegalArgumentException naming the source, field and value of anything unsupported or invalid
   */
  public static UNetConfig fromJson(JsonObject json, String source) {
    Fields f = new Fields(json, source);
    f.checkClassName();
    FIXED.forEach(f::requireDefault);
    for (String key : json.keySet()) {
      if (key.startsWith("_") || KNOWN.contains(key) || FIXED.containsKey(key)) {
        continue;
      }
      if (NULL_ONLY.contains(key)) {
        f.requireDefault(key, JsonNull.INSTANCE);
        continue;
      }
      throw new IllegalArgumentException(source + ": field '" + key + "' = " + json.get(key)
          + " is not a UNet2DModel field that ddpm4j supports");
    }
    int groups = f.integer("norm_num_groups", 32);
    if (json.has("attn_norm_num_groups") && !json.get("attn_norm_num_groups").isJsonNull()
        && f.integer("attn_norm_num_groups", groups) != groups) {
      throw new IllegalArgumentException(source + ": field 'attn_norm_num_groups' = " + json.get("attn_norm_num_groups")
          + " is not supported (supported: null or the value of norm_num_groups, " + groups + ")");
    }
    UNetConfig config;
    try {
      config = new UNetConfig(
          f.sampleSize(),
          f.integer("in_channels", 3),
          f.integer("out_channels", 3),
          f.bool("center_input_sample", false),
          f.integer("freq_shift", 0),
          f.bool("flip_sin_to_cos", true),
          f.blockTypes("down_block_types", true,
              List.of("DownBlock2D", "AttnDownBlock2D", "AttnDownBlock2D", "AttnDownBlock2D")),
          f.blockTypes("up_block_types", false,
              List.of("AttnUpBlock2D", "AttnUpBlock2D", "AttnUpBlock2D", "UpBlock2D")),
          f.integers("block_out_channels", List.of(224, 448, 672, 896)),
          f.integer("layers_per_block", 2),
          f.number("mid_block_scale_factor", 1),
          f.integer("downsample_padding", 1),
          f.number("dropout", 0),
          f.nullableInteger("attention_head_dim", 8),
          groups,
          f.number("norm_eps", 1e-5),
          f.bool("add_attention", true));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replaceFirst("^UNetConfig", source), e);
    }
    return config;
  }

  /**
   * The config as diffusers writes it with {@code save_config}: every {@code UNet2DModel.__init__} argument of
   * v0.21.4, sorted by name, plus {@code _class_name} and {@code _diffusers_version}.
   */
  public JsonObject toJson() {
    Map<String, JsonElement> m = new TreeMap<>(FIXED);
    m.put("sample_size", switch (sampleSize.size()) {
      case 0 -> JsonNull.INSTANCE;
      case 1 -> new JsonPrimitive(sampleSize.get(0));
      default -> intArray(sampleSize);
    });
    m.put("in_channels", new JsonPrimitive(inChannels));
    m.put("out_channels", new JsonPrimitive(outChannels));
    m.put("center_input_sample", new JsonPrimitive(centerInputSample));
    m.put("freq_shift", new JsonPrimitive(freqShift));
    m.put("flip_sin_to_cos", new JsonPrimitive(flipSinToCos));
    m.put("down_block_types", typeArray(downBlockTypes));
    m.put("up_block_types", typeArray(upBlockTypes));
    m.put("block_out_channels", intArray(blockOutChannels));
    m.put("layers_per_block", new JsonPrimitive(layersPerBlock));
    m.put("mid_block_scale_factor", number(midBlockScaleFactor));
    m.put("downsample_padding", new JsonPrimitive(downsamplePadding));
    m.put("dropout", new JsonPrimitive(dropout));
    m.put("attention_head_dim", attentionHeadDim == null ? JsonNull.INSTANCE : new JsonPrimitive(attentionHeadDim));
    m.put("norm_num_groups", new JsonPrimitive(normNumGroups));
    m.put("norm_eps", new JsonPrimitive(normEps));
    m.put("add_attention", new JsonPrimitive(addAttention));
    JsonObject o = new JsonObject();
    o.addProperty("_class_name", CLASS_NAME);
    o.addProperty("_diffusers_version", DIFFUSERS_VERSION);
    m.forEach(o::add);
    return o;
  }

  private static JsonPrimitive number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? new JsonPrimitive((long) v) : new JsonPrimitive(v);
  }

  private static JsonArray intArray(List<Integer> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  private static JsonArray typeArray(List<BlockType> types) {
    JsonArray a = new JsonArray();
    types.forEach(t -> a.add(t.diffusersName()));
    return a;
  }

  private static void validate(UNetConfig c, String where) {
    int levels = c.blockOutChannels.size();
    if (levels == 0) {
      throw new IllegalArgumentException(where + ": field 'block_out_channels' is empty");
    }
    if (c.downBlockTypes.size() != levels || c.upBlockTypes.size() != levels) {
      throw new IllegalArgumentException(where + ": 'down_block_types' (" + c.downBlockTypes.size()
          + "), 'up_block_types' (" + c.upBlockTypes.size() + ") and 'block_out_channels' (" + levels
          + ") must have the same length");
    }
    for (int i = 0; i < levels; i++) {
      if (!c.downBlockTypes.get(i).isDown()) {
        throw new IllegalArgumentException(where + ": field 'down_block_types'[" + i + "] = \""
            + c.downBlockTypes.get(i).diffusersName() + "\" is not a down block");
      }
      if (c.upBlockTypes.get(i).isDown()) {
        throw new IllegalArgumentException(where + ": field 'up_block_types'[" + i + "] = \""
            + c.upBlockTypes.get(i).diffusersName() + "\" is not an up block");
      }
    }
    positive(where, "in_channels", c.inChannels);
    positive(where, "out_channels", c.outChannels);
    positive(where, "layers_per_block", c.layersPerBlock);
    positive(where, "norm_num_groups", c.normNumGroups);
    for (int i = 0; i < levels; i++) {
      int ch = c.blockOutChannels.get(i);
      positive(where, "block_out_channels[" + i + "]", ch);
      if (ch % c.normNumGroups != 0) {
        throw new IllegalArgumentException(where + ": field 'block_out_channels'[" + i + "] = " + ch
            + " is not divisible by norm_num_groups = " + c.normNumGroups);
      }
    }
    if (c.blockOutChannels.get(0) % 2 != 0) {
      throw new IllegalArgumentException(where + ": field 'block_out_channels'[0] = " + c.blockOutChannels.get(0)
          + " must be even (it is the size of the sinusoidal timestep embedding)");
    }
    if (c.blockOutChannels.get(0) / 2 == c.freqShift) {
      throw new IllegalArgumentException(where + ": field 'freq_shift' = " + c.freqShift
          + " equals half the embedding size, which divides by zero");
    }
    if (c.downsamplePadding != 0 && c.downsamplePadding != 1) {
      throw new IllegalArgumentException(where + ": field 'downsample_padding' = " + c.downsamplePadding
          + " is not supported (supported: 0, 1)");
    }
    if (!(c.dropout >= 0 && c.dropout < 1)) {
      throw new IllegalArgumentException(where + ": field 'dropout' = " + c.dropout + " is not in [0, 1)");
    }
    if (!(c.normEps > 0)) {
      throw new IllegalArgumentException(where + ": field 'norm_eps' = " + c.normEps + " must be > 0");
    }
    if (!(c.midBlockScaleFactor > 0) || Double.isInfinite(c.midBlockScaleFactor)) {
      throw new IllegalArgumentException(where + ": field 'mid_block_scale_factor' = " + c.midBlockScaleFactor
          + " must be a positive number");
    }
    if (c.sampleSize.size() > 2) {
      throw new IllegalArgumentException(where + ": field 'sample_size' = " + c.sampleSize
          + " must be null, an int or [height, width]");
    }
    if (c.attentionHeadDim != null) {
      positive(where, "attention_head_dim", c.attentionHeadDim);
      List<Integer> attended = new ArrayList<>();
      for (int i = 0; i < levels; i++) {
        if (c.downBlockTypes.get(i).hasAttention()) {
          attended.add(c.blockOutChannels.get(i));
        }
        if (c.upBlockTypes.get(i).hasAttention()) {
          attended.add(c.blockOutChannels.get(levels - 1 - i));
        }
      }
      if (c.addAttention) {
        attended.add(c.blockOutChannels.get(levels - 1));
      }
      for (int ch : attended) {
        if (ch % c.attentionHeadDim != 0) {
          throw new IllegalArgumentException(where + ": field 'attention_head_dim' = " + c.attentionHeadDim
              + " does not divide the " + ch + " channels of an attention block");
        }
      }
    }
  }

  private static void positive(String where, String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(where + ": field '" + field + "' = " + value + " must be positive");
    }
  }

  /** Typed access to the fields of one JSON object, with diffusers' defaults and errors naming source and field. */
  private static final class Fields {
    private final JsonObject json;
    private final String source;

    Fields(JsonObject json, String source) {
      this.json = json;
      this.source = source;
    }

    private IllegalArgumentException wrong(String field, String expected) {
      return new IllegalArgumentException(source + ": field '" + field + "' = " + json.get(field) + " is not "
          + expected);
    }

    private JsonElement get(String field) {
      JsonElement e = json.get(field);
      return e == null || e.isJsonNull() ? null : e;
    }

    void checkClassName() {
      JsonElement e = json.get("_class_name");
      if (e != null && !(e.isJsonPrimitive() && CLASS_NAME.equals(e.getAsString()))) {
        throw new IllegalArgumentException(source + ": field '_class_name' = " + e + " is not supported (supported: \""
            + CLASS_NAME + "\")");
      }
    }

    void requireDefault(String field, JsonElement expected) {
      if (!json.has(field)) {
        return;
      }
      JsonElement actual = json.get(field);
      if (!actual.equals(expected)) {
        throw new IllegalArgumentException(source + ": field '" + field + "' = " + actual
            + " is not supported (supported: " + expected + ")");
      }
    }

    int integer(String field, int dflt) {
      JsonElement e = get(field);
      if (e == null) {
        if (json.has(field)) {
          throw wrong(field, "an integer");
        }
        return dflt;
      }
      return asInt(e, field);
    }

    Integer nullableInteger(String field, int dflt) {
      if (!json.has(field)) {
        return dflt;
      }
      JsonElement e = get(field);
      return e == null ? null : asInt(e, field);
    }

    private int asInt(JsonElement e, String field) {
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
        throw wrong(field, "an integer");
      }
      double d = e.getAsDouble();
      if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
        throw wrong(field, "an integer");
      }
      return (int) d;
    }

    double number(String field, double dflt) {
      JsonElement e = get(field);
      if (e == null) {
        if (json.has(field)) {
          throw wrong(field, "a number");
        }
        return dflt;
      }
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
        throw wrong(field, "a number");
      }
      return e.getAsDouble();
    }

    boolean bool(String field, boolean dflt) {
      JsonElement e = get(field);
      if (e == null) {
        if (json.has(field)) {
          throw wrong(field, "a boolean");
        }
        return dflt;
      }
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
        throw wrong(field, "a boolean");
      }
      return e.getAsBoolean();
    }

    private JsonArray array(String field) {
      JsonElement e = get(field);
      if (e == null) {
        return null;
      }
      if (!e.isJsonArray()) {
        throw wrong(field, "an array");
      }
      return e.getAsJsonArray();
    }

    List<Integer> integers(String field, List<Integer> dflt) {
      JsonArray a = array(field);
      if (a == null) {
        if (json.has(field)) {
          throw wrong(field, "an array of integers");
        }
        return dflt;
      }
      List<Integer> out = new ArrayList<>();
      for (JsonElement e : a) {
        out.add(asInt(e, field));
      }
      return out;
    }

    List<BlockType> blockTypes(String field, boolean down, List<String> dflt) {
      JsonArray a = array(field);
      List<String> names = new ArrayList<>();
      if (a == null) {
        if (json.has(field)) {
          throw wrong(field, "an array of block type names");
        }
        names.addAll(dflt);
      } else {
        for (JsonElement e : a) {
          if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrong(field, "an array of block type names");
          }
          names.add(e.getAsString());
        }
      }
      List<BlockType> out = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        out.add(BlockType.parse(names.get(i), down, source + ": field '" + field + "'[" + i + "]"));
      }
      return out;
    }

    List<Integer> sampleSize() {
      JsonElement e = get("sample_size");
      if (e == null) {
        return List.of();
      }
      if (e.isJsonArray()) {
        return integers("sample_size", List.of());
      }
      return List.of(asInt(e, "sample_size"));
    }
  }
}
