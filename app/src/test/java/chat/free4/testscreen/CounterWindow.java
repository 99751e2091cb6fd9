package chat.free4.testscreen;

import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;

/**
 * Benchmark program: covers its display with a counter drawn as {@link #BITS} black or white
 * blocks (most significant first) over the top half, the rest grey text-like stripes, and shows
 * the next number every {@code args[0]} ms, printing "SHOWN n NANOS" (System.nanoTime, the same
 * monotonic clock in every process) once the X server has it.
 */
public final class CounterWindow {
    public static final int BITS = 12;

    private CounterWindow() {
    }

    public static void main(String[] args) throws Exception {
        long every = Long.parseLong(args[0]);
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
        BufferedImage[] image = {draw(0, screen.width, screen.height)};
        Frame frame = new Frame("counter") {
            @Override
            public void paint(Graphics g) {
                g.drawImage(image[0], 0, 0, null);
            }

            @Override
            public void update(Graphics g) {
                paint(g);
            }
        };
        frame.setUndecorated(true);
        frame.setBounds(screen);
        java.awt.EventQueue.invokeAndWait(() -> frame.setVisible(true));
        for (int n = 1; ; n++) {
            Thread.sleep(every); // the benchmark's own pace, not a synchronisation
            image[0] = draw(n, screen.width, screen.height);
            java.awt.EventQueue.invokeAndWait(() -> {
                frame.getGraphics().drawImage(image[0], 0, 0, null);
                Toolkit.getDefaultToolkit().sync();
            });
            System.out.println("SHOWN " + n + " " + System.nanoTime());
            System.out.flush();
        }
    }

    static BufferedImage draw(int n, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x808080));
        g.fillRect(0, 0, width, height);
        int bw = width / BITS;
        for (int bit = 0; bit < BITS; bit++) {
            boolean one = (n >> (BITS - 1 - bit) & 1) == 1;
            g.setColor(one ? Color.WHITE : Color.BLACK);
            g.fillRect(bit * bw, 0, bw, height / 2);
        }
        g.setColor(Color.BLACK);
        for (int y = height / 2 + 20; y < height; y += 24) {
            g.drawString("The quick brown fox jumps over the lazy dog " + n, 10, y);
        }
        g.dispose();
        return image;
    }

    /** The counter a picture of this window shows; -1 if a block is neither black nor white. */
    public static int read(java.util.function.IntBinaryOperator rgbAt, int width, int height) {
        int bw = width / BITS;
        int n = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int rgb = rgbAt.applyAsInt(bit * bw + bw / 2, height / 4);
            int luma = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
            if (luma > 200) {
                n = n << 1 | 1;
            } else if (luma < 55) {
                n = n << 1;
            } else {
                return -1;
            }
        }
        return n;
    }
}
