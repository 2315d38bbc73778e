package io.packetgrid.grid.convert;

import io.packetgrid.grid.convert.MvLvWorkbook.Customer;
import java.util.List;
import java.util.TreeSet;

/**
 * Load shapes for the converted customers. The publishers' own demand archive (anonymised 30-min
 * AusNet smart-meter profiles, Profiles.zip) is not available, so:
 * <ul>
 * <li>Residential customers take the 100 published one-minute household profiles of the IEEE
 *     European LV test feeder (shipped with PacketGrid, EPRI licence), in turn: the k-th
 *     single-phase customer of the workbook gets {@code load_profile_<(k mod 100) + 1>}, as
 *     a daily shape of a 1 kW load (the profile's values are kW).</li>
 * <li>C&amp;I customers take EPRI's small-commercial shape ({@code Commercial_SM} of the EPRI test
 *     circuit ckt5, {@code Loadshapes_ckt5.dss}, dss-extensions/electricdss-tst; hours 169-192 of the
 *     year, a weekday), hourly; its peak is set to a quarter of the customer's transformer rating
 *     (the publishers pick a real commercial profile whose peak stays below half of it): the shape is
 *     divided by its daily peak and the load's kW is that peak.</li>
 * </ul>
 *
 * @param folder profile folder as the scripts refer to it (relative to the network's folder)
 */
public record LoadProfiles(String folder) {
    /** Number of household profiles in the folder. */
    public static final int HOUSEHOLD_PROFILES = 100;

    /** EPRI ckt5 Commercial_SM, hours 169-192 (0-based 168-191) of its 8760-hour shape (printed to 3 decimals). */
    static final double[] COMMERCIAL_DAY = {0.308, 0.294, 0.282, 0.295, 0.293, 0.321, 0.351, 0.420, 0.526, 0.622, 0.678, 0.690,
        0.697, 0.723, 0.735, 0.665, 0.616, 0.543, 0.500, 0.471, 0.433, 0.405, 0.384, 0.363};
    private static final double COMMERCIAL_MAX = 0.735;

    /** Peak of a C&amp;I customer as a fraction of its transformer's kVA rating. */
    static final double COMMERCIAL_PEAK_OF_TX = 0.25;

    /** A customer's base kW and daily shape name. */
    public record Assignment(double kw, String shape) {
    }

    /** The base power and shape of every customer, in workbook order. */
    public List<Assignment> assignments(List<Customer> customers) {
        List<Assignment> out = new java.util.ArrayList<>(customers.size());
        int k = 0;
        for (Customer c : customers) {
            if (c.phases() == 3) {
                out.add(new Assignment(COMMERCIAL_PEAK_OF_TX * c.txKva(), "commercial"));
            } else {
                out.add(new Assignment(1.0, "res_" + (k % HOUSEHOLD_PROFILES + 1)));
                k++;
            }
        }
        return out;
    }

    /** The LoadShape definitions the customers use. */
    public String shapes(List<Customer> customers) {
        TreeSet<Integer> used = new TreeSet<>();
        boolean commercial = false;
        int k = 0;
        for (Customer c : customers) {
            if (c.phases() == 1) {
                used.add(k % HOUSEHOLD_PROFILES + 1);
                k++;
            } else {
                commercial = true;
            }
        }
        StringBuilder b = new StringBuilder("! household profiles: IEEE European LV test feeder, one day at one-minute resolution, kW\n");
        for (int n : used) {
            b.append("New Loadshape.res_").append(n).append(" npts=1440 minterval=1 mult=(file=").append(folder).append("/load_profile_")
                    .append(n).append(".txt) useactual=no\n");
        }
        if (commercial) {
            b.append("! C&I: EPRI ckt5 Commercial_SM, hours 169-192 (dss-extensions/electricdss-tst, EPRI licence)\n");
            b.append("! hourly values divided by the day's peak (0.735), so a C&I load's kW is its peak\n");
            b.append("New Loadshape.commercial npts=24 interval=1 mult=(");
            for (int h = 0; h < COMMERCIAL_DAY.length; h++) {
                b.append(h == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.4f", COMMERCIAL_DAY[h] / COMMERCIAL_MAX));
            }
            b.append(") useactual=no\n");
        }
        return b.toString();
    }
}
