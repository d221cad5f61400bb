package org.ddpm4j.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StateDictKeysTest {

  @Test
  void translatesTheLegacyAttentionNames() {
    assertEquals("mid_block.attentions.0.to_q.weight", StateDictKeys.canonical("mid_block.attentions.0.query.weight"));
    assertEquals("down_blocks.1.attentions.1.to_k.bias",
        StateDictKeys.canonical("down_blocks.1.attentions.1.key.bias"));
    assertEquals("up_blocks.2.attentions.2.to_v.weight", StateDictKeys.canonical("up_blocks.2.attentions.2.value.weight"));
    assertEquals("up_blocks.2.attentions.10.to_out.0.bias",
        StateDictKeys.canonical("up_blocks.2.attentions.10.proj_attn.bias"));
  }

  @Test
  void leavesEveryOtherKeyAlone() {
    for (String key : new String[] {"mid_block.attentions.0.group_norm.weight", "mid_block.attentions.0.to_q.weight",
        "down_blocks.0.resnets.0.key.weight", "mid_block.attentions.0.query.scale", "query.weight", "conv_in.bias"}) {
      assertEquals(key, StateDictKeys.canonical(key));
    }
  }
}
