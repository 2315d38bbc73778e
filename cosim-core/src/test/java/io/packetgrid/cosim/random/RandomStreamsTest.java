package io.packetgrid.cosim.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(UniformRandomProvider r, int n) {
        long[] x = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextLong();
        }
        return x;
    }

    @Test
    void sameSeedAndNameGiveTheSameSequenceWhateverTheCreationOrder() {
        RandomStreams a = new RandomStreams(42);
        RandomStreams b = new RandomStreams(42);
        UniformRandomProvider b1 = b.stream("other");
        long[] fromA = draw(a.stream("house7/heater"), 100);
        draw(b1, 1000);
        long[] fromB = draw(b.stream("house7/heater"), 100);
        assertArrayEquals(fromA, fromB);
    }

    @Test
    void differentNamesOrSeedsGiveDifferentStreams() {
        RandomStreams s = new RandomStreams(42);
        assertNotEquals(s.stream("a").nextLong(), s.stream("b").nextLong());
        assertNotEquals(new RandomStreams(1).stream("a").nextLong(), new RandomStreams(2).stream("a").nextLong());
    }

    @Test
    void seedDerivationIsFixedAcrossVersions() {
        // Pinned from SHA-256 of the 8 big-endian seed bytes followed by UTF-8 "grid":
        // a change here silently changes every published result, so it must be deliberate.
        long[] s = RandomStreams.seedFor(0, "grid");
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        sha.update(new byte[8]);
        sha.update("grid".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.nio.ByteBuffer d = java.nio.ByteBuffer.wrap(sha.digest());
        assertEquals(d.getLong(), s[0]);
        assertEquals(d.getLong(), s[1]);
    }

    @Test
    void streamsLookUniform() {
        UniformRandomProvider r = new RandomStreams(7).stream("uniformity");
        int n = 200_000;
        int[] bins = new int[10];
        for (int i = 0; i < n; i++) {
            bins[(int) (r.nextDouble() * 10)]++;
        }
        double chi2 = 0;
        for (int b : bins) {
            double e = n / 10.0;
            chi2 += (b - e) * (b - e) / e;
        }
        // chi-square with 9 degrees of freedom: P(chi2 > 27.88) = 0.001
        org.junit.jupiter.api.Assertions.assertTrue(chi2 < 27.88, "chi2 = " + chi2);
    }
}
