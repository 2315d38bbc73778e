package io.packetgrid.studies.sweep.testkind;

import io.packetgrid.studies.run.Study;
import io.packetgrid.studies.kinds.StudyKinds;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registers the test-only study kind in {@link StudyKinds}, which has no public registration (kinds
 * are one line each in its static block): tests reach its table by reflection, which stays in test code.
 */
public final class TestKinds {
    private TestKinds() {
    }

    @SuppressWarnings("unchecked")
    public static synchronized void register() {
        try {
            Field f = StudyKinds.class.getDeclaredField("KINDS");
            f.setAccessible(true);
            Map<String, Supplier<Study>> kinds = (Map<String, Supplier<Study>>) f.get(null);
            kinds.putIfAbsent(SweepTestStudy.KIND, SweepTestStudy::new);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("StudyKinds changed: the test kind cannot be registered (" + e + ")", e);
        }
    }
}
