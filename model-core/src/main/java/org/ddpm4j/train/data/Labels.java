package org.ddpm4j.train.data;

/**
 * The class label of every image of a dataset.
 *
 * @param values one label per image, each in {@code 0 .. classes - 1}
 * @param classes the number of classes
 */
public record Labels(byte[] values, int classes) {

  /** Checks that every label is in range. */
  public Labels {
    for (int i = 0; i < values.length; i++) {
      if ((values[i] & 0xFF) >= classes) {
        throw new IllegalArgumentException(
            "label " + (values[i] & 0xFF) + " of record " + i + " is out of range 0.." + (classes - 1));
      }
    }
  }

  /** The number of labels. */
  public int size() {
    return values.length;
  }

  /** The label of image {@code index}. */
  public int get(int index) {
    return values[index] & 0xFF;
  }

  /** How many images each class has. */
  public int[] counts() {
    int[] counts = new int[classes];
    for (byte v : values) {
      counts[v & 0xFF]++;
    }
    return counts;
  }
}
