package io.omnichannel.gateway.conversation.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API description's front page: what the API is for, how to authenticate, the groups of endpoints. */
@OpenAPIDefinition(
        info = @Info(title = "Conversation API", version = "1",
                description = "The agents' desktop API of the omnichannel gateway: conversations with their timeline, "
                        + "replies, notes and actions, customers across channels, presence and the live event stream. "
                        + "Every call needs a JWT bearer token (claims: upn or sub = agent id, groups = roles agent, "
                        + "supervisor, admin; team or teams = the agent's teams). Agents see their own and their teams' "
                        + "conversations, supervisors and admins all; anything else answers 404. Errors are "
                        + "application/problem+json (RFC 9457). Lists page with an opaque 'cursor'."),
        security = @SecurityRequirement(name = ApiDocs.BEARER),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = ApiDocs.BEARER,
                type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "A JWT signed with the key the service trusts (mp.jwt.verify.publickey.location)")),
        tags = {
                @Tag(name = "Conversations", description = "Lists, detail and timeline of conversations"),
                @Tag(name = "Actions", description = "Reply, note, transfer, escalate, snooze, resolve, reopen, priority, tags"),
                @Tag(name = "Customers", description = "One customer across channels: identities, history, notes"),
                @Tag(name = "Me", description = "The calling agent: who they are, their presence, their live event stream")
        })
public class ApiDocs extends Application {

    static final String BEARER = "bearer";
}
