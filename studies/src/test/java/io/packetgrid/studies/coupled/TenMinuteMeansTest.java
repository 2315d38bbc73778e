package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EN 50160's 10-minute-mean statistic beside the instantaneous one (households.csv): on the evening
 * (observed from 17:10 to 20:00, one-minute grid steps) every household has (180 − 10)/10 = 17 complete
 * 10-minute means; a mean lies between the instantaneous extremes; a household whose 10-minute means all
 * stay in the band (here [0.95, 1.1] pu) is compliant, and one with more than 5 % of them (here: one of 17) outside is not.
 */
class TenMinuteMeansTest {
    @TempDir
    Path out;

    @Test
    void tenMinuteMeansPerHousehold() throws Exception {
        // a band of [0.95, 1.10] pu, so that the evening's low voltages leave some households outside it
        String yaml = Scenarios.evening("{model: ideal}", "{name: uncontrolled, control: local}")
                .replace("grid_limits: {gate_margin_pu: 0.02}", "grid_limits: {gate_margin_pu: 0.02, v_min_pu: 0.95}");
        assertTrue(yaml.contains("v_min_pu: 0.95"));
        Scenarios.run(yaml, out, 1);
        List<String> lines = Files.readAllLines(out.resolve("uncontrolled").resolve("households.csv"));
        List<String> h = List.of(lines.get(0).split(","));
        int means = h.indexOf("ten_minute_means");
        int outside = h.indexOf("ten_minute_means_outside");
        int lo = h.indexOf("ten_minute_v_min_pu");
        int hi = h.indexOf("ten_minute_v_max_pu");
        int ok = h.indexOf("en50160_compliant");
        int vmin = h.indexOf("v_min_pu");
        int vmax = h.indexOf("v_max_pu");
        int viol = h.indexOf("violation_minutes");
        int compliant = 0;
        int not = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            assertEquals(17, Integer.parseInt(c[means]), line);
            double l = Double.parseDouble(c[lo]);
            double u = Double.parseDouble(c[hi]);
            assertTrue(Double.parseDouble(c[vmin]) <= l + 1e-6 && u <= Double.parseDouble(c[vmax]) + 1e-6, "means within the extremes: " + line);
            int out = Integer.parseInt(c[outside]);
            assertTrue(out <= Double.parseDouble(c[viol]), "a mean outside needs minutes outside: " + line);
            boolean expected = out == 0 && l >= 0.85 && u <= 1.10;   // 1 of 17 is already more than 5 %
            assertEquals(expected ? "1" : "0", c[ok], line);
            if (expected) {
                compliant++;
            } else {
                not++;
            }
        }
        assertTrue(compliant > 0 && not > 0, "the uncontrolled evening has compliant and non-compliant households: " + compliant + "/" + not);
    }
}
