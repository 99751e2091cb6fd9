package chat.free4.files;

public enum TransferDirection { OUTGOING, INCOMING }
