package org.yilaoyixiao.divisions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.PreparedStatement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Loads 青田县 and its 32 township-level units from the versioned reference file. Villages are not reference data:
 * a county imports its real list (the demo loads synthetic ones).
 */
@Component
class V2_4__LoadQingtianDivisions extends BaseJavaMigration {

    static final String RESOURCE = "/reference/divisions/331121-qingtian.csv";
    static final String SOURCE = "reference/divisions/331121-qingtian.csv (2023 statistical division codes; "
            + "青田县“一老一小”整体解决方案)";

    @Override
    public void migrate(Context context) throws Exception {
        DivisionCsvFormat.Parsed parsed = DivisionCsvFormat.parse(DivisionCsvFormat.decode(read()));
        if (!parsed.problems().isEmpty()) {
            throw new IllegalStateException("Reference division file " + RESOURCE + " is invalid: " + parsed.problems());
        }
        try (PreparedStatement insert = context.getConnection().prepareStatement("""
                insert into divisions.division (code, valid_from, name, level, parent_code, synthetic, source)
                values (?, ?, ?, ?, ?, false, ?)
                """)) {
            for (DivisionCsvFormat.Row row : parsed.rows()) {
                insert.setString(1, row.code());
                insert.setDate(2, Date.valueOf(row.validFrom()));
                insert.setString(3, row.name());
                insert.setString(4, row.level().name());
                insert.setString(5, row.parentCode());
                insert.setString(6, SOURCE);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static byte[] read() throws IOException {
        try (InputStream in = V2_4__LoadQingtianDivisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("Missing reference file " + RESOURCE);
            }
            return in.readAllBytes();
        }
    }
}
