package chat.free4.packaging;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the app icon (a speech bubble holding a sound wave) and writes it in each platform's
 * format: PNG (Linux), ICO (Windows) and ICNS (macOS). ICO and ICNS both embed PNG images, which
 * Windows Vista+ and macOS 10.7+ read, so no image library is needed.
 */
final class IconWriter {
    private static final int[] ICO_SIZES = {16, 32, 48, 64, 256};
    /** ICNS element types holding PNG data, and their pixel size. */
    private static final String[] ICNS_TYPES = {"ic11", "ic12", "ic07", "ic08", "ic09"};
    private static final int[] ICNS_SIZES = {32, 64, 128, 256, 512};

    Path writePng(Path file, int size) {
        write(file, png(draw(size)));
        return file;
    }

    Path writeIco(Path file) {
        List<byte[]> images = new ArrayList<>();
        for (int size : ICO_SIZES) {
            images.add(png(draw(size)));
        }
        int headerSize = 6 + 16 * images.size();
        int total = headerSize + images.stream().mapToInt(b -> b.length).sum();
        ByteBuffer ico = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = headerSize;
        for (int i = 0; i < images.size(); i++) {
            int size = ICO_SIZES[i];
            ico.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            ico.put((byte) 0).put((byte) 0);
            ico.putShort((short) 1).putShort((short) 32);
            ico.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(ico::put);
        write(file, ico.array());
        return file;
    }

    Path writeIcns(Path file) {
        List<byte[]> images = new ArrayList<>();
        for (int size : ICNS_SIZES) {
            images.add(png(draw(size)));
        }
        int total = 8 + images.stream().mapToInt(b -> 8 + b.length).sum();
        ByteBuffer icns = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        icns.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(total);
        for (int i = 0; i < images.size(); i++) {
            icns.put(ICNS_TYPES[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            icns.putInt(8 + images.get(i).length).put(images.get(i));
        }
        write(file, icns.array());
        return file;
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 100.0, size / 100.0);
            // Tile: rounded square with a teal-to-blue gradient.
            g.setPaint(new GradientPaint(0, 0, new Color(0x14B8A6), 100, 100, new Color(0x2563EB)));
            g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 26, 26));
            // Speech bubble with a tail at the bottom left.
            Path2D bubble = new Path2D.Double();
            bubble.append(new RoundRectangle2D.Double(18, 22, 64, 46, 22, 22), false);
            bubble.moveTo(30, 62);
            bubble.lineTo(26, 80);
            bubble.lineTo(46, 66);
            bubble.closePath();
            g.setColor(Color.WHITE);
            g.fill(bubble);
            // Sound wave: five bars of varying height.
            g.setColor(new Color(0x1E40AF));
            g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double[] heights = {8, 20, 30, 20, 8};
            for (int i = 0; i < heights.length; i++) {
                double x = 32 + i * 9;
                g.draw(new java.awt.geom.Line2D.Double(x, 45 - heights[i] / 2, x, 45 + heights[i] / 2));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the icon as PNG", e);
        }
        return out.toByteArray();
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the icon " + file, e);
        }
    }
}
