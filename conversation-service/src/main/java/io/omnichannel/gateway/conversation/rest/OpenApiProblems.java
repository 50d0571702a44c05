package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.contract.ProblemDetail;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Adds the answers every API operation may give (401, 403, 500, 503) to the description, as problem+json. */
public class OpenApiProblems implements OASFilter {

    private static final Map<String, String> COMMON = Map.of(
            "401", "No token, or a token that is expired or not signed with the trusted key",
            "403", "The token has none of the roles agent, supervisor, admin",
            "500", "Unexpected failure; it was logged",
            "503", "The database or a service it needs is unavailable; retry later");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") && item.getOperations() != null) {
                item.getOperations().values().forEach(this::addCommon);
            }
        });
    }

    private void addCommon(Operation operation) {
        COMMON.forEach((code, description) -> {
            APIResponse existing = operation.getResponses().getAPIResponse(code);
            if (existing == null || existing.getContent() == null) {
                operation.getResponses().addAPIResponse(code, problem(description));
            }
        });
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("ProblemDetail"))));
    }
}
