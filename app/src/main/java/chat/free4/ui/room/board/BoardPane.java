package chat.free4.ui.room.board;

import chat.free4.ui.i18n.Texts;

import chat.free4.board.BoardCodec;
import chat.free4.board.BoardListener;
import chat.free4.board.BoardOp;
import chat.free4.board.BoardRefusedException;
import chat.free4.peer.PeerId;
import chat.free4.session.SessionBoard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The room's whiteboard: pen (colours, widths), line and eraser; undo and redo of our own
 * strokes, clear (asked first), export as PNG; scroll to zoom, drag with the right or middle
 * button to pan. Others' strokes in progress are drawn as they come. Board changes arrive on
 * channel threads and are redrawn on the FX thread at most once per pulse.
 */
public final class BoardPane extends BorderPane {
    static final List<Integer> COLOURS = List.of(0x000000, 0xE53935, 0x1E88E5, 0x43A047, 0xFB8C00, 0x8E24AA, 0x795548, 0xFDD835);
    static final List<Integer> WIDTHS = List.of(2, 4, 8, 16, 32);
    /** Previews to the others at most this often: enough to look live, few frames. */
    private static final long PREVIEW_EVERY_NANOS = 33_000_000;

    private final SessionBoard board;
    private final BoardPaneActions actions;
    private final Executor fx;
    private final Canvas canvas;
    private final Label status = new Label();
    private final Button undo = new Button(Texts.get("board.undo"));
    private final Button redo = new Button(Texts.get("board.redo"));
    private final ToggleGroup tools = new ToggleGroup();
    private final ComboBox<Integer> width = new ComboBox<>();
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final Map<PeerId, BoardCodec.Preview> previews = new ConcurrentHashMap<>();
    private final AtomicBoolean redrawQueued = new AtomicBoolean();
    private final BoardListener listener;
    private int colour = COLOURS.get(0);
    /** Our stroke in progress (board pixels), or null; FX thread only. */
    private int[] drawing;
    private int drawn;
    private long previewKey;
    private long lastPreview;
    private double panX;
    private double panY;

    public BoardPane(SessionBoard board, BoardPaneActions actions, Executor fx) {
        this.board = board;
        this.actions = actions;
        this.fx = fx;
        setId("board");
        canvas = new Canvas(board.limits().width(), board.limits().height());
        canvas.setId("board-canvas");
        canvas.getTransforms().setAll(pan, zoom);
        Pane viewport = new Pane(canvas);
        viewport.setId("board-viewport");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        viewport.setStyle("-fx-background-color: #cfd8dc;");
        setTop(toolbar());
        setCenter(viewport);
        status.setId("board-status");
        status.setWrapText(true);
        setBottom(status);
        BorderPane.setMargin(status, new Insets(4, 8, 4, 8));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        viewport.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        listener = new BoardListener() {
            @Override
            public void onBoardChanged() {
                queueRedraw();
            }

            @Override
            public void onPreview(PeerId peer, BoardCodec.Preview preview) {
                if (preview == null) {
                    previews.remove(peer);
                } else {
                    previews.put(peer, preview);
                }
                queueRedraw();
            }
        };
        board.addListener(listener);
        redraw();
    }

    /** Stops following the board (the room was left). */
    public void dispose() {
        board.removeListener(listener);
    }

    private HBox toolbar() {
        ToggleButton pen = tool(Texts.get("board.pen"), "board-pen", BoardTool.PEN);
        ToggleButton line = tool(Texts.get("board.line"), "board-line", BoardTool.LINE);
        ToggleButton eraser = tool(Texts.get("board.eraser"), "board-eraser", BoardTool.ERASER);
        pen.setSelected(true);
        HBox bar = new HBox(6, pen, line, eraser);
        ToggleGroup swatches = new ToggleGroup();
        for (int rgb : COLOURS) {
            ToggleButton swatch = new ToggleButton();
            swatch.setId(String.format("board-colour-%06x", rgb));
            swatch.setToggleGroup(swatches);
            swatch.setGraphic(new Rectangle(14, 14, BoardPainter.rgb(rgb)));
            chat.free4.ui.widgets.Described.iconOnly(swatch, "board.colour", String.format("#%06X", rgb));
            swatch.setOnAction(e -> {
                colour = rgb;
                swatch.setSelected(true);
            });
            swatch.setSelected(rgb == colour);
            bar.getChildren().add(swatch);
        }
        width.setId("board-width");
        width.getItems().setAll(WIDTHS);
        width.setValue(4);
        width.setAccessibleText(Texts.get("board.penWidth"));
        undo.setId("board-undo");
        redo.setId("board-redo");
        Button clear = new Button(Texts.get("board.clear"));
        clear.setId("board-clear");
        Button export = new Button(Texts.get("board.exportPng"));
        export.setId("board-export");
        undo.setOnAction(e -> act(() -> board.undo()));
        redo.setOnAction(e -> act(() -> board.redo()));
        clear.setOnAction(e -> {
            if (actions.confirmClear()) {
                act(() -> {
                    board.clear();
                    return true;
                });
            }
        });
        export.setOnAction(e -> actions.chooseExportTarget().ifPresent(this::export));
        bar.getChildren().addAll(width, undo, redo, clear, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        refreshButtons();
        return bar;
    }

    private ToggleButton tool(String text, String id, BoardTool tool) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(tool);
        b.setToggleGroup(tools);
        return b;
    }

