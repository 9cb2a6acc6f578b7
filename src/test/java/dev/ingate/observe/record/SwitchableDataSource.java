package dev.ingate.observe.record;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

/**
 * A data source a test can take down: DOWN refuses connections as a stopped server does; LOST_ACK commits and
 * then reports the commit as failed (the connection dropped before the answer came), the case that makes the
 * writer journal records that are in fact stored.
 */
final class SwitchableDataSource implements DataSource {

    enum Mode { UP, DOWN, LOST_ACK }

    private final DataSource delegate;
    private volatile Mode mode = Mode.UP;

    SwitchableDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    void set(Mode mode) {
        this.mode = mode;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (mode == Mode.DOWN) {
            throw new SQLTransientConnectionException("test: the database is down");
        }
        Connection real = delegate.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            try {
                Object result = method.invoke(real, args);
                if (method.getName().equals("commit") && mode == Mode.LOST_ACK) {
                    throw new SQLException("test: connection lost after commit");
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
