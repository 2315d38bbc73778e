package io.packetgrid.grid.result;

/**
 * Loading of a line (worst conductor current against its normal rating) or a transformer
 * (largest terminal apparent power against the winding rating).
 *
 * @param element   {@code Class.name}
 * @param value     amps (line) or kVA (transformer)
 * @param rating    normamps (line) or rated kVA (transformer)
 * @param loadingPu value / rating (0 when there is no rating)
 */
public record Loading(String element, double value, double rating, double loadingPu) {
}
