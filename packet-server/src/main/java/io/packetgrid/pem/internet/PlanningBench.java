package io.packetgrid.pem.internet;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.schedule.Supply;
import io.packetgrid.pem.service.ProgrammeAppliance;
import io.packetgrid.pem.service.ServiceRequest;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Planning time of the Energy-Internet server for a community of N households, each with an EV
 * (plugged in 16:00–19:00 with 5–20 kWh to charge by 07:00, 0–5 kW), a dishwasher (its one-hour
 * programme between 19:00 and 07:00) and a sauna (3.6 kWh on a 3.6 kW heater between 14:00 and
 * 19:00–21:00), over a day of 96 quarter-hour slots from 12:00 with PV of 1 kW peak per household
 * (a half sine 08:00–16:00) and import up to 4 kW per household at a night-cheap price. Times the
 * day-ahead plan of every request (one admission of the whole batch) and one intraday re-plan.
 */
public final class PlanningBench {
    private PlanningBench() {
    }

    /** Times in thread CPU time (not inflated by other processes on a shared machine) and wall time. */
    public record Result(int households, int requests, boolean feasible, double dayAheadCpuMs, double dayAheadWallMs,
                         double replanCpuMs, double costPerHousehold) {
    }

    /** A warm-up on a small community (the JIT), then the measured run. */
    public static Result measure(int households, long seed) {
        run(Math.min(households, 55), seed + 1);
        return run(households, seed);
    }

    public static Result run(int households, long seed) {
        long h = 3_600_000_000_000L;
        long start = 12 * h;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<ServiceRequest> reqs = new ArrayList<>();
        long id = 1;
        ProgrammeAppliance dw = ProgrammeAppliance.dishwasher();
        for (int k = 0; k < households; k++) {
            ConnectionPoint at = new ConnectionPoint(k + 1, 1 + k % 3);
            long arrive = 16 * h + (long) (rng.nextDouble() * 3 * h);
            reqs.add(ServiceRequest.energy(id++, 3L * k + 1, DeviceClass.EV_CHARGER, 0, at, 5 + 15 * rng.nextDouble(), 0, 5, arrive, 31 * h));
            reqs.add(ServiceRequest.programme(id++, 3L * k + 2, DeviceClass.WASHING, 0, at, dw.profileKw(), dw.stepNs(), 19 * h, 31 * h));
            long sauna = 19 * h + (long) (rng.nextDouble() * 2 * h);
            reqs.add(ServiceRequest.energy(id++, 3L * k + 3, DeviceClass.OTHER, 0, at, 3.6, 3.6, 3.6, 14 * h, sauna));
        }
        SupplyForecast supply = (grid, issued) -> {
            int n = grid.count();
            double[] pv = new double[n];
            double[] pvPrice = new double[n];
            double[] imp = new double[n];
            double[] price = new double[n];
            for (int t = 0; t < n; t++) {
                double hour = (grid.slotStartNs(t) / 3.6e12 + 0.125) % 24;
                pv[t] = hour > 8 && hour < 16 ? households * Math.sin(Math.PI * (hour - 8) / 8) : 0;
                pvPrice[t] = 0.03;
                imp[t] = 4.0 * households;
                price[t] = hour >= 22 || hour < 6 ? 0.08 : 0.20;
            }
            return List.of(new Supply("pv", pv, pvPrice), new Supply("import", imp, price));
        };
        EnergyInternetServer s = new EnergyInternetServer(new EnergyInternetServer.Config(h / 4, 96, h), supply, rng);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        List<EnergyInternetServer.Admission> a = s.submit(reqs, start);
        double dayAheadWall = (System.nanoTime() - t0) / 1e6;
        double dayAheadCpu = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
        boolean all = a.stream().allMatch(EnergyInternetServer.Admission::accepted);
        c0 = cpu.getCurrentThreadCpuTime();
        s.maybeReplan(start + h);
        double replanCpu = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
        return new Result(households, reqs.size(), all && s.plan().feasible(), dayAheadCpu, dayAheadWall, replanCpu,
                s.plan().cost() / households);
    }
}
