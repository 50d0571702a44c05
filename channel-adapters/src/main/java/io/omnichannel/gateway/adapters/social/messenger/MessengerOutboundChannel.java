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

/** Replies to Messenger customers (PSIDs) from the inbox's page; texts over 2000 characters go in parts. */
@ApplicationScoped
public class MessengerOutboundChannel implements OutboundChannel {

    private final SendApi sendApi;

    MessengerOutboundChannel(GraphApi graph, CustomerWindows windows, MetaConfig config) {
        this.sendApi = new SendApi(MetaProduct.MESSENGER, 2000, graph, windows, config);
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
