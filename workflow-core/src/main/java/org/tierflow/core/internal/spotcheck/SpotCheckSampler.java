package org.tierflow.core.internal.spotcheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The draw, kept free of the database so it can be checked by itself: a partial Fisher–Yates shuffle driven by
 * {@link Random}, whose algorithm its Javadoc fixes for every Java implementation.
 */
final class SpotCheckSampler {

    private SpotCheckSampler() {
    }

    /**
     * Draws {@code size} of the population, in draw order. For {@code i = 0 .. size-1}: {@code j = i +
     * random.nextInt(n - i)}, swap positions {@code i} and {@code j}; position {@code i} is the {@code i+1}-th drawn.
     *
     * @param population sorted deterministically by the caller
     */
    static <T> List<T> draw(Random random, List<T> population, int size) {
        List<T> pool = new ArrayList<>(population);
        int n = pool.size();
        if (size < 0 || size > n) {
            throw new IllegalArgumentException("sample size " + size + " outside 0.." + n);
        }
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            T picked = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, picked);
        }
        return List.copyOf(pool.subList(0, size));
    }

    /**
     * SHA-256 (lower-case hex) of {@code "candidates\n"}, each candidate id and {@code "\n"}, then
     * {@code "units\n"}, each unit id and {@code "\n"}, in UTF-8.
     */
    static String digest(List<String> candidateIds, List<String> unitIds) {
        StringBuilder text = new StringBuilder("candidates\n");
        candidateIds.forEach(id -> text.append(id).append('\n'));
        text.append("units\n");
        unitIds.forEach(id -> text.append(id).append('\n'));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
