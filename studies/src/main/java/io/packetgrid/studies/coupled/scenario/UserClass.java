package io.packetgrid.studies.coupled.scenario;

import java.util.Locale;

/**
 * A household's user class (YAML {@code households.classes:}): the founding paper's classes of users
 * (Tomé et al., §III-C: industrial, special such as hospitals, flexible such as households), whose load
 * priorities the group sets. Each class is a band of priority levels, {@link #STEP} wide, so that
 * {@code pem.priorities} (per device type, 0 … {@code STEP − 1}) still orders the devices within a class:
 * a device's priority is its class's {@link #basePriority()} plus its type's level. Higher goes first:
 * in the Energy-Internet server's admission of requests that arrive together (then earliest deadline, then
 * random among equals) and in the PEM server's batches (within a community rank); the special class is a
 * basic need of the emergency mode unless {@code community.basic_priority} says otherwise.
 */
public enum UserClass {
    /** Households: priority levels from 0. */
    FLEXIBLE,
    /** Industrial users: from {@code STEP}. */
    INDUSTRIAL,
    /** Special users (a hospital, a health centre, a water works): from {@code 2·STEP}. */
    SPECIAL;

    /** Priority levels per class. */
    public static final int STEP = 16;

    /** The lowest priority level of the class. */
    public int basePriority() {
        return ordinal() * STEP;
    }

    /** The name as written in scenario files ({@code special}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
