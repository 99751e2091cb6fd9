package chat.free4.board;

import chat.free4.peer.PeerId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The board channel's frames (docs/PROTOCOL.md, "The whiteboard channel"): binary, big-endian,
 * one frame per data channel message, version byte 1 then a kind: OPS (new operations), SYNC
 * (operations answering a HAVE),
 * HAVE (what the sender has, per author) or PREVIEW (a stroke still being drawn). Decoding checks
 * every length against what is left, so a frame cannot make us allocate more than it carries.
 */
public final class BoardCodec {
    static final int VERSION = 1;
    static final int OPS = 1;
    static final int HAVE = 2;
    static final int PREVIEW = 3;
    /** OPS answering a HAVE: the board's history, not new strokes, so not held to the live rate. */
    static final int SYNC = 4;
    private static final int STROKE = 1;
    private static final int UNDO = 2;
    private static final int CLEAR = 3;
    /** Leaves room for a batch header under the frame limit. */
    private static final int BATCH_BYTES = BoardLimits.MAX_FRAME_BYTES - 1024;

    private BoardCodec() {
    }

    /** A decoded frame: one of its three kinds. */
    public sealed interface Frame permits Ops, Have, Preview {
    }

    /** @param history an answer to our HAVE (held to the board's size), not live drawing (held to its rate) */
    public record Ops(List<BoardOp> ops, boolean history) implements Frame {
    }

    public record Have(Map<PeerId, Long> have) implements Frame {
    }

    /** A stroke being drawn by the channel's peer: shown until its stroke (or nothing) follows. */
    public record Preview(long key, int rgb, int width, boolean eraser, int[] xy) implements Frame {
    }

    /** New operations in frames of at most {@link BoardLimits#MAX_FRAME_BYTES}. */
    public static List<byte[]> opsFrames(List<BoardOp> ops) {
        return frames(ops, OPS);
    }

    /** The answer to a peer's HAVE, in frames of at most {@link BoardLimits#MAX_FRAME_BYTES}. */
    public static List<byte[]> syncFrames(List<BoardOp> ops) {
        return frames(ops, SYNC);
    }

    private static List<byte[]> frames(List<BoardOp> ops, int kind) {
        List<byte[]> frames = new ArrayList<>();
        List<byte[]> batch = new ArrayList<>();
        int bytes = 0;
        for (BoardOp op : ops) {
            byte[] one = encodeOp(op);
            if (!batch.isEmpty() && (bytes + one.length > BATCH_BYTES || batch.size() == 0xFFFF)) {
                frames.add(opsFrame(batch, kind));
                batch.clear();
                bytes = 0;
            }
            batch.add(one);
            bytes += one.length;
        }
        if (!batch.isEmpty()) {
            frames.add(opsFrame(batch, kind));
        }
        return frames;
    }

    private static byte[] opsFrame(List<byte[]> encoded, int kind) {
        return write(out -> {
            out.writeByte(VERSION);
            out.writeByte(kind);
            out.writeShort(encoded.size());
            for (byte[] op : encoded) {
                out.write(op);
            }
        });
    }

    public static byte[] haveFrame(Map<PeerId, Long> have) {
        return write(out -> {
            out.writeByte(VERSION);
            out.writeByte(HAVE);
            List<Map.Entry<PeerId, Long>> entries = new ArrayList<>(have.entrySet());
            entries.sort(Map.Entry.comparingByKey());
            List<Map.Entry<PeerId, Long>> sent = entries.subList(0, Math.min(entries.size(), BoardLimits.MAX_AUTHORS));
            out.writeShort(sent.size()); // beyond the limit the peer just sends us more than we lack
            for (Map.Entry<PeerId, Long> e : sent) {
                writePeer(out, e.getKey());
                out.writeLong(e.getValue());
            }
        });
    }

    public static byte[] previewFrame(Preview p) {
        return write(out -> {
            out.writeByte(VERSION);
            out.writeByte(PREVIEW);
            out.writeLong(p.key());
            writePen(out, p.rgb(), p.width(), p.eraser(), p.xy());
        });
    }

    /** One operation's canonical bytes (also what the board's hash is taken over). */
    public static byte[] encodeOp(BoardOp op) {
        return write(out -> {
            if (op instanceof BoardOp.Stroke s) {
                header(out, STROKE, s);
                writePen(out, s.rgb(), s.width(), s.eraser(), s.xy());
            } else if (op instanceof BoardOp.Undo u) {
                header(out, UNDO, u);
                out.writeLong(u.target().counter()); // its author's own stroke, by construction
            } else {
                header(out, CLEAR, op);
            }
        });
    }

