package chat.free4.board;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the board into an image, off any UI thread. Aliased (no antialiasing, pure stroke
 * geometry) and in draw order, so the same operation set gives the same pixels on every peer;
 * the desktop canvas may draw more smoothly, but the exported PNG is this.
 */
public final class BoardRenderer {
    public static final int BACKGROUND = 0xFFFFFF;

    private BoardRenderer() {
    }

    public static BufferedImage render(BoardState board) {
        return render(board.visibleStrokes(), board.limits().width(), board.limits().height());
    }

    /** {@code strokes} must be in draw order ({@link BoardState#visibleStrokes()}). */
    public static BufferedImage render(List<BoardOp.Stroke> strokes, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
            g.setColor(new Color(BACKGROUND));
            g.fillRect(0, 0, width, height);
            for (BoardOp.Stroke s : strokes) {
                draw(g, s);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void draw(Graphics2D g, BoardOp.Stroke s) {
        g.setColor(new Color(s.eraser() ? BACKGROUND : s.rgb()));
        if (s.points() == 1) {
            double r = s.width() / 2.0;
            g.fill(new Ellipse2D.Double(s.x(0) - r, s.y(0) - r, s.width(), s.width()));
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(s.x(0), s.y(0));
        for (int i = 1; i < s.points(); i++) {
            path.lineTo(s.x(i), s.y(i));
        }
        g.setStroke(new BasicStroke(s.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    public static void writePng(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("No PNG writer in this Java runtime.");
        }
    }

    public static void writePng(BufferedImage image, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writePng(image, out);
        }
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writePng(image, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** SHA-256 of the pixels (RGB, row by row): what "pixel-identical" is checked by. */
    public static String pixelHash(BufferedImage image) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int[] row = new int[image.getWidth()];
        byte[] bytes = new byte[row.length * 3];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int x = 0; x < row.length; x++) {
                bytes[3 * x] = (byte) (row[x] >> 16);
                bytes[3 * x + 1] = (byte) (row[x] >> 8);
                bytes[3 * x + 2] = (byte) row[x];
            }
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
