package io.omnichannel.gateway.adapters.social.messenger;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.outbound.DeliveryResult;
import io.omnichannel.gateway.adapters.outbound.OutboundChannel;
import io.omnichannel.gateway.adapters.social.CustomerWindows;
import io.omnichannel.gateway.adapters.social.GraphApi;
import io.omnichannel.gateway.adapters.social.MetaConfig;
import io.omnichannel.gateway.adapters.social.MetaProduct;
import io.omnichannel.gateway.contract.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Replies to Instagram customers (IGSIDs) through the linked page's token, or with Instagram Login
 * tokens through {@code options.graph-url=https://graph.instagram.com/<version>}; texts over 1000
 * characters go in parts.
 */
@ApplicationScoped
public class InstagramOutboundChannel implements OutboundChannel {

    private final SendApi sendApi;

    InstagramOutboundChannel(GraphApi graph, CustomerWindows windows, MetaConfig config) {
        this.sendApi = new SendApi(MetaProduct.INSTAGRAM, 1000, graph, windows, config);
    }

    @Override
    public String provider() {
        return sendApi.provider();
    }

    @Override
    public DeliveryResult deliver(Inbox inbox, OutboundMessage message) {
        return sendApi.deliver(inbox, message);
    }
}
