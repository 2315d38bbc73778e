package io.packetgrid.radio.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * The event-level contention-based random access of a cell, in PRACH occasions (integers): devices
 * join with a payload, pass access-class barring or wait, send a preamble, collide or succeed, back
 * off uniformly and retry up to {@link RachConfig#maxAttempts()} (TS 38.321 §5.1.1–5.1.5 and TS
 * 36.331 §5.3.3.11 as summarised in {@link RachConfig}). Background traffic from devices outside the
 * model adds Poisson(λ) preamble transmissions per occasion. The same engine drives
 * {@link RachSimulator} and the radio network's mMTC uplink.
 *
 * <p>Random draws come from the stream given at construction, in a fixed order per occasion
 * (barring draws of the due devices in arrival order, then preamble picks, then back-offs), so a run
 * is reproducible.
 *
 * @param <T> what a device carries (a message, an index)
 */
public final class RandomAccessChannel<T> {

    /** What becomes of each access. */
    public interface Listener<T> {
        /** The preamble at {@code occasion} went through without collision after {@code attempts} preambles. */
        void succeeded(T payload, long occasion, int attempts);

        /** The device gave up: its last preamble, at {@code occasion}, was its {@code attempts}-th. */
        void failed(T payload, long occasion, int attempts);
    }

    private final RachConfig config;
    private final UniformRandomProvider random;
    private DiscreteSampler background;
    private final PreambleContention contention;
    private final TreeMap<Long, List<Pending<T>>> due = new TreeMap<>();
    private int[] pick = new int[16];
    private boolean[] success = new boolean[16];
    private long backgroundPreambles;
    private long occasionsResolved;
    private long preambles;
    private long collisions;

    /**
     * @param backgroundMean mean number of background preamble transmissions per occasion (≥ 0)
     */
    public RandomAccessChannel(RachConfig config, double backgroundMean, UniformRandomProvider random) {
        if (!(backgroundMean >= 0) || Double.isInfinite(backgroundMean)) {
            throw new IllegalArgumentException("background mean must be finite and ≥ 0, got " + backgroundMean);
        }
        this.config = config;
        this.random = random;
        this.background = backgroundMean > 0 ? PoissonSampler.of(random, backgroundMean) : null;
        this.contention = new PreambleContention(config.preambles());
    }

    public RachConfig config() {
        return config;
    }

    /**
     * Changes the background load from the next occasion on (a burst of traffic from devices outside the
     * model): mean preamble transmissions per occasion, ≥ 0. Draws nothing.
     */
    public void setBackgroundMean(double backgroundMean) {
        if (!(backgroundMean >= 0) || Double.isInfinite(backgroundMean)) {
            throw new IllegalArgumentException("background mean must be finite and ≥ 0, got " + backgroundMean);
        }
        this.background = backgroundMean > 0 ? PoissonSampler.of(random, backgroundMean) : null;
    }

    /** Removes every waiting device (the cell went down) and returns their payloads in due order. */
    public List<T> drain() {
        List<T> out = new ArrayList<>();
        for (List<Pending<T>> l : due.values()) {
            for (Pending<T> p : l) {
                out.add(p.payload);
            }
        }
        due.clear();
        return out;
    }

    /** A device with {@code payload} checks barring first at occasion {@code occasion}. */
    public void join(T payload, long occasion) {
        schedule(new Pending<>(payload, 1), occasion);
    }

    /** The next occasion at which something is due, or {@link Long#MAX_VALUE}. */
    public long nextOccasion() {
        return due.isEmpty() ? Long.MAX_VALUE : due.firstKey();
    }

    /** Devices waiting (barred, backing off or about to send). */
    public int pending() {
        int n = 0;
        for (List<Pending<T>> l : due.values()) {
            n += l.size();
        }
        return n;
    }

    /** Resolves every occasion up to and including {@code occasion}. */
    public void advanceTo(long occasion, Listener<T> out) {
        while (!due.isEmpty() && due.firstKey() <= occasion) {
            Map.Entry<Long, List<Pending<T>>> e = due.pollFirstEntry();
            resolve(e.getKey(), e.getValue(), out);
        }
    }

    /** Background preambles drawn so far, and occasions with contenders resolved. */
    public long backgroundPreambles() {
        return backgroundPreambles;
    }

    public long occasionsResolved() {
        return occasionsResolved;
    }

    /** Preambles the joined devices sent so far (background ones not counted). */
    public long preambles() {
        return preambles;
    }

    /** Of {@link #preambles()}, those that collided (another device or a background access picked the same preamble). */
    public long collisions() {
        return collisions;
    }

    private void resolve(long t, List<Pending<T>> checking, Listener<T> out) {
        occasionsResolved++;
        List<Pending<T>> sending = new ArrayList<>(checking.size());
        for (Pending<T> p : checking) {
            if (config.barringFactor() >= 1 || random.nextDouble() < config.barringFactor()) {
                sending.add(p);
            } else {
                schedule(p, t + barringWait());
            }
        }
        int n = sending.size();
        if (n == 0) {
            return;
        }
        if (pick.length < n) {
            pick = new int[Math.max(n, 2 * pick.length)];
            success = new boolean[pick.length];
        }
        int bg = background == null ? 0 : background.sample();
        backgroundPreambles += bg;
        contention.resolve(n, bg, random, pick, success);
        preambles += n;
        for (int i = 0; i < n; i++) {
            Pending<T> p = sending.get(i);
            if (!success[i]) {
                collisions++;
            }
            if (success[i]) {
                out.succeeded(p.payload, t, p.attempt);
            } else if (p.attempt >= config.maxAttempts()) {
                out.failed(p.payload, t, p.attempt);
            } else {
                int backoff = config.backoffOccasions() == 0 ? 0 : random.nextInt(config.backoffOccasions() + 1);
                schedule(new Pending<>(p.payload, p.attempt + 1), t + config.responseOccasions() + backoff);
            }
        }
    }

    /** (0.7 + 0.6·rand)·barring time in whole occasions, at least 1 so that time moves on. */
    private long barringWait() {
        int lo = config.barringMin();
        int hi = config.barringMax();
        int w = hi > lo ? lo + random.nextInt(hi - lo + 1) : lo;
        return Math.max(1, w);
    }

    private void schedule(Pending<T> p, long occasion) {
        due.computeIfAbsent(occasion, k -> new ArrayList<>()).add(p);
    }

    private record Pending<T>(T payload, int attempt) {
    }
}
