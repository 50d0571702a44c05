package io.omnichannel.gateway.adapters.inbound;

import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.rest.MultipartForm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A provider's webhook call exactly as it arrived: the raw body (signatures are computed over
 * bytes, never over a re-serialized form), the headers, and the public URL the provider called.
 */
public final class WebhookRequest {

    private final String method;
    private final String publicUrl;
    private final Function<String, List<String>> headers;
    private final String rawQuery;
    private final byte[] body;
    private FormBody form;
    private MultipartForm multipart;

    /**
     * @param headers   header names in lower case
     * @param publicUrl the URL as the provider sees it (scheme, host, path, query): what it signed
     */
    public WebhookRequest(String method, String publicUrl, Map<String, List<String>> headers, String rawQuery, byte[] body) {
        this(method, publicUrl, name -> headers.get(name.toLowerCase(Locale.ROOT)), rawQuery, body, null);
    }

    /**
     * @param headers a header's values by name, case-insensitively
     * @param form    the body already parsed as a form by the endpoint, to save parsing it twice
     */
    public WebhookRequest(String method, String publicUrl, Function<String, List<String>> headers, String rawQuery,
            byte[] body, FormBody form) {
        this.method = method;
        this.publicUrl = publicUrl;
        this.headers = headers;
        this.rawQuery = rawQuery;
        this.body = body == null ? new byte[0] : body;
        this.form = form;
    }

    public String method() {
        return method;
    }

    public String publicUrl() {
        return publicUrl;
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, if present and not blank. */
    public Optional<String> header(String name) {
        List<String> values = headers.apply(name);
        return values == null ? Optional.empty() : values.stream().filter(v -> !v.isBlank()).findFirst();
    }

    /**
     * The {@code multipart/form-data} body, parsed once (a signature check and the parse both read it);
     * files over {@code maxFileBytes} keep their size but not their bytes.
     */
    public MultipartForm multipart(long maxFileBytes) {
        if (multipart == null) {
            multipart = MultipartForm.parse(header("Content-Type").orElse(null), body, maxFileBytes);
        }
        return multipart;
    }

    /** The form-encoded body (POST) or query string (GET), parsed once. */
    public FormBody form() {
        if (form == null) {
            form = FormBody.parse("GET".equalsIgnoreCase(method) ? rawQuery : bodyText());
        }
        return form;
    }
}
