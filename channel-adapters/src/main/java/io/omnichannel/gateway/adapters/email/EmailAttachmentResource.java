package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.contract.ProblemDetail;
import io.omnichannel.gateway.kit.rest.Problems;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The files of inbound mail, at the {@code ref} their message carries. The random id is the credential. */
@Path("/email/attachments/{id}")
@Blocking
public class EmailAttachmentResource {

    private final EmailAttachments attachments;

    EmailAttachmentResource(EmailAttachments attachments) {
        this.attachments = attachments;
    }

    @GET
    @Operation(summary = "Download an attachment of an inbound mail")
    @APIResponse(responseCode = "200", description = "The file, as the customer sent it")
    @APIResponse(responseCode = "404", description = "No such attachment")
    public Response download(@PathParam("id") String id, UriInfo uri) {
        UUID key;
        try {
            key = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return notFound(id, uri);
        }
        Optional<EmailAttachments.StoredFile> found = attachments.find(key);
        if (found.isEmpty()) {
            return notFound(id, uri);
        }
        EmailAttachments.StoredFile file = found.get();
        String name = file.name() == null ? "attachment" : file.name();
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static Response notFound(String id, UriInfo uri) {
        return Problems.response(ProblemDetail.of("unknown-attachment", "Unknown attachment", 404,
                "there is no attachment '" + id + "'"), uri);
    }
}
