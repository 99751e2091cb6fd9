package chat.free4.mesh;

import chat.free4.peer.PeerId;

/**
 * Decides which side of a pair creates the offer, so two peers never offer at once (no glare):
 * the peer whose id sorts lower offers. Both sides compute the same answer without talking.
 * See docs/decisions/0001-mesh-offer-rule.md.
 */
public final class OfferRule {
    private OfferRule() {
    }

    public static boolean iOffer(PeerId self, PeerId remote) {
        return self.compareTo(remote) < 0;
    }
}
