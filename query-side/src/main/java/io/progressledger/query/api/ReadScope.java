package io.progressledger.query.api;

import java.util.Set;

/**
 * What the caller of a read may see: everything (the configured API and admin tokens, an unscoped issued token), or
 * only some institutions (Toolzz {@code institution.id}) and some Phoenix programs (an issued, scoped token). Given to
 * a handler as a parameter; every read applies it: an id outside the scope is answered 404 as if unknown
 * ({@link NotFound}), an aggregate the scope cannot be applied to 403 ({@link OutOfScope}).
 *
 * @param tokenId      the issued token's id; null for a configured token
 * @param institutions the institutions visible; empty with {@code all}
 * @param programs     the programs visible; empty with {@code all}
 */
public record ReadScope(boolean all, String tokenId, Set<Long> institutions, Set<String> programs) {

    public static final ReadScope EVERYTHING = new ReadScope(true, null, Set.of(), Set.of());

    public ReadScope {
        institutions = Set.copyOf(institutions);
        programs = Set.copyOf(programs);
    }

    public static ReadScope of(String tokenId, Set<Long> institutions, Set<String> programs) {
        return institutions.isEmpty() && programs.isEmpty() ? new ReadScope(true, tokenId, Set.of(), Set.of())
                : new ReadScope(false, tokenId, institutions, programs);
    }

    public boolean institution(long institutionId) {
        return all || institutions.contains(institutionId);
    }

    public boolean program(String programId) {
        return all || (programId != null && programs.contains(programId));
    }

    /** 404, as for an unknown id, when the institution is outside the scope. */
    public void requireInstitution(long institutionId, String what) throws NotFound {
        if (!institution(institutionId)) {
            throw new NotFound(what);
        }
    }

    /** 404, as for an unknown id, when the program is outside the scope. */
    public void requireProgram(String programId, String what) throws NotFound {
        if (!program(programId)) {
            throw new NotFound(what);
        }
    }

    /** 403 for a scoped token on a read that counts across every institution and program. */
    public void requireAll(String why) throws OutOfScope {
        if (!all) {
            throw new OutOfScope(why);
        }
    }
}
