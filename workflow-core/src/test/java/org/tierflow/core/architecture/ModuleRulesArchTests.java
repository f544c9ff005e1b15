package org.tierflow.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * DESIGN.md's module rules for {@code workflow-core}, one rule per sentence: a wrong dependency fails the build.
 */
@AnalyzeClasses(packages = "org.tierflow.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesArchTests {

    private static final String API = "org.tierflow.core.api..";
    private static final String SPI = "org.tierflow.core.spi..";

    @ArchTest
    static final ArchRule workflowCoreDoesNotDependOnSpringBoot = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.springframework.boot..")
            .because("workflow-core embeds in any host; Spring Boot belongs to the starter (DESIGN.md, Modules)");

    @ArchTest
    static final ArchRule apiAndSpiDoNotExposeInternalTypes = classes()
            .that().resideInAnyPackage(API, SPI).and().arePublic()
            .should(exposeOnlyPublishedTypes())
            .because("hosts compile against api and spi only; internals and Flowable's impl may change at any time");

    @ArchTest
    static final ArchRule apiDoesNotDependOnInternals = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage("org.tierflow..internal..", "org.flowable..impl..")
            .because("the API is records and interfaces; the entry points in org.tierflow.core wire the internals");

    @ArchTest
    static final ArchRule spiDoesNotDependOnInternals = noClasses()
            .that().resideInAPackage(SPI)
            .should().dependOnClassesThat().resideInAnyPackage("org.tierflow..internal..", "org.flowable..impl..")
            .because("an extension point an integrator implements must not drag internals along");

    @ArchTest
    static final ArchRule internalIsNotUsedBySupport = noClasses()
            .that().resideInAPackage("org.tierflow.core.support..")
            .should().dependOnClassesThat().resideInAPackage("org.tierflow..internal..")
            .because("support classes are examples of the SPI and use only what a host could use");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.tierflow.core.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenApiSpiSupportAndInternals = slices().matching("org.tierflow.core.(*)..")
            .should().beFreeOfCycles()
            .because("internals build on the API and SPI, never the other way round");

    /** Public and protected members of public API/SPI types mention no internal or Flowable impl type. */
    private static ArchCondition<JavaClass> exposeOnlyPublishedTypes() {
        return new ArchCondition<>("expose no internal or org.flowable..impl.. types in public signatures") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Stream<JavaCodeUnit> codeUnits = type.getCodeUnits().stream().filter(ModuleRulesArchTests::isVisible);
                codeUnits.forEach(unit -> {
                    unit.getReturnType().getAllInvolvedRawTypes().forEach(t -> report(events, unit.getFullName(), "returns", t));
                    unit.getParameterTypes().forEach(p -> p.getAllInvolvedRawTypes()
                            .forEach(t -> report(events, unit.getFullName(), "takes", t)));
                });
                type.getFields().stream()
                        .filter(f -> f.getModifiers().contains(JavaModifier.PUBLIC) || f.getModifiers().contains(JavaModifier.PROTECTED))
                        .forEach((JavaField f) -> f.getType().getAllInvolvedRawTypes().forEach(t -> report(events, f.getFullName(), "is of", t)));
                type.getRawSuperclass().ifPresent(s -> report(events, type.getName(), "extends", s));
                type.getRawInterfaces().forEach(i -> report(events, type.getName(), "implements", i));
            }
        };
    }

    private static boolean isVisible(JavaCodeUnit unit) {
        Set<JavaModifier> modifiers = unit.getModifiers();
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void report(ConditionEvents events, String member, String verb, JavaClass exposed) {
        String name = exposed.getName();
        boolean forbidden = name.contains(".internal.") || (name.startsWith("org.flowable.") && name.contains(".impl."));
        if (forbidden) {
            events.add(SimpleConditionEvent.violated(member, member + " " + verb + " " + name
                    + ", which is not part of TierFlow's published API"));
        }
    }
}
