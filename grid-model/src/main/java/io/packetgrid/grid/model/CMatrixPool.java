package io.packetgrid.grid.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One instance per distinct matrix, for the element matrices of one network build: 100 copies of a feeder under one MV
 * network have 100 lines of each kind with equal impedance matrices, which a line would otherwise each hold (with its
 * inverse) on its own. Matrices given out here are shared and must not be changed: lines keep theirs read-only.
 * Equal means the same order and the same bits in every entry ({@link Arrays#equals(double[], double[])}), so an
 * element that gets a shared matrix computes exactly what it computes with its own. Not thread-safe: one per build.
 */
public final class CMatrixPool {
    private final Map<Key, CMatrix> matrices = new HashMap<>();
    private final Map<CMatrix, CMatrix> inverses = new java.util.IdentityHashMap<>();

    /** The pool's matrix equal to {@code m} ({@code m} itself the first time). */
    public CMatrix share(CMatrix m) {
        return matrices.computeIfAbsent(new Key(m), k -> m);
    }

    /**
     * The inverse of the pool's matrix equal to {@code z} ({@link CMatrix#inverse()}, computed once per distinct matrix and
     * shared), or null when it is singular.
     */
    public CMatrix inverse(CMatrix z) {
        CMatrix s = share(z);
        if (inverses.containsKey(s)) {
            return inverses.get(s);
        }
        CMatrix inv = s.inverse();
        if (inv != null) {
            inv = share(inv);
        }
        inverses.put(s, inv);
        return inv;
    }

    /** Distinct matrices held (for tests and diagnostics). */
    public int size() {
        return matrices.size();
    }

    private record Key(CMatrix m) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.m.n == m.n && Arrays.equals(k.m.re, m.re) && Arrays.equals(k.m.im, m.im);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * m.n + Arrays.hashCode(m.re)) + Arrays.hashCode(m.im);
        }
    }
}
