package org.yilaoyixiao.platform.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keys for personal-data fields: {@code YLY_FIELD_KEY} (AES, 256 bits) and {@code YLY_INDEX_KEY} (HMAC), base64.
 * With the embedded database and no keys configured, keys are generated once into
 * {@code ${yly.data-dir}/keys/field-keys.properties} (owner-only), beside the data they protect; with an external
 * database the keys must be configured, since a key lost with a container would make the data unreadable.
 */
@Configuration(proxyBeanMethods = false)
class FieldKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FieldKeysConfiguration.class);

    record FieldKeys(byte[] fieldKey, byte[] indexKey) {
    }

    @Bean
    FieldKeys fieldKeys(@Value("${yly.crypto.field-key:}") String fieldKey,
                        @Value("${yly.crypto.index-key:}") String indexKey,
                        @Value("${spring.datasource.url:}") String externalDatabase,
                        @Value("${yly.data-dir}") String dataDir) {
        if (!fieldKey.isBlank() && !indexKey.isBlank()) {
            return new FieldKeys(Base64.getDecoder().decode(fieldKey.strip()), Base64.getDecoder().decode(indexKey.strip()));
        }
        if (!externalDatabase.isBlank()) {
            throw new IllegalStateException("YLY_FIELD_KEY and YLY_INDEX_KEY (base64, 32 bytes each) must be set when "
                    + "using an external database; keep them in the server's secret store and back them up");
        }
        return loadOrGenerate(Path.of(dataDir, "keys", "field-keys.properties"));
    }

    @Bean
    FieldCipher fieldCipher(FieldKeys keys) {
        return new AesGcmFieldCipher(keys.fieldKey());
    }

    @Bean
    BlindIndex blindIndex(FieldKeys keys) {
        return new HmacBlindIndex(keys.indexKey());
    }

    static FieldKeys loadOrGenerate(Path file) {
        try {
            Properties properties = new Properties();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            } else {
                SecureRandom random = new SecureRandom();
                byte[] field = new byte[32];
                byte[] index = new byte[32];
                random.nextBytes(field);
                random.nextBytes(index);
                properties.setProperty("field-key", Base64.getEncoder().encodeToString(field));
                properties.setProperty("index-key", Base64.getEncoder().encodeToString(index));
                Files.createDirectories(file.getParent());
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    log.warn("Could not restrict permissions of {}", file);
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    properties.store(out, "Keys for personal-data fields. Back this file up with the data; "
                            + "without it the encrypted ID numbers cannot be read.");
                }
                log.info("Generated personal-data field keys in {}", file.toAbsolutePath());
            }
            return new FieldKeys(Base64.getDecoder().decode(properties.getProperty("field-key")),
                    Base64.getDecoder().decode(properties.getProperty("index-key")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the field keys in " + file, e);
        }
    }
}
