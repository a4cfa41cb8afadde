package org.pramaan.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.errors.Invalid;

class S3SettingsTest {
    private static Map<String, String> valid() {
        Map<String, String> o = new HashMap<>();
        o.put("endpoint", "http://127.0.0.1:9090");
        o.put("region", "us-east-1");
        o.put("bucket", "pramaan-media");
        o.put("access-key", "ak");
        o.put("secret-key", "sk");
        o.put("prefix", "");
        o.put("part-size", "");
        o.put("multipart-threshold", "");
        return o;
    }

    @Test
    void defaultsSplitAbove16MiBIn8MiBParts() {
        S3Settings s = S3Settings.parse(valid());
        assertThat(s.partSize()).isEqualTo(8L << 20);
        assertThat(s.multipartThreshold()).isEqualTo(16L << 20);
        assertThat(s.hostAndPort()).isEqualTo("127.0.0.1:9090");
    }

    @Test
    void prefixGetsItsSlash() {
        Map<String, String> o = valid();
        o.put("prefix", "node-media");
        assertThat(S3Settings.parse(o).prefix()).isEqualTo("node-media/");
    }

    @Test
    void eachBadValueIsRefusedNamingItsKey() {
        assertRefused("bucket", "", "blobs.s3.bucket", "required");
        assertRefused("bucket", "Bad_Bucket", "blobs.s3.bucket", "not an S3 bucket name");
        assertRefused("endpoint", "ftp://host", "blobs.s3.endpoint", "http(s) URL");
        assertRefused("endpoint", "http://user:pw@host:1", "blobs.s3.endpoint", "no user");
        assertRefused("region", "US EAST", "blobs.s3.region", "region name");
        assertRefused("secret-key", " ", "blobs.s3.secret-key", "required");
        assertRefused("part-size", "1048576", "blobs.s3.part-size", "5 MiB");
        assertRefused("part-size", "-1", "blobs.s3.part-size", "whole number");
        assertRefused("multipart-threshold", "1", "blobs.s3.multipart-threshold", "at least blobs.s3.part-size");
        assertRefused("prefix", "/abs", "blobs.s3.prefix", "must not start with '/'");
    }

    private static void assertRefused(String option, String value, String field, String says) {
        Map<String, String> o = valid();
        o.put(option, value);
        assertThatThrownBy(() -> S3Settings.parse(o))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains(field))
                .hasMessageContaining(says);
    }
}
