package chat.free4.ui.widgets;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scrolls a scroll pane so a node inside it is fully visible (used when focus moves by keyboard). */
public final class ScrollIntoView {
    private ScrollIntoView() {
    }

    public static void reveal(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        if (content == null || !isInside(node, content)) {
            return;
        }
        Bounds nodeBounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = pane.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        double top = -pane.getViewportBounds().getMinY();
        if (nodeBounds.getMinY() >= top && nodeBounds.getMaxY() <= top + viewport) {
            return;
        }
        double target = Math.max(0, Math.min(nodeBounds.getMinY() - 24, contentHeight - viewport));
        pane.setVvalue(pane.getVmin() + (pane.getVmax() - pane.getVmin()) * target / (contentHeight - viewport));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
