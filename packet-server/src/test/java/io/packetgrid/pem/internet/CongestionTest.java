package io.packetgrid.pem.internet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.pem.internet.EnergyInternetServer.Allocation;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.policy.AssetLoading;
import io.packetgrid.pem.policy.GridGate;
import io.packetgrid.pem.policy.GridLimits;
import io.packetgrid.pem.policy.GridView;
import io.packetgrid.pem.schedule.Supply;
import io.packetgrid.pem.service.ServiceRequest;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Network congestion in the Energy-Internet server: flexible allocations at a point add no more than the grid's
 * headroom there (hand values on a one-point view), least slack first; forced use is not capped.
 */
class CongestionTest {
    static final long S = 1_000_000_000L;
    static final long H = 3600 * S;
    static final ConnectionPoint A = new ConnectionPoint(1, 1);
    static final ConnectionPoint B = new ConnectionPoint(2, 2);

    /** A view of fixed voltages and own sensitivities, and one transformer. */
    record View(double vA, double vB, double sPuPerKw, double loadingPu, double ratingKva) implements GridView {
        public double voltagePu(ConnectionPoint at) {
            return at.equals(A) ? vA : at.equals(B) ? vB : Double.NaN;
        }

        public double dvDpPuPerKw(ConnectionPoint at) {
            return sPuPerKw;
        }

        public List<AssetLoading> upstream(ConnectionPoint at) {
            return List.of(new AssetLoading("tr1", loadingPu, ratingKva));
        }

        public long updatedNs() {
            return 0;
        }
    }

    static GridGate gate(View v) {
        return new GridGate(new GridLimits(0.92, 1.08, 1.0, true, true), v);
    }

    @Test
    void headroomIsTheVoltageMarginOverTheSensitivityOrTheTransformersSpareKva() {
        // A at 0.95 pu, −0.001 pu/kW: (0.95 − 0.92)/0.001 = 30 kW; the transformer at 90 % of 100 kVA leaves 10 kVA
        assertEquals(10, new GateHeadroom(gate(new View(0.95, 0.95, -0.001, 0.9, 100))).headroomKw(A, 0), 1e-9);
        // a lightly loaded transformer: the voltage decides, 30 kW
        assertEquals(30, new GateHeadroom(gate(new View(0.95, 0.95, -0.001, 0.1, 1000))).headroomKw(A, 0), 1e-9);
        // below the limit: negative (draw less), (0.91 − 0.92)/0.001 = −10 kW
        assertEquals(-10, new GateHeadroom(gate(new View(0.91, 0.95, -0.001, 0.1, 1000))).headroomKw(A, 0), 1e-9);
    }

    static EnergyInternetServer server(PowerLimit limit) {
        // 20 kW importable in every hourly slot, at one price
        return new EnergyInternetServer(new EnergyInternetServer.Config(H, 24, 24 * H),
                (grid, issued) -> List.of(Supply.flat("import", grid.count(), 20, 0.1)),
                RandomSource.XO_RO_SHI_RO_128_PP.create(1)).congestion(limit);
    }

    static ServiceRequest ev(long id, ConnectionPoint at, double kwh, long deadline) {
        return ServiceRequest.energy(id, id, DeviceClass.EV_CHARGER, 0, at, kwh, 0, 5, 0, deadline);
    }

    @Test
    void flexibleRequestsShareTheHeadroomLeastSlackFirst() {
        // two EVs at A, each 5 kWh at up to 5 kW, one by 02:00 (slack 1 h), one by 04:00 (slack 3 h); surplus lets both
        // run at full power, but A may take only 6 kW more: the urgent one gets 5, the other 1. At B nothing is capped.
        EnergyInternetServer s = server((at, now) -> at.equals(A) ? 6 : Double.POSITIVE_INFINITY);
        s.submit(List.of(ev(1, A, 5, 2 * H), ev(2, A, 5, 4 * H), ev(3, B, 5, 4 * H)), 0);
        Allocation a = s.allocate(0, 100);
        assertEquals(5, a.powerKw().get(1L), 1e-9);
        assertEquals(1, a.powerKw().get(2L), 1e-9);
        assertEquals(5, a.powerKw().get(3L), 1e-9);
        // what they draw now counts: with 0 kW more allowed at A a minute later they keep their 6 kW
        EnergyInternetServer t = server((at, now) -> at.equals(A) ? (now == 0 ? 6 : 0) : Double.POSITIVE_INFINITY);
        t.submit(List.of(ev(1, A, 5, 2 * H), ev(2, A, 5, 4 * H)), 0);
        t.allocate(0, 100);
        Allocation b = t.allocate(60 * S, 100);
        assertEquals(6, b.powerKw().get(1L) + b.powerKw().get(2L), 1e-9);
    }

    @Test
    void forcedUseIsNotCapped() {
        // 10 kWh at 5 kW by 02:00 has no slack at 00:00: forced, 5 kW, though A allows nothing more
        EnergyInternetServer s = server((at, now) -> at.equals(A) ? 0 : Double.POSITIVE_INFINITY);
        assertTrue(s.submit(List.of(ev(1, A, 10, 2 * H)), 0).get(0).accepted());
        Allocation a = s.allocate(0, 0);
        assertEquals(5, a.powerKw().get(1L), 1e-9);
        assertTrue(a.forced().contains(1L));
    }
}
