package io.herald.itests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** What keeps Herald's bundles from running, in words: the first thing to read when an integration test fails. */
public final class Components {

    private Components() {
    }

    /**
     * One line per {@code io.herald.*} bundle that is not active and per enabled DS component of theirs that is not
     * satisfied (with the references it waits for) or failed to activate; empty when everything runs.
     */
    public static List<String> notRunning(BundleContext context, ServiceComponentRuntime scr) {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name == null || !name.startsWith("io.herald.")) {
                continue;
            }
            if (bundle.getState() != Bundle.ACTIVE) {
                problems.add("bundle " + name + " is " + state(bundle.getState()));
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                if (!scr.isComponentEnabled(description)) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    String problem = problem(configuration);
                    if (problem != null) {
                        problems.add("component " + description.name + " " + problem);
                    }
                }
            }
        }
        return problems;
    }

    private static String problem(ComponentConfigurationDTO configuration) {
        switch (configuration.state) {
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                return "waits for " + Arrays.stream(configuration.unsatisfiedReferences)
                        .map(Components::describe).toList();
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return "waits for its configuration";
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return "failed to activate: " + configuration.failure;
            default:
                return null;
        }
    }

    private static String describe(UnsatisfiedReferenceDTO reference) {
        return reference.name + (reference.target == null ? "" : " " + reference.target);
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "in state " + state;
        };
    }
}
