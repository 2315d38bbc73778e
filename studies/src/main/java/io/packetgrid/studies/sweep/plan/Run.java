package io.packetgrid.studies.sweep.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One run of a sweep: a point of the cartesian product with one seed.
 *
 * @param index  position in the sweep's canonical order (points in odometer order, the last axis
 *               fastest; the seeds of a point in the order given), which is also the row order of results.csv
 * @param point  the point's position in the cartesian product
 * @param id     stable id: a digest of the exact scenario the run executes (see {@link RunIds}); it does
 *               not depend on sharding, workers or the order of the sweep file's fields
 * @param params one value per swept field, in column order
 */
public record Run(int index, int point, long seed, String id, List<JsonNode> params) {
    public Run {
        params = List.copyOf(params);
    }

    /** A short human label: {@code p3 seed 2}. */
    public String label() {
        return "p" + point + " seed " + seed;
    }
}
