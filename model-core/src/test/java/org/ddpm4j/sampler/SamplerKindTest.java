package org.ddpm4j.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplerKindTest {

  @Test
  void parsesTheUserNames() {
    assertEquals(SamplerKind.DDPM, SamplerKind.parse("ddpm"));
    assertEquals(SamplerKind.DDIM, SamplerKind.parse("DDIM"));
    assertEquals(SamplerKind.DPMPP, SamplerKind.parse(" dpmpp "));
    assertEquals("dpmpp", SamplerKind.DPMPP.id());
  }

  @Test
  void anUnknownNameListsTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplerKind.parse("euler"));
    assertEquals("unknown sampler 'euler' (valid: ddpm, ddim, dpmpp)", e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SamplerKind.parse(null)).getMessage()
        .contains("valid: ddpm, ddim, dpmpp"));
  }
}
