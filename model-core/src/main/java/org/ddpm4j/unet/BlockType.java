package org.ddpm4j.unet;

/** The diffusers U-Net block types that ddpm4j supports, by their {@code config.json} names. */
public enum BlockType {
  /** {@code DownBlock2D}: resnets, then a downsampler. */
  DOWN_BLOCK_2D("DownBlock2D", true, false),
  /** {@code AttnDownBlock2D}: resnets each followed by self-attention, then a downsampler. */
  ATTN_DOWN_BLOCK_2D("AttnDownBlock2D", true, true),
  /** {@code UpBlock2D}: resnets over the concatenated skips, then an upsampler. */
  UP_BLOCK_2D("UpBlock2D", false, false),
  /** {@code AttnUpBlock2D}: resnets each followed by self-attention, then an upsampler. */
  ATTN_UP_BLOCK_2D("AttnUpBlock2D", false, true);

  private final String diffusersName;
  private final boolean down;
  private final boolean attention;

  BlockType(String diffusersName, boolean down, boolean attention) {
    this.diffusersName = diffusersName;
    this.down = down;
    this.attention = attention;
  }

  /** The name diffusers writes in {@code down_block_types} / {@code up_block_types}. */
  public String diffusersName() {
    return diffusersName;
  }

  /** Whether this is a block of the down path. */
  public boolean isDown() {
    return down;
  }

  /** Whether each resnet of the block is followed by self-attention. */
  public boolean hasAttention() {
    return attention;
  }

  /**
   * Parses a block type name of one path.
   *
   * @param name the diffusers name, e.g. {@code "AttnDownBlock2D"}
   * @param down whether the name comes from {@code down_block_types}
   * @param where the config source and field, for the error message
   * @throws IllegalArgumentException naming the field and value when the type is unknown or of the other path
   */
  public static BlockType parse(String name, boolean down, String where) {
    for (BlockType t : values()) {
      if (t.diffusersName.equals(name) && t.down == down) {
        return t;
      }
    }
    String supported = down ? "DownBlock2D, AttnDownBlock2D" : "UpBlock2D, AttnUpBlock2D";
    throw new IllegalArgumentException(where + ": block type \"" + name + "\" is not supported (supported: "
        + supported + ")");
  }
}
