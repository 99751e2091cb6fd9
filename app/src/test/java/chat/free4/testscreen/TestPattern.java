package chat.free4.testscreen;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A picture the tests put on a shared screen and look for in the viewer's frames: a grid of
 * coloured blocks (each its own colour per pattern number) with a line of text. Blocks are large
 * so that compression changes their centres by little.
 */
public final class TestPattern {
    public static final int COLUMNS = 4;
    public static final int ROWS = 3;
    private static final int[][] PALETTES = {
            {0xE02020, 0x20C020, 0x2040E0, 0xF0E020, 0xE020E0, 0x20D0D0, 0xF08020, 0x808080, 0xFFFFFF, 0x101010, 0x804020, 0x60A0FF},
            {0x20D0D0, 0xF08020, 0x101010, 0xE02020, 0xFFFFFF, 0x2040E0, 0x20C020, 0xE020E0, 0x804020, 0xF0E020, 0x60A0FF, 0x808080},
    };

    private TestPattern() {
    }

    public static int patterns() {
        return PALETTES.length;
    }

    /** The colour (0xRRGGBB) of block (column, row) in pattern {@code n}. */
    public static int color(int n, int column, int row) {
        return PALETTES[n % PALETTES.length][row * COLUMNS + column];
    }

    public static BufferedImage draw(int n, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int bw = width / COLUMNS;
        int bh = height / ROWS;
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                g.setColor(new Color(color(n, column, row)));
                g.fillRect(column * bw, row * bh, bw, bh);
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString("free4chat screen test " + n, 20, height - 20);
        g.dispose();
        return image;
    }

    /**
     * Whether {@code picture} (0xRRGGBB at any resolution) shows pattern {@code n}: the middle of
     * every block within {@code tolerance} per colour channel. Returns "" if so, else what differs.
     */
    public static String mismatch(int n, BufferedImage picture, int tolerance) {
        StringBuilder wrong = new StringBuilder();
        int bw = picture.getWidth() / COLUMNS;
        int bh = picture.getHeight() / ROWS;
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                int x = column * bw + bw / 2;
                int y = row * bh + bh / 3; // above the text line
                int seen = picture.getRGB(x, y) & 0xffffff;
                int expected = color(n, column, row);
                if (distance(seen, expected) > tolerance) {
                    wrong.append(String.format("block %d,%d at %d,%d is %06x, expected %06x; ", column, row, x, y, seen, expected));
                }
            }
        }
        return wrong.toString();
    }

    private static int distance(int a, int b) {
        int max = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            max = Math.max(max, Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)));
        }
        return max;
    }
}
