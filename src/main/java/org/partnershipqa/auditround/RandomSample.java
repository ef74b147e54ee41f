package org.partnershipqa.auditround;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws a simple random sample from a cohort. The seed is recorded with the round: the same cohort file and
 * seed give the same children, so anyone can show the draw was random and repeat it.
 */
final class RandomSample {

  private RandomSample() {}

  record Draw(List<ChildFacts> children, long seed, int cohortSize) {}

  static Draw draw(List<ChildFacts> cohort, int size, Long seed) {
    if (size < 1) {
      throw new InvalidLaunchException(Map.of("sampleSize", "The sample size must be at least 1"));
    }
    if (size > cohort.size()) {
      throw new InvalidLaunchException(Map.of("sampleSize",
          "The sample size (" + size + ") is larger than the cohort (" + cohort.size() + " children)"));
    }
    long usedSeed = seed != null ? seed : new SecureRandom().nextLong();
    Random random = new Random(usedSeed);
    List<ChildFacts> pool = new ArrayList<>(cohort);
    // partial Fisher-Yates: the first `size` positions become a uniform random sample without replacement
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(pool.size() - i);
      ChildFacts swap = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, swap);
    }
    return new Draw(List.copyOf(pool.subList(0, size)), usedSeed, cohort.size());
  }
}
