package io.omnichannel.gateway.adapters.http;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.outbound.TransientDeliveryException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one HTTP client of the outbound channels, with the configured timeout. Network failures
 * become {@link TransientDeliveryException}; what a status code means is the channel's call.
 */
@ApplicationScoped
public class ProviderHttp {

    private final HttpClient client;
    private final Duration timeout;

    ProviderHttp(AdaptersConfig config) {
        this.timeout = config.outbound().requestTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientDeliveryException(request.uri().getHost() + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDeliveryException("interrupted while calling " + request.uri().getHost(), e);
        }
    }

    /** 5xx, 429 and 408 are worth another attempt. */
    public static boolean isTransient(int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    public static String form(List<Map.Entry<String, String>> fields) {
        return fields.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
