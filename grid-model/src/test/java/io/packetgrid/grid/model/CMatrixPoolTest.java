package io.packetgrid.grid.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Sharing is by exact content: equal bits share one instance, anything else (even 0.0 against -0.0) does not. */
class CMatrixPoolTest {

    private static CMatrix m(double a, double b) {
        CMatrix c = new CMatrix(2);
        c.set(0, 0, a, 1.0);
        c.set(0, 1, b, 0.5);
        c.set(1, 0, b, 0.5);
        c.set(1, 1, a, 1.0);
        return c;
    }

    @Test
    void equalMatricesShareOneInstanceAndOneInverse() {
        CMatrixPool pool = new CMatrixPool();
        CMatrix first = m(2.0, 0.25);
        assertSame(first, pool.share(first));
        assertSame(first, pool.share(m(2.0, 0.25)));
        assertNotSame(first, pool.share(m(2.0, 0.2500000000000001)));
        assertNotSame(pool.share(m(2.0, 0.0)), pool.share(m(2.0, -0.0)), "0.0 and -0.0 differ in their bits");
        CMatrix inv = pool.inverse(m(2.0, 0.25));
        assertSame(inv, pool.inverse(m(2.0, 0.25)));
        CMatrix own = m(2.0, 0.25).inverse();   // what a line computes for itself
        assertArrayEquals(own.re, inv.re);
        assertArrayEquals(own.im, inv.im);
        assertEquals(5, pool.size(), "four matrices and one inverse");
    }

    @Test
    void aSingularMatrixHasNoInverse() {
        CMatrixPool pool = new CMatrixPool();
        assertNull(pool.inverse(new CMatrix(2)));
        assertNull(pool.inverse(new CMatrix(2)));
    }
}
