package io.omnichannel.gateway.conversation;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/** Bearer tokens as the desktops get them, signed with the local key pair (dev-keys/). */
final class Tokens {

    private Tokens() {
    }

    static String agent(String agentId, String team) {
        return Jwt.upn(agentId).groups(Set.of("agent")).claim("team", team).sign();
    }

    static String supervisor() {
        return Jwt.upn("supervisor-1").groups(Set.of("supervisor")).sign();
    }

    /** A request as the supervisor, who sees every conversation. */
    static RequestSpecification asSupervisor() {
        return RestAssured.given().auth().oauth2(supervisor());
    }

    static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }
}
