package io.omnichannel.gateway.adapters.sandbox;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The local provider sandbox's endpoints, at the paths of the providers' own APIs below
 * {@code /sandbox/twilio}, {@code /sandbox/graph} and {@code /sandbox/api}. 404 unless
 * {@code adapters.sandbox.enabled}; not part of the public API.
 */
@Path("/sandbox")
public class ProviderSandboxResource {

    private final ProviderSandbox sandbox;

    ProviderSandboxResource(ProviderSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @POST
    @Path("/twilio/2010-04-01/Accounts/{account}/Messages.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response twilio(@PathParam("account") String account, byte[] body) {
        return sandbox.twilioMessage(account, body);
    }

    @POST
    @Path("/graph/{node}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response graph(@PathParam("node") String node, byte[] body) {
        return sandbox.graphMessage(node, body);
    }

    @POST
    @Path("/api/{path:.*}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response api(@HeaderParam("X-Gateway-Delivery") String delivery, byte[] body) {
        return sandbox.apiWebhook(delivery, body);
    }

    @GET
    @Path("/sent")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public List<SentMessage> sent() {
        return sandbox.sent();
    }
}
