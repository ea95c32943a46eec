package io.herald.platform.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.Query;
import javax.sql.DataSource;

/**
 * One JDBC transaction seen through a minimal {@link EntityManager}: enough for the platform code that writes
 * with native queries inside the caller's transaction ({@code Jobs.enqueue(em, ...)}, {@code Outbox.publish}).
 * Numbered parameters ({@code ?1}) are bound as EclipseLink binds them. Anything else is unsupported.
 */
public final class JdbcTransaction implements AutoCloseable {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    private final Connection connection;
    private final Map<String, Object> properties = new HashMap<>();
    private final EntityManager em;

    public JdbcTransaction(DataSource dataSource) throws SQLException {
        this.connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        this.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, this::entityManager);
    }

    public EntityManager em() {
        return em;
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    public void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }

    private Object entityManager(Object proxy, java.lang.reflect.Method method, Object[] args) {
        switch (method.getName()) {
            case "createNativeQuery":
                if (args.length == 1) {
                    return nativeQuery((String) args[0]);
                }
                break;
            case "getProperties":
                return properties;
            case "setProperty":
                properties.put((String) args[0], args[1]);
                return null;
            case "isOpen":
                return true;
            case "toString":
                return "JdbcTransaction EntityManager";
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                break;
        }
        throw new UnsupportedOperationException("test EntityManager has no " + method);
    }

    private Query nativeQuery(String numberedSql) {
        Matcher matcher = NUMBERED.matcher(numberedSql);
        List<Integer> order = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            order.add(Integer.parseInt(matcher.group(1)));
            matcher.appendReplacement(sql, "?");
        }
        matcher.appendTail(sql);
        Map<Integer, Object> parameters = new HashMap<>();
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
                try {
                    switch (method.getName()) {
                        case "setParameter":
                            if (args[0] instanceof Integer position && args.length == 2) {
                                parameters.put(position, args[1]);
                                return proxy;
                            }
                            break;
                        case "executeUpdate":
                            try (PreparedStatement statement = prepare()) {
                                return statement.executeUpdate();
                            }
                        case "getResultList":
                            return resultList();
                        case "getSingleResult":
                            List<Object> rows = resultList();
                            if (rows.size() != 1) {
                                throw new javax.persistence.NonUniqueResultException(rows.size() + " rows");
                            }
                            return rows.get(0);
                        default:
                            break;
                    }
                } catch (SQLException e) {
                    // EclipseLink reports database errors as (unchecked) persistence exceptions.
                    throw new javax.persistence.PersistenceException(e.getMessage(), e);
                }
                throw new UnsupportedOperationException("test Query has no " + method);
            }

            private PreparedStatement prepare() throws SQLException {
                PreparedStatement statement = connection.prepareStatement(sql.toString());
                for (int i = 0; i < order.size(); i++) {
                    statement.setObject(i + 1, parameters.get(order.get(i)));
                }
                return statement;
            }

            private List<Object> resultList() throws SQLException {
                try (PreparedStatement statement = prepare(); ResultSet rs = statement.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    List<Object> rows = new ArrayList<>();
                    while (rs.next()) {
                        if (columns == 1) {
                            rows.add(rs.getObject(1));
                        } else {
                            Object[] row = new Object[columns];
                            for (int i = 0; i < columns; i++) {
                                row[i] = rs.getObject(i + 1);
                            }
                            rows.add(row);
                        }
                    }
                    return rows;
                }
            }
        };
        return (Query) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Query.class}, handler);
    }
}
