package chat.free4.relay.http;

import chat.free4.relay.connection.RelayCore;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Plain HTTP next to the WebSocket: {@code GET /healthz}; {@code GET /metrics} only on the metrics
 * listener (loopback by default: counters are for the operator, not for every client); anything
 * else is 404.
 */
public final class HttpEndpoints extends Handler.Abstract.NonBlocking {
    private final RelayCore core;
    private volatile boolean stopping;
    private volatile Connector metricsConnector;

    public HttpEndpoints(RelayCore core) {
        this.core = core;
    }

    /** The listener on which {@code /metrics} is served; elsewhere it is 404. */
    public void serveMetricsOn(Connector connector) {
        this.metricsConnector = connector;
    }

    /** Whether the request came in on the metrics listener (which upgrades nothing). */
    public boolean isMetricsListener(Request request) {
        Connector metrics = metricsConnector;
        return metrics != null && request.getConnectionMetaData().getConnector() == metrics;
    }

    /** From now on {@code /healthz} answers 503, so load balancers stop sending clients here. */
    public void markStopping() {
        stopping = true;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if ("/v1".equals(path)) {
            Response.writeError(request, response, callback, HttpStatus.UPGRADE_REQUIRED_426,
                    "This is a WebSocket endpoint.");
            return true;
        }
        boolean onMetricsListener = isMetricsListener(request);
        if (!"/healthz".equals(path) && !("/metrics".equals(path) && onMetricsListener)) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        if ("/healthz".equals(path)) {
            // In a cluster, an instance that cannot reach Redis seats nobody: load balancers should look elsewhere.
            String cluster = stopping ? null : core.rooms().clusterProblem();
            response.setStatus(stopping || cluster != null ? HttpStatus.SERVICE_UNAVAILABLE_503 : HttpStatus.OK_200);
            write(response, callback, stopping ? "stopping\n" : cluster != null ? "unavailable: " + cluster + "\n" : "ok\n",
                    "text/plain; charset=utf-8");
        } else {
            write(response, callback, core.metrics().snapshot().toPrometheusText(),
                    "text/plain; version=0.0.4; charset=utf-8");
        }
        return true;
    }

    private static void write(Response response, Callback callback, String body, String contentType) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
