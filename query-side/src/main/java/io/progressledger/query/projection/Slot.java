package io.progressledger.query.projection;

import java.util.Locale;

/**
 * Each view exists twice, as tables ending in {@code _a} and {@code _b}. The generation of a projection that is being
 * read lives in one slot while a rebuild fills the other, so dashboards never see a half-built view. Generation 1
 * is in slot A, 2 in B, 3 in A again, and so on.
 */
public enum Slot {
    A, B;

    public static Slot of(int generation) {
        return generation % 2 == 1 ? A : B;
    }

    /** The table of this slot for a view's base name, e.g. {@code talent_block_a}. */
    public String table(String baseName) {
        return baseName + "_" + name().toLowerCase(Locale.ROOT);
    }
}
