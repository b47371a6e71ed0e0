package org.yilaoyixiao.exchange.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The embedded default: each payload becomes {@code <directory>/<kind>/<key>.json}, written to a temporary file and
 * moved into place, so a file is either whole or absent; writing the same key again replaces it with the same bytes.
 */
class FileProvinceDelivery implements ProvinceDelivery {

    private final Path directory;

    FileProvinceDelivery(Path directory) {
        this.directory = directory;
    }

    @Override
    public void deliver(String kind, String idempotencyKey, String payload) {
        try {
            Path folder = Files.createDirectories(directory.resolve(kind.toLowerCase()));
            Path target = folder.resolve(idempotencyKey.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
            Path temporary = Files.createTempFile(folder, ".part-", ".json");
            Files.writeString(temporary, payload, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Failed("cannot write " + directory + ": " + e.getMessage());
        }
    }
}