    private BoardTool tool() {
        return tools.getSelectedToggle() == null ? BoardTool.PEN : (BoardTool) tools.getSelectedToggle().getUserData();
    }

    private interface BoardAction {
        boolean run() throws BoardRefusedException;
    }

    private void act(BoardAction action) {
        try {
            action.run();
            status.setText("");
        } catch (BoardRefusedException e) {
            status.setText(Texts.get("board.notReached", e.getMessage()));
        }
        refreshButtons();
    }

    private void refreshButtons() {
        undo.setDisable(!board.canUndo());
        redo.setDisable(!board.canRedo());
    }

    private void export(Path file) {
        try {
            board.exportPng(file);
            status.setText(Texts.get("board.saved", String.valueOf(file.getFileName())));
        } catch (IOException e) {
            status.setText(Texts.get("board.saveFailed", e.getMessage()));
        }
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            panX = e.getSceneX();
            panY = e.getSceneY();
            return;
        }
        drawing = new int[64];
        drawn = 0;
        previewKey++;
        add(e);
        redraw();
    }

    private void dragged(MouseEvent e) {
        if (!e.isPrimaryButtonDown()) {
            pan.setX(pan.getX() + e.getSceneX() - panX);
            pan.setY(pan.getY() + e.getSceneY() - panY);
            panX = e.getSceneX();
            panY = e.getSceneY();
            return;
        }
        if (drawing == null) {
            return;
        }
        if (tool() == BoardTool.LINE) {
            drawn = 1; // a line keeps its start; the end follows the pointer
        } else if (drawn >= board.limits().maxPointsPerStroke()) {
            int[] last = {drawing[2 * drawn - 2], drawing[2 * drawn - 1]};
            finish(); // a very long stroke goes on as a new one
            drawing = new int[64];
            drawing[0] = last[0];
            drawing[1] = last[1];
            drawn = 1;
            previewKey++;
        }
        add(e);
        long now = System.nanoTime();
        if (now - lastPreview >= PREVIEW_EVERY_NANOS) {
            lastPreview = now;
            board.preview(previewKey, penColour(), width.getValue(), tool() == BoardTool.ERASER, Arrays.copyOf(drawing, 2 * drawn));
        }
        redraw();
    }

    private void released(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || drawing == null) {
            return;
        }
        if (tool() == BoardTool.LINE) {
            drawn = 1;
            add(e);
        }
        finish();
        drawing = null;
        redraw();
    }

    private void finish() {
        int[] xy = Arrays.copyOf(drawing, 2 * drawn);
        act(() -> {
            board.draw(penColour(), width.getValue(), tool() == BoardTool.ERASER, xy);
            return true;
        });
    }

    private int penColour() {
        return tool() == BoardTool.ERASER ? BoardPainter.rgb(BoardPainter.BACKGROUND) : colour;
    }

    /** Adds the pointer's board pixel (the canvas's own coordinates: pan and zoom undone). */
    private void add(MouseEvent e) {
        int x = (int) Math.max(0, Math.min(board.limits().width() - 1, Math.round(e.getX())));
        int y = (int) Math.max(0, Math.min(board.limits().height() - 1, Math.round(e.getY())));
        if (drawn > 0 && drawing[2 * drawn - 2] == x && drawing[2 * drawn - 1] == y) {
            return;
        }
        if (2 * drawn + 2 > drawing.length) {
            drawing = Arrays.copyOf(drawing, drawing.length * 2);
        }
        drawing[2 * drawn] = x;
        drawing[2 * drawn + 1] = y;
        drawn++;
    }

    /** Scrolling zooms around the pointer, from a tenth to eight times. */
    private void scrolled(ScrollEvent e) {
        double factor = e.getDeltaY() > 0 ? 1.1 : 1 / 1.1;
        double z = Math.max(0.1, Math.min(8, zoom.getX() * factor));
        double bx = (e.getX() - pan.getX()) / zoom.getX();
        double by = (e.getY() - pan.getY()) / zoom.getY();
        zoom.setX(z);
        zoom.setY(z);
        pan.setX(e.getX() - z * bx);
        pan.setY(e.getY() - z * by);
        e.consume();
    }

    /** The zoom factor (1 is one board pixel per screen pixel). */
    public double zoom() {
        return zoom.getX();
    }

    private void queueRedraw() {
        if (redrawQueued.compareAndSet(false, true)) {
            fx.execute(() -> {
                redrawQueued.set(false);
                redraw();
                refreshButtons();
            });
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        BoardPainter.background(g, canvas.getWidth(), canvas.getHeight());
        for (BoardOp.Stroke s : board.visibleStrokes()) {
            BoardPainter.stroke(g, s);
        }
        for (BoardCodec.Preview p : previews.values()) {
            BoardPainter.pen(g, p.eraser() ? BoardPainter.BACKGROUND : BoardPainter.rgb(p.rgb()), p.width(), p.xy());
        }
        if (drawing != null) {
            BoardPainter.pen(g, BoardPainter.rgb(penColour()), width.getValue(), Arrays.copyOf(drawing, 2 * drawn));
        }
    }
}
