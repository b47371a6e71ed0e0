package org.yilaoyixiao.registry.internal.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Primary keys taken from a table's own sequence a block at a time, so that rows copied in bulk can refer to each
 * other and never collide with rows inserted meanwhile by the application.
 */
final class ReservedIds {

    private final Connection connection;
    private final String sequence;
    private final int blockSize;
    private final long[] block;
    private int used;
    private int filled;

    ReservedIds(Connection connection, String table, int blockSize) throws SQLException {
        this.connection = connection;
        this.blockSize = blockSize;
        this.block = new long[blockSize];
        try (PreparedStatement statement = connection.prepareStatement("select pg_get_serial_sequence(?, 'id')")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                this.sequence = rs.getString(1);
            }
        }
    }

    long next() throws SQLException {
        if (used == filled) {
            refill();
        }
        return block[used++];
    }

    private void refill() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select nextval(cast(? as regclass)) from generate_series(1, ?)")) {
            statement.setString(1, sequence);
            statement.setInt(2, blockSize);
            try (ResultSet rs = statement.executeQuery()) {
                filled = 0;
                while (rs.next()) {
                    block[filled++] = rs.getLong(1);
                }
            }
        }
        used = 0;
    }
}
