package io.packetgrid.grid.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Pending control actions ordered by action time (OpenDSS ControlQueue). In static control mode
 * the solution executes, after each converged solution, all actions due at the earliest queued
 * time, without advancing time.
 */
public final class ControlQueue {
    /** Something that acts when its time comes. */
    public interface Action {
        /** Runs the action at the present solution time {@code nowSec} (new actions are queued from it). */
        void act(double nowSec);
    }

    private record Entry(double time, int handle, Action action) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private int handles;

    /** Queues an action at absolute time (seconds); returns its handle. */
    public int push(double timeSec, Action a) {
        int h = ++handles;
        int i = 0;
        while (i < entries.size() && timeSec > entries.get(i).time) {
            i++;
        }
        entries.add(i, new Entry(timeSec, h, a));
        return h;
    }

    public void delete(int handle) {
        entries.removeIf(e -> e.handle == handle);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public void clear() {
        entries.clear();
    }

    /**
     * Executes every action due at the earliest time in the queue, leaving the solution time at
     * {@code nowSec} (OpenDSS DoNearestActions in static mode, which ignores the time advance).
     */
    public boolean doNearest(double nowSec) {
        if (entries.isEmpty()) {
            return false;
        }
        double t = entries.get(0).time;
        while (!entries.isEmpty() && entries.get(0).time <= t) {
            Entry e = entries.remove(0);
            e.action.act(nowSec);
        }
        return true;
    }

    /**
     * Executes every action due at or before {@code nowSec}, in time order (OpenDSS time-driven
     * mode, ControlQueue.DoActions); actions they queue for later stay in the queue.
     *
     * @return whether any action ran
     */
    public boolean doUntil(double nowSec) {
        boolean any = false;
        while (!entries.isEmpty() && entries.get(0).time <= nowSec) {
            Entry e = entries.remove(0);
            e.action.act(nowSec);
            any = true;
        }
        return any;
    }
}
