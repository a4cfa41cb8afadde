package org.pramaan.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The role matrix, written out: the permissions moved from a set per constant to a switch and must be the same. */
class RoleTest {
    private static EnumSet<Permission> granted(Role r) {
        EnumSet<Permission> s = EnumSet.noneOf(Permission.class);
        Arrays.stream(Permission.values()).filter(r::can).forEach(s::add);
        return s;
    }

    @Test
    void eachRoleGrantsExactlyItsPermissions() {
        assertThat(granted(Role.ADMIN)).isEqualTo(EnumSet.allOf(Permission.class));
        assertThat(granted(Role.REVIEWER))
                .containsExactlyInAnyOrder(
                        Permission.MEDIA_READ,
                        Permission.NOTICE_SUBMIT,
                        Permission.CASE_READ,
                        Permission.CASE_ACT,
                        Permission.BANKS_READ,
                        Permission.BANKS_WRITE);
        assertThat(granted(Role.INGEST))
                .containsExactlyInAnyOrder(
                        Permission.MEDIA_SUBMIT,
                        Permission.MEDIA_READ,
                        Permission.NOTICE_SUBMIT,
                        Permission.PROVENANCE_SIGN);
    }
}
