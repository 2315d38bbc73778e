package io.packetgrid.pem.sim;

import io.packetgrid.pem.device.Acc2017Population;
import io.packetgrid.pem.device.EvCharger;
import io.packetgrid.pem.device.EvParams;
import io.packetgrid.pem.device.HeatPumpHouse;
import io.packetgrid.pem.device.HeatPumpParams;
import io.packetgrid.pem.device.HomeBattery;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.packet.ConnectionPoint;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Device agents for households with literature defaults, for studies that wire households to a
 * grid: put the agents of a feeder (or of every house) in one {@link DeviceFleetFederate}.
 * Ids must be unique per server (they are the protocol's device ids, 1 … 2³²−1).
 */
public final class HouseholdDevices {
    private HouseholdDevices() {
    }

    /** PEM settings: m_R = 1/MTTR, packet length, reply timeout. */
    public static PemAutomaton.Config pem(long mttrNs, long packetNs, long replyTimeoutNs) {
        return new PemAutomaton.Config(1e9 / mttrNs, packetNs, replyTimeoutNs);
    }

    /** A water heater drawn from the ACC 2017 Table I population (its draws over {@code horizonS}). */
    public static DeviceAgent waterHeater(long id, ConnectionPoint at, Control control, PemAutomaton.Config pem,
                                          UniformRandomProvider rng, double horizonS, double stepS) {
        List<Acc2017Population.Member> one = Acc2017Population.generate(1, rng, horizonS, stepS);
        return new DeviceAgent(id, one.get(0).create(), at, 0, control, pem);
    }

    /** The log house's ground-source heat pump with its 750 L two-layer tank (defaults of {@link HeatPumpParams#logHouse}). */
    public static DeviceAgent heatPump(long id, ConnectionPoint at, Control control, PemAutomaton.Config pem,
                                       DoubleUnaryOperator outdoorC) {
        return new DeviceAgent(id, new HeatPumpHouse(HeatPumpParams.logHouse(), outdoorC, 45, 21), at, 0, control, pem);
    }

    /** An EV at home from {@code arrivalS} to {@code departureS} (Springer 2018 vehicle, 6.6 kW charger). */
    public static DeviceAgent evCharger(long id, ConnectionPoint at, Control control, PemAutomaton.Config pem,
                                        double arrivalS, double departureS, double arrivalSoc, int priority) {
        return new DeviceAgent(id, new EvCharger(EvParams.springer2018(arrivalS, departureS, arrivalSoc)), at, priority, control, pem);
    }

    /** A 13.5 kWh / 5 kW / 95 % home battery (Powerwall 2.0 figures; band of Khurram et al. 2022) under PEM. */
    public static DeviceAgent battery(long id, ConnectionPoint at, PemAutomaton.Config pem, double soc) {
        return battery(id, at, Control.PEM, pem, soc);
    }

    /** The same battery under any control ({@link Control#LOCAL}: idle, see {@link io.packetgrid.pem.device.LocalRule#IDLE}). */
    public static DeviceAgent battery(long id, ConnectionPoint at, Control control, PemAutomaton.Config pem, double soc) {
        return new DeviceAgent(id, HomeBattery.powerwall2(soc), at, 0, control, pem);
    }
}
