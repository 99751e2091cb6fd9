package chat.free4.ui.room.board;

import chat.free4.board.BoardOp;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/** Draws strokes on a JavaFX canvas: smooth on screen; the exported PNG comes from the engine's renderer. */
final class BoardPainter {
    static final Color BACKGROUND = Color.WHITE;

    private BoardPainter() {
    }

    static void background(GraphicsContext g, double width, double height) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, height);
    }

    static void stroke(GraphicsContext g, BoardOp.Stroke s) {
        pen(g, s.eraser() ? BACKGROUND : rgb(s.rgb()), s.width(), s.xy());
    }

    static void pen(GraphicsContext g, Color colour, int width, int[] xy) {
        int n = xy.length / 2;
        if (n == 0) {
            return;
        }
        if (n == 1) {
            g.setFill(colour);
            g.fillOval(xy[0] - width / 2.0, xy[1] - width / 2.0, width, width);
            return;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
        }
        g.setStroke(colour);
        g.setLineWidth(width);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.strokePolyline(xs, ys, n);
    }

    static Color rgb(int rgb) {
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    static int rgb(Color c) {
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }
}
