package io.packetgrid.pem.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.message.IdealNetwork;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.pem.device.EvCharger;
import io.packetgrid.pem.device.EvParams;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.packet.ConnectionPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An EV under PEM that is charging when its owner drives off between two control steps: it stops at the
 * instant of departure, not at the next control step (the battery gains nothing, and the grid sees nothing,
 * after the car has gone). Hand values: 6.6 kW from t = 0 to the departure at 105 s.
 */
class PemDepartureTest {
    static final long S = 1_000_000_000L;

    /** A server that never answers (the EV charges in the packet it started in). */
    static final class Mute implements Federate {
        public String name() {
            return "server";
        }

        public long initialize(Setup s) {
            s.endpoint("server");
            return SimTime.NEVER;
        }

        public long step(Step s) {
            return SimTime.NEVER;
        }
    }

    @Test
    void aPemEvStopsChargingAtTheInstantItLeaves() {
        EvParams p = EvParams.springer2018(0, 105, 0.3);
        EvCharger ev = new EvCharger(p);
        DeviceAgent car = new DeviceAgent(1, ev, new ConnectionPoint(1, 1), 0, Control.PEM,
                new PemAutomaton.Config(1 / 300.0, 300 * S, 5 * S)).initiallyOn(3600 * S);
        DeviceFleetFederate fleet = new DeviceFleetFederate("homes", List.of(car), 10 * S, "server", 0);
        Probe<Double> power = new Probe<>("probe", fleet.name(), fleet.powerKey(), 100 * S, 105 * S, 106 * S);
        new Federation().add(fleet).add(new Mute()).add(power).network(st -> new IdealNetwork()).run(KernelOptions.of(1, 200 * S));
        assertEquals(6.6 * 105 / 3600, car.energyKwh(), 1e-12);
        assertEquals(0.3 + 6.6 * 0.9 * 105 / 3600 / p.batteryKwh(), ev.state(), 1e-12);
        assertEquals(List.of(6.6, 0.0, 0.0), power.sampled);
    }
}
