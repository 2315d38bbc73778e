package io.packetgrid.cosim.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent, reproducible random streams, one per named component. A stream's seed is derived
 * from (run seed, component name) by SHA-256, so it depends on nothing else: not on the order in
 * which components are created, the number of threads, or the machine. This is what HELICS's
 * filters lack (they seed from the operating system).
 *
 * <p>Generator: xoroshiro128++ (Commons RNG {@code XO_RO_SHI_RO_128_PP}; Blackman &amp; Vigna,
 * "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021): fast, 2^128 − 1 period,
 * and streams seeded this way do not overlap in practice.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream of component {@code name}; the same (seed, name) always gives the same sequence. */
    public UniformRandomProvider stream(String name) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seedFor(seed, name));
    }

    /** The two 64-bit seed words of (seed, name); never both zero. */
    public static long[] seedFor(long seed, String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            ByteBuffer digest = ByteBuffer.wrap(sha.digest());
            long a = digest.getLong();
            long b = digest.getLong();
            if (a == 0 && b == 0) {
                b = 0x9E3779B97F4A7C15L;
            }
            return new long[] {a, b};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
