package io.packetgrid.grid.result;

/**
 * Limits for the violation check. Voltage: EN 50160 (supply voltage of LV networks within
 * {@code 230 V +- 10 %} of the nominal voltage for 95 % of the 10-minute means of a week;
 * CENELEC EN 50160:2010, clause 4.2.2), applied here to every phase node of 230/400 V buses (LN
 * base up to {@code lvMaxKv} and within 15 % of 230 V); other buses are checked against their own
 * base with the same per-unit band. Thermal: line current against {@code normamps}, transformer
 * apparent power against its kVA rating.
 *
 * @param lvNominalV      nominal LV phase voltage (V)
 * @param minPu           lowest allowed voltage (pu of nominal)
 * @param maxPu           highest allowed voltage (pu of nominal)
 * @param lvMaxKv         buses with an LN base up to this (kV) are LV
 * @param lineMaxPu       largest allowed line loading (pu of normamps)
 * @param transformerMaxPu largest allowed transformer loading (pu of rated kVA)
 */
public record Limits(double lvNominalV, double minPu, double maxPu, double lvMaxKv, double lineMaxPu, double transformerMaxPu) {

    /** EN 50160 defaults: 230 V +- 10 %, lines and transformers up to their ratings. */
    public static Limits en50160() {
        return new Limits(230.0, 0.90, 1.10, 1.0, 1.0, 1.0);
    }
}
