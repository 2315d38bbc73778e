package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.record.Recorder;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Ders;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.federate.DerBinding;
import io.packetgrid.grid.federate.DerInstrument;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.grid.federate.GridFederateConfig;
import io.packetgrid.grid.federate.LoadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DER API for co-simulations ({@link Ders}, {@link Feeder#finishTimeStep}, {@link DerInstrument}) by
 * hand on a stiff 400 V bus: a PV system without efficiency or temperature curves delivers
 * {@code Pmpp x irradiance} capped at {@code %Pmpp}; a storage unit dispatched at P kW loses
 * {@code P / eta_d h} kWh per step of h hours and gains {@code P eta_c h} charging (idling losses set to 0).
 */
class DerApiTest {
    static final String SCRIPT = "New Circuit.d basekv=0.4 pu=1.0 phases=3 bus1=src MVAsc3=1e5 MVAsc1=1e5\n"
            + "New Line.l bus1=src bus2=b phases=3 r1=0.001 x1=0.001 r0=0.001 x0=0.001 c1=0 c0=0 length=1 units=km\n"
            + "New Load.l bus1=b phases=3 kV=0.4 kW=30 pf=1\n"
            + "New PVSystem.pv phases=3 bus1=b kV=0.4 kVA=12 Pmpp=10 irradiance=0.8 pf=1\n"
            + "New Storage.bat phases=3 bus1=b kV=0.4 kWrated=25 kVA=25 kWhrated=100 %stored=50 %reserve=20 "
            + "%EffCharge=90 %EffDischarge=90 %IdlingkW=0 DispMode=External\n"
            + "Solve\n";

    static Feeder feeder(Path dir) throws IOException {
        Path f = dir.resolve("der.dss");
        Files.writeString(f, SCRIPT);
        return Feeder.load(f);
    }

    @Test
    void pvIrradianceAndCapAndStorageDispatchByHand(@TempDir Path dir) throws IOException {
        Feeder f = feeder(dir);
        Ders d = f.ders();
        assertEquals(List.of("pv"), d.pvSystemNames());
        assertEquals(List.of("bat"), d.storageNames());
        f.solve();
        assertEquals(8.0, d.pvState("pv").kw(), 1e-4, "script irradiance 0.8 of 10 kW");
        d.setPvIrradiance("PVSystem.PV", 0.5);
        f.solve();
        Ders.PvState s = d.pvState("pv");
        assertEquals(5.0, s.kw(), 1e-4);
        assertEquals(0.0, s.kvar(), 1e-4, "pf 1");
        assertEquals(5.0, s.availableKw(), 1e-12);
        assertEquals(10.0, s.kwLimit(), 1e-12, "%Pmpp 100");
        d.setPvKwLimit("pv", 3.0);
        f.solve();
        s = d.pvState("pv");
        assertEquals(3.0, s.kw(), 1e-4, "capped at 3 kW");
        assertEquals(5.0, s.availableKw(), 1e-12, "the panel could give 5");
        d.setPvKwLimit("pv", Double.NaN);
        d.setPvIrradiance("pv", Double.NaN);
        f.solve();
        assertEquals(8.0, d.pvState("pv").kw(), 1e-4, "back to the script's irradiance and %Pmpp");

        Ders.StorageState st = d.storageState("bat");
        assertEquals(50.0, st.socPct(), 1e-12);
        assertEquals(0.0, st.kw(), 1e-4, "idling without losses");
        d.dispatchStorage("bat", 20.0);
        f.solve();
        assertEquals(20.0, d.storageState("bat").kw(), 1e-4);
        f.finishTimeStep(0.5);
        assertEquals(50.0 - 20.0 / 0.9 * 0.5, d.storageState("bat").kwhStored(), 1e-3);
        d.dispatchStorage("bat", -10.0);
        f.solve();
        f.finishTimeStep(1.0);
        st = d.storageState("bat");
        assertEquals(-10.0, st.kw(), 1e-4, "charging");
        assertEquals(50.0 - 20.0 / 0.9 * 0.5 + 10.0 * 0.9, st.kwhStored(), 1e-3);
        assertEquals(25.0, st.dischargeKwLimit(), 1e-12);
        assertEquals(25.0, st.chargeKwLimit(), 1e-12);
    }

    @Test
    void unknownNamesAndBadValuesAreNamedErrors(@TempDir Path dir) throws IOException {
        Feeder f = feeder(dir);
        PacketGridException e = assertThrows(PacketGridException.class, () -> f.ders().pvIndex("nope"));
        assertEquals("PVSystem nope", e.location());
        assertThrows(PacketGridException.class, () -> f.ders().dispatchStorage("bat", Double.POSITIVE_INFINITY));
        assertThrows(PacketGridException.class, () -> f.ders().setPvIrradiance("pv", -1));
        assertThrows(PacketGridException.class, () -> f.finishTimeStep(-1));
        e = assertThrows(PacketGridException.class,
                () -> new DerInstrument(f, new DerBinding("d", List.of("pv", "PVSystem.pv"), List.of(), null, null, null)));
        assertTrue(e.getMessage().contains("bound twice"), e.getMessage());
    }

    /**
     * Publishes irradiance (0.3 kW/m2 and up: above the 20 % cut-in of 12 kVA) and dispatch every 30 minutes:
     * 20 kW out, then 10 kW in, then NaN (unchanged).
     */
    static final class Inputs implements Federate {
        final ValueKey<double[]> irr = ValueKey.ofArray("ems/irradiance", 0);
        final ValueKey<double[]> kw = ValueKey.ofArray("ems/storage_kw", 0);
        final int n;

        Inputs(int n) {
            this.n = n;
        }

        public String name() {
            return "ems";
        }

        public long initialize(Setup s) {
            s.publishes(irr, new double[0]);
            s.publishes(kw, new double[0]);
            return 0;
        }

        public long step(Step s) {
            int k = (int) (s.now() / (30 * SimTime.MIN));
            s.publish(irr, new double[] {0.3 + 0.15 * k});
            double[] p = new double[n];
            java.util.Arrays.fill(p, k == 0 ? 20.0 : k == 1 ? -10.0 : Double.NaN);
            s.publish(kw, p);
            return s.now() + 30 * SimTime.MIN;
        }
    }

    static final class Probe implements Federate {
        final DerInstrument der;
        final List<double[]> rows = new ArrayList<>();

        Probe(DerInstrument der) {
            this.der = der;
        }

        public String name() {
            return "probe";
        }

        public long initialize(Setup s) {
            for (String w : List.of("storage_soc_pct", "storage_kw", "pv_kw", "pv_available_kw")) {
                s.subscribes(der.key(w));
            }
            s.after("grid");
            return 0;
        }

        public long step(Step s) {
            rows.add(new double[] {s.read(der.key("storage_soc_pct"))[0], s.read(der.key("storage_kw"))[0],
                s.read(der.key("pv_kw"))[0], s.read(der.key("pv_available_kw"))[0]});
            return s.now() + 30 * SimTime.MIN;
        }
    }

    @Test
    void theInstrumentIntegratesStorageBetweenSolutionsAndPublishes(@TempDir Path dir) throws IOException {
        Feeder f = feeder(dir);
        DerInstrument der = new DerInstrument(f, new DerBinding("d", List.of("pv"), List.of("Storage.bat"), "ems/irradiance", null,
                "ems/storage_kw"));
        GridFederate g = new GridFederate(f, GridFederateConfig.of("grid", "f", List.of("l")).withPeriod(30 * SimTime.MIN)
                .withAfter("ems").withInputs(null, null, LoadInput.ADD_TO_SHAPES)).instrument(der);
        Probe probe = new Probe(der);
        new Federation().add(new Inputs(1)).add(g).add(probe).recorder(Recorder.discard())
                .run(KernelOptions.of(1L, 90 * SimTime.MIN));
        assertEquals(4, probe.rows.size());
        // t = 0: dispatched 20 kW, nothing elapsed; 30 min: 20 kW for 0.5 h taken, now charging 10 kW;
        // 60 min: 10 kW x 0.9 x 0.5 h stored; 90 min: NaN leaves the charge on, another 4.5 kWh
        double[] soc = {50.0, 50.0 - 20.0 / 0.9 * 0.5, 50.0 - 20.0 / 0.9 * 0.5 + 4.5, 50.0 - 20.0 / 0.9 * 0.5 + 9.0};
        double[] kw = {20.0, -10.0, -10.0, -10.0};
        for (int k = 0; k < 4; k++) {
            assertEquals(soc[k], probe.rows.get(k)[0], 1e-3, "SoC (% of 100 kWh) at step " + k);
            assertEquals(kw[k], probe.rows.get(k)[1], 1e-4, "storage kW at step " + k);
            assertEquals(10.0 * (0.3 + 0.15 * k), probe.rows.get(k)[2], 1e-4, "PV follows the irradiance input at step " + k);
            assertEquals(10.0 * (0.3 + 0.15 * k), probe.rows.get(k)[3], 1e-9);
        }
    }
}
