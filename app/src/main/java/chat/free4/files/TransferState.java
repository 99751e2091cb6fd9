package chat.free4.files;

/** Where one file transfer stands. The last four are final. */
public enum TransferState {
    /** Offered; waiting for the receiver to accept or decline. */
    OFFERED,
    TRANSFERRING,
    /** All bytes are across; the receiver is checking size and SHA-256. */
    VERIFYING,
    COMPLETED,
    DECLINED,
    CANCELLED,
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == DECLINED || this == CANCELLED || this == FAILED;
    }
}
