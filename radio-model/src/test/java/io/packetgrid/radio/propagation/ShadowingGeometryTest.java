package io.packetgrid.radio.propagation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * A shared {@link ShadowingGeometry}: its neighbours are the brute-force nearest earlier points, its
 * weights solve the Gudmundson covariance system C·w = c (residual checked directly), and fields
 * sharing it draw exactly the values fields of their own draw.
 */
class ShadowingGeometryTest {
    private static final double D_COR = 37;

    /** 400 points in a 1.5 km square (beyond the small-set scan, so the hash grid's rings are used). */
    private static List<Point> points() {
        Random r = new Random(7);
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            pts.add(new Point(1500 * r.nextDouble(), -1500 * r.nextDouble()));
        }
        pts.add(pts.get(10)); // a coincident point
        return pts;
    }

    @Test
    void neighboursAreTheNearestEarlierPointsAndWeightsSolveTheCovarianceSystem() {
        List<Point> pts = points();
        ShadowingGeometry g = new ShadowingGeometry(D_COR);
        for (Point p : pts) {
            g.add(p.xM(), p.yM());
        }
        for (int i = 0; i < pts.size(); i++) {
            Point p = pts.get(i);
            // brute force: the earlier points within 8·d_cor, nearest first (ties by index), at most m
            int[] expected = IntStream.range(0, i).boxed()
                    .filter(j -> p.distanceTo(pts.get(j)) <= 8 * D_COR)
                    .sorted(Comparator.<Integer>comparingDouble(j -> p.distanceTo(pts.get(j))).thenComparing(j -> j))
                    .limit(ShadowingGeometry.NEIGHBOURS).mapToInt(Integer::intValue).toArray();
            int k = g.neighbours(i);
            assertEquals(expected.length, k, "neighbours of point " + i);
            double var = 1;
            for (int a = 0; a < k; a++) {
                assertEquals(expected[a], g.neighbour(i, a));
                // row a of C·w = c with C_ab = e^(−d_ab/d_cor) (1 + 1e-12 on the diagonal), c_a = e^(−d_ia/d_cor)
                double row = 0;
                for (int b = 0; b < k; b++) {
                    double cab = a == b ? 1 + 1e-12
                            : Math.exp(-pts.get(expected[a]).distanceTo(pts.get(expected[b])) / D_COR);
                    row += cab * g.weight(i, b);
                }
                double ca = Math.exp(-p.distanceTo(pts.get(expected[a])) / D_COR);
                assertEquals(ca, row, 1e-6, "point " + i + " row " + a);
                var -= g.weight(i, a) * ca;
            }
            assertEquals(Math.sqrt(Math.max(var, 0)), g.conditionalSd(i), 1e-6);
        }
        // the coincident point is its twin's value: conditional deviation ≈ 0 (the jitter's √(2e-12) order)
        assertEquals(0, g.conditionalSd(pts.size() - 1), 1e-5);
    }

    @Test
    void fieldsSharingOneGeometryDrawExactlyWhatFieldsOfTheirOwnDraw() {
        List<Point> pts = points();
        ShadowingField ownA = new ShadowingField(4, D_COR, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        ShadowingField ownB = new ShadowingField(6, D_COR, RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        ShadowingGeometry shared = new ShadowingGeometry(D_COR);
        ShadowingField sharedA = new ShadowingField(4, shared, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        ShadowingField sharedB = new ShadowingField(6, shared, RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        double[] a0 = new double[pts.size()];
        double[] b0 = new double[pts.size()];
        double[] a1 = new double[pts.size()];
        double[] b1 = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            a0[i] = ownA.add(pts.get(i));
            b0[i] = ownB.add(pts.get(i));
            // interleaved as a radio network adds a device to each aggregator's field in turn; B sometimes first
            if (i % 3 == 0) {
                b1[i] = sharedB.add(pts.get(i));
                a1[i] = sharedA.add(pts.get(i));
            } else {
                a1[i] = sharedA.add(pts.get(i));
                b1[i] = sharedB.add(pts.get(i));
            }
        }
        assertArrayEquals(a0, a1, 0);
        assertArrayEquals(b0, b1, 0);
        assertEquals(pts.size(), shared.size());
    }

    @Test
    void aFieldOfferedAnotherPointThanTheSharedGeometryHasIsRefused() {
        ShadowingGeometry shared = new ShadowingGeometry(D_COR);
        ShadowingField a = new ShadowingField(4, shared, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        ShadowingField b = new ShadowingField(4, shared, RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        a.add(new Point(0, 0));
        assertThrows(IllegalArgumentException.class, () -> b.add(new Point(1, 0)));
    }
}
