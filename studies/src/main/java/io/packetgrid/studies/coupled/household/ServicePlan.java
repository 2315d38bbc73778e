package io.packetgrid.studies.coupled.household;

import io.packetgrid.pem.service.ProgrammeAppliance;
import io.packetgrid.pem.service.ProgrammeService;
import io.packetgrid.pem.service.Sauna;
import io.packetgrid.pem.service.SaunaParams;
import io.packetgrid.pem.service.SaunaService;
import io.packetgrid.pem.service.ServiceDevice;
import io.packetgrid.pem.sim.ServiceAgent;
import io.packetgrid.studies.coupled.scenario.DeviceType;

/**
 * A household's deadline device with its drawn parameters (times in ns from the run's start): every
 * variant builds a fresh model from the same plan. Under the Energy-Internet server it asks for a
 * service; otherwise its owner runs it alone ({@link #localRun()}).
 */
public sealed interface ServicePlan {

    DeviceType type();

    /** A new model in its initial state. */
    ServiceDevice create();

    /** How its owner runs it without a server. */
    ServiceAgent.Local localRun();

    /** A dishwasher loaded at {@code loadedNs} (and startable from then), to be done by {@code deadlineNs}. */
    record DishwasherPlan(long loadedNs, long deadlineNs) implements ServicePlan {
        public DeviceType type() {
            return DeviceType.DISHWASHER;
        }

        public ServiceDevice create() {
            return new ProgrammeService(ProgrammeAppliance.dishwasher(), loadedNs, loadedNs, deadlineNs);
        }

        /** Started when loaded. */
        public ServiceAgent.Local localRun() {
            return ServiceAgent.Local.AS_SOON_AS_POSSIBLE;
        }
    }

    /**
     * A sauna booked at {@code bookedNs} to be at {@code targetC} at {@code readyNs}, starting at its room's temperature,
     * startable {@code earlyNs} before just in time.
     */
    record SaunaPlan(SaunaParams params, long bookedNs, long readyNs, double targetC, long earlyNs) implements ServicePlan {
        public DeviceType type() {
            return DeviceType.SAUNA;
        }

        public ServiceDevice create() {
            return new SaunaService(new Sauna(params, params.ambientC()), bookedNs, readyNs, targetC, earlyNs);
        }

        /** Switched on at full power just in time for the bath. */
        public ServiceAgent.Local localRun() {
            return ServiceAgent.Local.JUST_IN_TIME;
        }
    }
}
