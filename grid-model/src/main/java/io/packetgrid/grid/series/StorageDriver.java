package io.packetgrid.grid.series;

import io.packetgrid.grid.model.Storage;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.solve.PowerFlowSolver;

/**
 * Drives a storage unit through time (OpenDSS Storage.pas SetNominalDEROutput and UpdateStorage):
 * before each solution the shape of the mode (falling back to the daily one; multiplier 1 and a
 * trigger check without one) sets its state unless it is dispatched externally; in snapshot mode
 * the state stays. At the end of each time step the stored energy moves by the solved power.
 */
public final class StorageDriver implements DerDriver {
    private final Storage storage;
    private final LoadShape yearly;
    private final LoadShape daily;
    private final LoadShape duty;

    public StorageDriver(Storage storage, LoadShape yearly, LoadShape daily, LoadShape duty) {
        this.storage = storage;
        this.yearly = yearly;
        this.daily = daily;
        this.duty = duty;
    }

    public Storage storage() {
        return storage;
    }

    @Override
    public void apply(SolveMode mode, SolveMode.ShapeClass timeClass, double hour, double stepHours) {
        LoadShape s = switch (mode.shapeClass(timeClass)) {
            case NONE -> null;
            case DAILY -> daily;
            case YEARLY -> yearly != null ? yearly : daily;
            case DUTY -> duty != null ? duty : daily;
        };
        if (mode.shapeClass(timeClass) == SolveMode.ShapeClass.NONE) {
            storage.noShape();
        } else {
            storage.applyShape(s != null ? s.at(hour)[0] : 1.0, timeOfDay(hour), stepHours);
        }
        storage.updateOutput();
    }

    /** OpenDSS TimeOfDay without the epsilon: hours of the day. */
    private static double timeOfDay(double hours) {
        int h = (int) Math.floor(hours);
        double frac = hours - h;
        int hourOfDay = h > 23 ? h - (h / 24) * 24 : h;
        double r = hourOfDay + frac;
        return r > 24.0 ? r - 24.0 : r;
    }

    @Override
    public void endOfStep(PowerFlowSolver solver, double intervalHours) {
        double[] pq = ElementFlows.terminalPowers(solver, storage);
        storage.endOfStep(pq[0] / 1000.0, intervalHours);
    }
}
