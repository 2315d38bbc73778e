package io.packetgrid.studies.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layout is the architecture (docs/CONTRIBUTING.md, "Style"), checked on the compiled classes
 * of every module: cosim-core knows no model, the models ({@code grid}, {@code radio}, {@code pem}) never
 * import each other, {@code studies} reaches grid-model only through its API packages, and the studies'
 * generic packages form no cycle with the studies that use them.
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

    /**
     * Classes that reach into grid-model's internals today, each until grid-model's API offers what it
     * needs (listed so that no new one appears; remove a line when its class is fixed):
     * protection's feeder model (the elements it binds relays, breakers and DG units to).
     */
    static final Set<String> GRID_INTERNALS_ALLOWED = Set.of(
            "io.packetgrid.studies.protection.model.ProtectionSystem");

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
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe("listed in GRID_INTERNALS_ALLOWED",
                c -> GRID_INTERNALS_ALLOWED.contains(c.getName()) || GRID_INTERNALS_ALLOWED.contains(c.getName().replaceFirst("\\$.*", "")));
        noClasses().that().resideInAPackage(STUDIES).and(DescribedPredicate.not(allowed)).should().dependOnClassesThat()
                .resideInAnyPackage(GRID_INTERNALS)
                .because("studies wire the models through their API packages (grid.api, grid.federate, grid.series, grid.result, "
                        + "grid.fault, grid.protection, grid.feeders)").check(classes);
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