    public static Frame decode(byte[] data) throws BoardRefusedException {
        if (data.length > BoardLimits.MAX_FRAME_BYTES) {
            throw new BoardRefusedException("a board frame of " + data.length + " bytes is over the limit");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        try {
            if (in.readUnsignedByte() != VERSION) {
                throw new BoardRefusedException("a board frame of an unknown version");
            }
            int kind = in.readUnsignedByte();
            Frame frame = switch (kind) {
                case OPS -> readOps(in, false);
                case SYNC -> readOps(in, true);
                case HAVE -> readHave(in);
                case PREVIEW -> readPreview(in);
                default -> throw new BoardRefusedException("a board frame of an unknown kind");
            };
            if (in.available() != 0) {
                throw new BoardRefusedException("a board frame with bytes after its end");
            }
            return frame;
        } catch (EOFException e) {
            throw new BoardRefusedException("a board frame cut short");
        } catch (IOException e) {
            throw new BoardRefusedException("an unreadable board frame");
        } catch (IllegalArgumentException e) {
            throw new BoardRefusedException("a board frame with an invalid field");
        }
    }

    private static Ops readOps(DataInputStream in, boolean history) throws IOException, BoardRefusedException {
        int count = in.readUnsignedShort();
        List<BoardOp> ops = new ArrayList<>(Math.min(count, in.available() / 20 + 1));
        for (int i = 0; i < count; i++) {
            ops.add(readOp(in));
        }
        return new Ops(ops, history);
    }

    private static BoardOp readOp(DataInputStream in) throws IOException, BoardRefusedException {
        int type = in.readUnsignedByte();
        PeerId peer = readPeer(in);
        OpId id = new OpId(peer, in.readLong());
        long lamport = in.readLong();
        return switch (type) {
            case STROKE -> {
                int rgb = in.readInt();
                int width = in.readUnsignedByte();
                boolean eraser = readFlag(in);
                yield new BoardOp.Stroke(id, lamport, rgb, width, eraser, readPoints(in));
            }
            case UNDO -> new BoardOp.Undo(id, lamport, new OpId(peer, in.readLong()));
            case CLEAR -> new BoardOp.Clear(id, lamport);
            default -> throw new BoardRefusedException("a board operation of an unknown type");
        };
    }

    private static Have readHave(DataInputStream in) throws IOException, BoardRefusedException {
        int count = in.readUnsignedShort();
        if (count > BoardLimits.MAX_AUTHORS) {
            throw new BoardRefusedException("a summary naming too many peers");
        }
        Map<PeerId, Long> have = new HashMap<>();
        for (int i = 0; i < count; i++) {
            PeerId peer = readPeer(in);
            long n = in.readLong();
            if (n < 0) {
                throw new BoardRefusedException("a summary with a negative count");
            }
            have.put(peer, n);
        }
        return new Have(have);
    }

    private static Preview readPreview(DataInputStream in) throws IOException, BoardRefusedException {
        long key = in.readLong();
        int rgb = in.readInt();
        int width = in.readUnsignedByte();
        boolean eraser = readFlag(in);
        return new Preview(key, rgb, width, eraser, readPoints(in));
    }

    private static int[] readPoints(DataInputStream in) throws IOException, BoardRefusedException {
        int points = in.readUnsignedShort();
        if (points * 4 > in.available()) {
            throw new BoardRefusedException("a stroke cut short");
        }
        int[] xy = new int[points * 2];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = in.readUnsignedShort();
        }
        return xy;
    }

    private static boolean readFlag(DataInputStream in) throws IOException, BoardRefusedException {
        int flag = in.readUnsignedByte();
        if (flag > 1) {
            throw new BoardRefusedException("a stroke with an invalid eraser flag");
        }
        return flag == 1;
    }

    private static PeerId readPeer(DataInputStream in) throws IOException {
        int len = in.readUnsignedByte();
        byte[] b = in.readNBytes(len);
        if (b.length != len) {
            throw new EOFException();
        }
        return new PeerId(new String(b, StandardCharsets.US_ASCII));
    }

    private static void header(DataOutputStream out, int type, BoardOp op) throws IOException {
        out.writeByte(type);
        writePeer(out, op.id().peer());
        out.writeLong(op.id().counter());
        out.writeLong(op.lamport());
    }

    private static void writePen(DataOutputStream out, int rgb, int width, boolean eraser, int[] xy) throws IOException {
        if (width > 255 || xy.length / 2 > 0xFFFF) {
            throw new IllegalArgumentException("stroke beyond what the wire format carries");
        }
        out.writeInt(rgb);
        out.writeByte(width);
        out.writeByte(eraser ? 1 : 0);
        out.writeShort(xy.length / 2);
        for (int v : xy) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("point beyond what the wire format carries");
            }
            out.writeShort(v);
        }
    }

    private static void writePeer(DataOutputStream out, PeerId peer) throws IOException {
        byte[] b = peer.value().getBytes(StandardCharsets.US_ASCII);
        out.writeByte(b.length);
        out.write(b);
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
