package chat.free4.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;

/**
 * What a screen reader would have to say for the controls on screen (issue 19): every button,
 * toggle, menu button and link has words (its text or its accessible text), an icon-only one
 * also a tooltip; every slider and text field has an accessible text or a label that names it.
 * Call on the FX thread.
 */
final class AccessibleNames {
    private AccessibleNames() {
    }

    /** One line per control that a screen reader could not name, naming the control; all showing windows. */
    static List<String> problemsInShowingWindows() {
        List<String> problems = new ArrayList<>();
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null) {
                collect(window.getScene().getRoot(), problems);
            }
        }
        return problems;
    }

    /** How many controls of the checked kinds the showing windows hold (so a check of nothing is noticed). */
    static int controlsInShowingWindows() {
        int[] count = {0};
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null) {
                count(window.getScene().getRoot(), count);
            }
        }
        return count[0];
    }

    private static void count(Node node, int[] count) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ButtonBase || node instanceof Slider || node instanceof TextInputControl) {
            count[0]++;
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> count(child, count));
        }
    }

    private static void collect(Node node, List<String> problems) {
        // What is not shown is not read out either (a hidden "Remove robot" beside "Add a robot").
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ButtonBase button) {
            if (blank(button.getAccessibleText()) && blank(button.getText())) {
                problems.add("no accessible text: " + describe(node));
            }
            if (blank(button.getText()) && button.getGraphic() != null
                    && (button.getTooltip() == null || blank(button.getTooltip().getText()))) {
                problems.add("icon only, no tooltip: " + describe(node));
            }
        } else if (node instanceof Slider || node instanceof TextInputControl) {
            if (blank(((javafx.scene.control.Control) node).getAccessibleText()) && !namedByLabel(node)) {
                problems.add("no accessible text and no label for it: " + describe(node));
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, problems);
            }
        }
    }

    /** A Label whose labelFor is this node: JavaFX reports it to the screen reader as the node's name. */
    private static boolean namedByLabel(Node node) {
        return node.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY) instanceof Labeled label
                && !blank(label.getText());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The node's kind, id and style classes, and the same for its parents up to the scene's root. */
    static String describe(Node node) {
        StringBuilder where = new StringBuilder(one(node));
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n.getId() != null || n.getParent() == null) {
                where.append(" in ").append(one(n));
                if (n.getId() != null && where.length() > 300) {
                    break;
                }
            }
        }
        return where.toString();
    }

    private static String one(Node node) {
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId())
                + (node.getStyleClass().isEmpty() ? "" : "." + String.join(".", node.getStyleClass()));
    }
}
