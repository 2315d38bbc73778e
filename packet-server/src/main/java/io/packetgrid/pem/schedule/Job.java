package io.packetgrid.pem.schedule;

/**
 * What the scheduler plans for one request: {@code energyKwh} between {@code earliestNs} and
 * {@code deadlineNs} at up to {@code maxKw}, pausable (an EV, a sauna's heating). Uninterruptible
 * programmes are placed first and enter as a fixed load ({@link DeadlineScheduler#placeProgramme}).
 */
public record Job(long id, double energyKwh, double maxKw, long earliestNs, long deadlineNs) {

    public Job {
        if (!(energyKwh >= 0) || !(maxKw > 0) || deadlineNs <= earliestNs) {
            throw new IllegalArgumentException("job " + id + ": need energy ≥ 0, max power > 0, deadline after start");
        }
    }
}
