package dev.ingate.guard.detect;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * International bank account numbers: a country code of the IBAN registry, its fixed length, and the ISO 7064
 * mod-97 check ({@code DE89 3704 0044 0532 0130 00}, spaced in fours or not).
 */
public final class Ibans {

    private static final Pattern PATTERN = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])");

    /** The IBAN registry's lengths by country (SWIFT, release 2024). */
    private static final Map<String, Integer> LENGTHS = new HashMap<>();

    static {
        String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 "
                + "ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 "
                + "LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 "
                + "RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
        for (String entry : table.split(" ")) {
            LENGTHS.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
        }
    }

    private Ibans() {
    }

    public static Detector detector() {
        return new PatternDetector(PATTERN, "iban", Ibans::valid);
    }

    static boolean valid(String candidate) {
        String iban = candidate.replace(" ", "");
        Integer length = LENGTHS.get(iban.substring(0, 2));
        return length != null && iban.length() == length && mod97(iban) == 1;
    }

    /** The country code and check digits moved to the end, letters as 10..35, the whole number mod 97. */
    private static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }
}
