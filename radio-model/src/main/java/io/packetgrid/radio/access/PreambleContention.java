package io.packetgrid.radio.access;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One RACH occasion: each contending device picks one of the M preambles uniformly at random, and so
 * does each background transmission; a device succeeds when nobody else picked its preamble (no
 * capture, as in TR 37.868 §6.2.2 and the slotted-ALOHA model). Reusable scratch buffers; not
 * thread-safe.
 */
public final class PreambleContention {
    private final int preambles;
    private final int[] users;
    private final int[] stamp;
    private int round;

    public PreambleContention(int preambles) {
        if (preambles < 1) {
            throw new IllegalArgumentException("preambles must be ≥ 1, got " + preambles);
        }
        this.preambles = preambles;
        this.users = new int[preambles];
        this.stamp = new int[preambles];
    }

    public int preambles() {
        return preambles;
    }

    /**
     * Resolves one occasion: {@code devices} contenders (their picks are drawn in index order from
     * {@code random}) plus {@code background} background transmissions; {@code success[i]} is set
     * for each contender.
     */
    public void resolve(int devices, int background, UniformRandomProvider random, int[] pick, boolean[] success) {
        round++;
        if (round == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamp, 0);
            round = 1;
        }
        for (int i = 0; i < devices; i++) {
            int p = random.nextInt(preambles);
            pick[i] = p;
            count(p);
        }
        for (int b = 0; b < background; b++) {
            count(random.nextInt(preambles));
        }
        for (int i = 0; i < devices; i++) {
            success[i] = users[pick[i]] == 1;
        }
    }

    private void count(int p) {
        if (stamp[p] != round) {
            stamp[p] = round;
            users[p] = 0;
        }
        users[p]++;
    }
}
