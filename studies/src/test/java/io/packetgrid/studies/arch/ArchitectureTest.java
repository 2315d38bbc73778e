package io.packetgrid.studies.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layout is the architecture (docs/CONTRIBUTING.md, "Style"), checked on the compiled classes
 * of every module: cosim-core knows no model, the models ({@code grid}, {@code radio}, {@code pem}) never
 * import each other, {@code studies} reaches grid-model only through its API packages (and calls none of their
 * methods that would hand it an internal type), and the studies' generic packages form no cycle with the studies
 * that use them.
 */
class ArchitectureTest {
    static final String CORE = "io.packetgrid.cosim..";
    static final String GRID = "io.packetgrid.grid..";
    static final String RADIO = "io.packetgrid.radio..";
    static final String PEM = "io.packetgrid.pem..";
    static final String STUDIES = "io.packetgrid.studies..";

    /**
     * grid-model's internals: the element objects, the solver, the script reader and the controls. A study
     * uses the feeder through {@code grid.api} (Feeder), {@code grid.federate}, {@code grid.series},
     * {@code grid.result}, {@code grid.fault}, {@code grid.protection} and {@code grid.feeders}.
     */
    static final String[] GRID_INTERNALS = {"io.packetgrid.grid.model..", "io.packetgrid.grid.solve..", "io.packetgrid.grid.dss..",
            "io.packetgrid.grid.control.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the other modules come as folders (a module build) or as jars (the reactor's verify): both count; only
        // io.packetgrid classes are imported, and an empty rule fails (ArchUnit's failOnEmptyShould)
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.packetgrid");
    }

    @Test
    void cosimCoreKnowsNoModelAndNoStudy() {
        noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(GRID, RADIO, PEM, STUDIES)
                .because("cosim-core is the kernel: models depend on it, never the other way").check(classes);
    }

    @Test
    void gridModelImportsNoSibling() {
        noClasses().that().resideInAPackage(GRID).should().dependOnClassesThat().resideInAnyPackage(RADIO, PEM, STUDIES)
                .because("models depend on cosim-core only; studies wires them").check(classes);
    }

    @Test
    void radioModelImportsNoSibling() {
        noClasses().that().resideInAPackage(RADIO).should().dependOnClassesThat().resideInAnyPackage(GRID, PEM, STUDIES)
                .because("models depend on cosim-core only; studies wires them").check(classes);
    }

    @Test
    void packetServerImportsNoSibling() {
        noClasses().that().resideInAPackage(PEM).should().dependOnClassesThat().resideInAnyPackage(GRID, RADIO, STUDIES)
                .because("models depend on cosim-core only; studies wires them").check(classes);
    }

    @Test
    void studiesUseTheGridThroughItsApiPackages() {
        noClasses().that().resideInAPackage(STUDIES).should().dependOnClassesThat().resideInAnyPackage(GRID_INTERNALS)
                .because("studies wire the models through their API packages (grid.api, grid.federate, grid.series, grid.result, "
                        + "grid.fault, grid.protection, grid.feeders)").check(classes);
    }

    @Test
    void studiesCallNoGridMethodThatTakesOrGivesAnInternalType() {
        // the rule above sees the classes a study names; this one sees what passes through a call it makes: an API
        // method that returns a Network (or takes a CircuitElement) would hand the internals over without an import
        noClasses().that().resideInAPackage(STUDIES).should().accessTargetWhere(exposesGridInternals())
                .because("grid-model's API packages give studies names, indexes and handles, never its element objects, "
                        + "network or solver").check(classes);
    }

    /** An access to a grid-model member whose field type, return type or a parameter type is a grid-model internal. */
    static DescribedPredicate<JavaAccess<?>> exposesGridInternals() {
        DescribedPredicate<JavaClass> internal = JavaClass.Predicates.resideInAnyPackage(GRID_INTERNALS);
        return DescribedPredicate.describe("a grid-model member with a grid-model internal type in its signature", a -> {
            AccessTarget t = a.getTarget();
            if (!t.getOwner().getPackageName().startsWith("io.packetgrid.grid")) {
                return false;
            }
            if (t instanceof AccessTarget.FieldAccessTarget f) {
                return internal.test(f.getRawType());
            }
            if (t instanceof AccessTarget.CodeUnitAccessTarget c) {
                return internal.test(c.getRawReturnType()) || c.getRawParameterTypes().stream().anyMatch(internal);
            }
            return false;
        });
    }

    @Test
    void theStudiesGenericPackagesFormNoCycleWithTheStudies() {
        // report (summary, tables, report.html), run (running a study into a folder), kinds (the registry) and sweep
        // are generic;
        // the studies (coupled, pem, protection) use them, never the reverse through another path
        slices().matching("io.packetgrid.studies.(report|run|kinds|coupled|pem|protection|sweep)..").should().beFreeOfCycles()
                .check(classes);
    }
}
