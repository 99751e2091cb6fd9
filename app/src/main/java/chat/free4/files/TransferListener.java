package chat.free4.files;

/**
 * Told about every change of every transfer, incoming offers included (state OFFERED, direction
 * INCOMING). Called on a channel event thread; must not block.
 */
@FunctionalInterface
public interface TransferListener {

    void onTransfer(TransferStatus status);
}
