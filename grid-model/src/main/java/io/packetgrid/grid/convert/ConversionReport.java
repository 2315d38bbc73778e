package io.packetgrid.grid.convert;

import java.util.List;

/**
 * What a conversion produced, counted from the network it wrote (the figures the AusNet README
 * publishes per network, and the connected capacity and line lengths per voltage level).
 *
 * @param residentialCustomers single-phase customers
 * @param commercialCustomers  three-phase (C&amp;I) customers
 * @param transformers         distribution (MV/LV) transformers
 * @param swerTransformers     distribution transformers fed by a SWER line
 * @param connectedKva         sum of the distribution transformers' ratings
 * @param mvKm                 MV line length at 22 kV (three-phase lines), km
 * @param swerKm               MV line length of single-wire earth-return lines, km
 * @param lvKm                 LV line length, km
 * @param regulators           MV voltage regulator banks
 * @param isolators            SWER isolating transformers
 * @param capacitors           MV capacitor banks
 * @param files                the files written, relative to the output folder
 */
public record ConversionReport(int residentialCustomers, int commercialCustomers, int transformers, int swerTransformers,
                               double connectedKva, double mvKm, double swerKm, double lvKm, int regulators, int isolators,
                               int capacitors, List<String> files) {
    public ConversionReport {
        files = List.copyOf(files);
    }
}
