package org.tierflow.core.internal.program;

/** Field paths as problems show them: {@code tiers[2].reviewChain.steps[1].level}. */
final class FieldPath {

    private FieldPath() {
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
