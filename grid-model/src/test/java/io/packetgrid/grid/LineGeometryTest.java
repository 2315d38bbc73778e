package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line impedances from geometry by Carson's equations against Kersting's worked example
 * (Distribution System Modeling and Analysis, Example 4.1: 336,400 26/7 ACSR phases,
 * GMR 0.0244 ft, 0.306 ohm/mile; 4/0 6/1 ACSR neutral, GMR 0.00814 ft, 0.592 ohm/mile; phases at
 * x = 0, 2.5, 7 ft, 28 ft high, neutral at x = 4 ft, 24 ft; 100 ohm-m earth, 60 Hz, modified
 * Carson's equations; Kron-reduced phase impedance matrix in ohm/mile:
 * zaa 0.4576+j1.0780, zab 0.1560+j0.5017, zac 0.1535+j0.3849, zbb 0.4666+j1.0482,
 * zbc 0.1580+j0.4236, zcc 0.4615+j1.0651).
 */
class LineGeometryTest {

    @Test
    void carsonMatchesKerstingExample41(@TempDir Path dir) {
        String script = "Set DefaultBaseFrequency=60\nSet EarthModel=Carson\n"
                + "New Circuit.k basekv=4.16 bus1=src\n"
                + "New WireData.acsr336 GMRac=0.0244 GMRunits=ft Rac=0.306 Runits=mi diam=0.721 radunits=in\n"
                + "New WireData.acsr4_0 GMRac=0.00814 GMRunits=ft Rac=0.592 Runits=mi diam=0.563 radunits=in\n"
                + "New LineGeometry.g nconds=4 nphases=3 reduce=yes\n"
                + "~ cond=1 wire=acsr336 x=0 h=28 units=ft\n~ cond=2 wire=acsr336 x=2.5 h=28\n"
                + "~ cond=3 wire=acsr336 x=7 h=28\n~ cond=4 wire=acsr4_0 x=4 h=24\n"
                + "New Line.l bus1=src bus2=b geometry=g length=1 units=mi\n"
                + "New Load.x bus1=b kV=4.16 kW=1\nSolve\n";
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(script, dir, "k.dss");
        Simulation sim = dss.simulation();
        Line line = null;
        for (PowerDelivery d : sim.network().deliveries()) {
            if (d.name().equalsIgnoreCase("Line.l")) {
                line = (Line) d;
            }
        }
        // Yprim(0:3, 0:3) = Z^-1 ; invert back
        double[] re = new double[36];
        double[] im = new double[36];
        line.seriesY(re, im);
        io.packetgrid.grid.model.CMatrix y = new io.packetgrid.grid.model.CMatrix(3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                y.set(i, j, re[i * 6 + j], im[i * 6 + j]);
            }
        }
        io.packetgrid.grid.model.CMatrix z = y.inverse();
        double[][] expected = {{0.4576, 1.0780}, {0.1560, 0.5017}, {0.1535, 0.3849}, {0.4666, 1.0482}, {0.1580, 0.4236},
            {0.4615, 1.0651}};
        int[][] at = {{0, 0}, {0, 1}, {0, 2}, {1, 1}, {1, 2}, {2, 2}};
        for (int k = 0; k < 6; k++) {
            int i = at[k][0];
            int j = at[k][1];
            assertEquals(expected[k][0], z.re(i, j), 0.0006, "R" + i + j);
            assertEquals(expected[k][1], z.im(i, j), 0.0006, "X" + i + j);
        }
        CircuitElement e = line;
        assertEquals(3, e.connection().conductors());
    }
}
