package org.tierflow.core.internal.credential;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Certificate numbers: {@code <program initials>-<year>-XXXX-XXXX-XXXX-XXXX}, e.g.
 * {@code QDT-2024-K7QZ-2M5X-R4TA-3BWE} for the Qingdao digital-talent program. The 16 characters are base32
 * (RFC 4648 alphabet) of 80 bits from a {@link SecureRandom}: not sequential, not guessable from other numbers.
 * Uniqueness is checked by the caller and guaranteed by the database's unique key.
 */
final class CredentialNumbers {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int RANDOM_CHARS = 16;
    private static final int MAX_PREFIX = 6;

    private final SecureRandom random = new SecureRandom();

    /** A fresh number for a certificate of this program issued in this year. */
    String next(String programCode, int year) {
        byte[] bytes = new byte[RANDOM_CHARS * 5 / 8];
        random.nextBytes(bytes);
        String chars = base32(bytes);
        StringBuilder number = new StringBuilder(prefix(programCode)).append('-').append(year);
        for (int i = 0; i < chars.length(); i += 4) {
            number.append('-').append(chars, i, i + 4);
        }
        return number.toString();
    }

    /** The program's initials: the first letter of each word of its code ({@code qingdao-digital-talent-2023} → QDT). */
    static String prefix(String programCode) {
        StringBuilder initials = new StringBuilder();
        for (String word : programCode.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty() && Character.isLetter(word.charAt(0)) && initials.length() < MAX_PREFIX) {
                initials.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return initials.isEmpty() ? "TF" : initials.toString();
    }

    /** How people may type a number: surrounding blanks and letter case do not matter. */
    static String normalise(String number) {
        return number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 8 / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }
}
