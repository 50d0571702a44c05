package io.omnichannel.gateway.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where a database spent its time, from PostgreSQL's pg_stat_statements (loaded by the local stack's
 * server): benchmarks reset it before a measured part and print the costliest statements after it.
 */
public final class StatementStats {

    private final String jdbcUrl;

    public StatementStats(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Creates the extension in this database if needed and forgets what was counted so far. */
    public void reset() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The {@code limit} statements of this database with the most execution time since the reset, as a Markdown table. */
    public String top(int limit) throws SQLException {
        StringBuilder table = new StringBuilder("| total ms | calls | mean ms | rows | statement |\n| ---: | ---: | ---: | ---: | --- |\n");
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT total_exec_time, calls, mean_exec_time, rows, query FROM pg_stat_statements
                        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                        ORDER BY total_exec_time DESC""" + " LIMIT " + limit)) {
            while (rows.next()) {
                String query = rows.getString(5).replaceAll("\\s+", " ").replace("|", "\\|");
                table.append(String.format("| %,.0f | %,d | %.2f | %,d | `%s` |%n", rows.getDouble(1), rows.getLong(2),
                        rows.getDouble(3), rows.getLong(4), query.length() > 160 ? query.substring(0, 160) + "…" : query));
            }
        }
        return table.toString();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, LocalStack.DB_USER, LocalStack.DB_PASSWORD);
    }
}
